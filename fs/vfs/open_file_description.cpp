// OpenFileDescription: the shared offset and the flag checks in front of the
// vnode's read/write ops.
#include "fs/vfs/open_file_description.h"

namespace {
constexpr u32 KEPT_FLAGS = OpenFlag::AccessModeMask | OpenFlag::StatusChangeable;
constexpr u64 MAX_OFFSET = u64(INT64_MAX);
} // namespace

OpenFileDescription::OpenFileDescription(NonnullRefPtr<Vnode> vnode, u32 flags)
    : m_vnode(std::move(vnode))
    , m_flags(flags & KEPT_FLAGS)
{
}

Result<NonnullRefPtr<OpenFileDescription>> OpenFileDescription::create(NonnullRefPtr<Vnode> vnode, u32 flags)
{
    if ((flags & OpenFlag::AccessModeMask) == OpenFlag::AccessModeMask)
        return Error::InvalidArgument;
    auto description = TRY(adopt_ref_if_nonnull(new (std::nothrow) OpenFileDescription(std::move(vnode), flags)));
    TRY(description->m_vnode->open(*description));
    description->m_opened = true;
    return description;
}

OpenFileDescription::~OpenFileDescription()
{
    if (m_opened)
        m_vnode->release(*this);
}

void OpenFileDescription::set_status_flags(u32 flags)
{
    u32 old = m_flags.load(std::memory_order_relaxed);
    u32 fresh;
    do {
        fresh = (old & ~OpenFlag::StatusChangeable) | (flags & OpenFlag::StatusChangeable);
    } while (!m_flags.compare_exchange_weak(old, fresh, std::memory_order_relaxed));
}

Result<usize> OpenFileDescription::read(u8* buffer, usize size)
{
    if (!is_readable())
        return Error::BadFd;
    if (m_vnode->is_directory())
        return Error::IsDirectory;
    if (!m_vnode->is_seekable())
        return m_vnode->read(*this, 0, buffer, size);
    MutexLocker locker(m_offset_lock);
    usize done = TRY(m_vnode->read(*this, m_offset, buffer, size));
    m_offset += done;
    return done;
}

Result<usize> OpenFileDescription::write(u8 const* data, usize size)
{
    if (!is_writable())
        return Error::BadFd;
    if (m_vnode->is_directory())
        return Error::IsDirectory;
    if (!m_vnode->is_seekable()) {
        u64 ignored = 0;
        return m_vnode->write(*this, ignored, data, size);
    }
    MutexLocker locker(m_offset_lock);
    u64 at = m_offset;
    usize done = TRY(m_vnode->write(*this, at, data, size));
    m_offset = at + done;
    return done;
}

Result<u64> OpenFileDescription::seek(i64 offset, SeekWhence whence)
{
    if (m_vnode->kind() == VnodeKind::Fifo || m_vnode->kind() == VnodeKind::Socket)
        return Error::IllegalSeek;
    MutexLocker locker(m_offset_lock);
    i64 base;
    switch (whence) {
    case SeekWhence::Set:
        base = 0;
        break;
    case SeekWhence::Current:
        base = static_cast<i64>(m_offset);
        break;
    case SeekWhence::End: {
        VnodeStat stat = TRY(m_vnode->stat());
        base = static_cast<i64>(stat.size);
        break;
    }
    default:
        return Error::InvalidArgument;
    }
    i64 target;
    if (__builtin_add_overflow(base, offset, &target))
        return Error::Overflow;
    if (target < 0)
        return Error::InvalidArgument;
    // A directory's offset is a readdir cookie: only rewinding is meaningful.
    if (m_vnode->is_directory() && target != 0 && whence != SeekWhence::Set)
        return Error::InvalidArgument;
    m_offset = static_cast<u64>(target);
    return m_offset;
}

u64 OpenFileDescription::offset()
{
    MutexLocker locker(m_offset_lock);
    return m_offset;
}

Result<usize> OpenFileDescription::read_directory(DirectoryEntry* entries, usize capacity)
{
    if (!m_vnode->is_directory())
        return Error::NotDirectory;
    MutexLocker locker(m_offset_lock);
    u64 cookie = m_offset;
    usize count = TRY(m_vnode->readdir(cookie, entries, capacity));
    m_offset = cookie;
    return count;
}

Result<void> OpenFileDescription::truncate(u64 size)
{
    if (!is_writable() || !m_vnode->is_regular())
        return Error::InvalidArgument;
    if (size > MAX_OFFSET)
        return Error::FileTooBig;
    return m_vnode->truncate(size);
}
