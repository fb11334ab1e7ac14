// RamfsFile: page-chunked file data with holes.
#include "fs/ramfs/ramfs_file.h"

#include "fs/vfs/open_file_description.h"
#include "kernel/lib/string.h"

RamfsFile::RamfsFile(NonnullRefPtr<RamfsContext> context, u32 permissions, u32 uid, u32 gid)
    : RamfsNode(std::move(context), VnodeKind::Regular, permissions, uid, gid, 1)
{
}

Result<NonnullRefPtr<RamfsFile>> RamfsFile::create(NonnullRefPtr<RamfsContext> context, u32 permissions, u32 uid,
    u32 gid)
{
    return adopt_ref_if_nonnull(new (std::nothrow) RamfsFile(std::move(context), permissions, uid, gid));
}

RamfsFile::~RamfsFile() { free_pages_from(0); }

void RamfsFile::free_pages_from(usize first_page)
{
    for (usize i = first_page; i < m_pages.size(); ++i) {
        delete[] m_pages[i];
        m_pages[i] = nullptr;
    }
}

usize RamfsFile::read_locked(u64 offset, u8* buffer, usize size) const
{
    if (offset >= m_size)
        return 0;
    u64 available = m_size - offset;
    usize total = size < available ? size : static_cast<usize>(available);
    usize done = 0;
    while (done < total) {
        u64 position = offset + done;
        usize page = static_cast<usize>(position / PAGE_SIZE);
        usize within = static_cast<usize>(position % PAGE_SIZE);
        usize chunk = PAGE_SIZE - within;
        if (chunk > total - done)
            chunk = total - done;
        if (page < m_pages.size() && m_pages[page])
            memcpy(buffer + done, m_pages[page] + within, chunk);
        else
            memset(buffer + done, 0, chunk);
        done += chunk;
    }
    return done;
}

Result<usize> RamfsFile::write_locked(u64 offset, u8 const* data, usize size)
{
    if (size == 0)
        return 0;
    u64 end;
    if (__builtin_add_overflow(offset, u64(size), &end) || end > MAX_SIZE)
        return Error::FileTooBig;
    usize pages_needed = static_cast<usize>(align_up(end, PAGE_SIZE) / PAGE_SIZE);
    if (pages_needed > m_pages.size())
        TRY(m_pages.try_resize(pages_needed));
    usize done = 0;
    while (done < size) {
        u64 position = offset + done;
        usize page = static_cast<usize>(position / PAGE_SIZE);
        usize within = static_cast<usize>(position % PAGE_SIZE);
        usize chunk = PAGE_SIZE - within;
        if (chunk > size - done)
            chunk = size - done;
        if (!m_pages[page]) {
            u8* fresh = new (std::nothrow) u8[PAGE_SIZE];
            if (!fresh)
                break;
            memset(fresh, 0, PAGE_SIZE);
            m_pages[page] = fresh;
        }
        memcpy(m_pages[page] + within, data + done, chunk);
        done += chunk;
    }
    if (done == 0)
        return Error::NoMemory;
    if (offset + done > m_size)
        m_size = offset + done;
    touch_locked();
    return done;
}

Result<usize> RamfsFile::read(OpenFileDescription&, u64 offset, u8* buffer, usize size)
{
    return read_at(offset, buffer, size);
}

Result<usize> RamfsFile::write(OpenFileDescription& description, u64& offset, u8 const* data, usize size)
{
    MutexLocker locker(context().lock);
    if (description.is_append())
        offset = m_size;
    return write_locked(offset, data, size);
}

Result<usize> RamfsFile::read_at(u64 offset, u8* buffer, usize size)
{
    MutexLocker locker(context().lock);
    return read_locked(offset, buffer, size);
}

Result<usize> RamfsFile::write_at(u64 offset, u8 const* data, usize size)
{
    MutexLocker locker(context().lock);
    return write_locked(offset, data, size);
}

Result<void> RamfsFile::truncate(u64 size)
{
    if (size > MAX_SIZE)
        return Error::FileTooBig;
    MutexLocker locker(context().lock);
    usize pages_kept = static_cast<usize>(align_up(size, PAGE_SIZE) / PAGE_SIZE);
    if (size < m_size) {
        free_pages_from(pages_kept);
        TRY(m_pages.try_resize(pages_kept < m_pages.size() ? pages_kept : m_pages.size()));
        // Bytes past the new end in the last kept page must read as zeros if
        // the file grows again.
        usize within = static_cast<usize>(size % PAGE_SIZE);
        if (within != 0 && pages_kept - 1 < m_pages.size() && m_pages[pages_kept - 1])
            memset(m_pages[pages_kept - 1] + within, 0, PAGE_SIZE - within);
    }
    m_size = size;
    touch_locked();
    return {};
}
