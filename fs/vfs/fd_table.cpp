// FdTable: lowest-free allocation, dup/dup2 and the fork/exec transitions.
#include "fs/vfs/fd_table.h"

Result<OwnPtr<FdTable>> FdTable::create() { return adopt_own_if_nonnull(new (std::nothrow) FdTable()); }

FdTable::~FdTable() { close_all(); }

Result<OwnPtr<FdTable>> FdTable::clone()
{
    auto copy = TRY(create());
    MutexLocker locker(m_lock);
    for (int fd = 0; fd < MAX_FDS; ++fd)
        copy->m_slots[fd] = m_slots[fd];
    return copy;
}

int FdTable::lowest_free_locked(int lowest) const
{
    for (int fd = lowest; fd < MAX_FDS; ++fd) {
        if (!m_slots[fd].description)
            return fd;
    }
    return -1;
}

Result<int> FdTable::allocate(NonnullRefPtr<OpenFileDescription> description, bool close_on_exec, int lowest)
{
    if (!in_range(lowest))
        return Error::InvalidArgument;
    MutexLocker locker(m_lock);
    int fd = lowest_free_locked(lowest);
    if (fd < 0)
        return Error::TooManyFiles;
    m_slots[fd].description = std::move(description);
    m_slots[fd].close_on_exec = close_on_exec;
    return fd;
}

Result<NonnullRefPtr<OpenFileDescription>> FdTable::get(int fd)
{
    if (!in_range(fd))
        return Error::BadFd;
    MutexLocker locker(m_lock);
    if (!m_slots[fd].description)
        return Error::BadFd;
    return NonnullRefPtr<OpenFileDescription>(*m_slots[fd].description);
}

Result<void> FdTable::close(int fd)
{
    if (!in_range(fd))
        return Error::BadFd;
    RefPtr<OpenFileDescription> dropped;
    {
        MutexLocker locker(m_lock);
        if (!m_slots[fd].description)
            return Error::BadFd;
        dropped = std::move(m_slots[fd].description);
        m_slots[fd].close_on_exec = false;
    }
    return {};
}

Result<int> FdTable::dup(int fd, int lowest, bool close_on_exec)
{
    auto description = TRY(get(fd));
    return allocate(std::move(description), close_on_exec, lowest);
}

Result<int> FdTable::dup2(int old_fd, int new_fd)
{
    if (!in_range(old_fd) || !in_range(new_fd))
        return Error::BadFd;
    RefPtr<OpenFileDescription> dropped;
    {
        MutexLocker locker(m_lock);
        if (!m_slots[old_fd].description)
            return Error::BadFd;
        if (old_fd == new_fd)
            return new_fd;
        dropped = std::move(m_slots[new_fd].description);
        m_slots[new_fd].description = m_slots[old_fd].description;
        m_slots[new_fd].close_on_exec = false;
    }
    return new_fd;
}

Result<bool> FdTable::close_on_exec(int fd)
{
    if (!in_range(fd))
        return Error::BadFd;
    MutexLocker locker(m_lock);
    if (!m_slots[fd].description)
        return Error::BadFd;
    return m_slots[fd].close_on_exec;
}

Result<void> FdTable::set_close_on_exec(int fd, bool value)
{
    if (!in_range(fd))
        return Error::BadFd;
    MutexLocker locker(m_lock);
    if (!m_slots[fd].description)
        return Error::BadFd;
    m_slots[fd].close_on_exec = value;
    return {};
}

void FdTable::close_on_exec_fds()
{
    for (int fd = 0; fd < MAX_FDS; ++fd) {
        RefPtr<OpenFileDescription> dropped;
        MutexLocker locker(m_lock);
        if (m_slots[fd].description && m_slots[fd].close_on_exec) {
            dropped = std::move(m_slots[fd].description);
            m_slots[fd].close_on_exec = false;
        }
        // dropped is declared before locker, so it goes after the unlock.
    }
}

void FdTable::close_all()
{
    for (int fd = 0; fd < MAX_FDS; ++fd) {
        RefPtr<OpenFileDescription> dropped;
        MutexLocker locker(m_lock);
        dropped = std::move(m_slots[fd].description);
        m_slots[fd].close_on_exec = false;
    }
}

usize FdTable::open_count()
{
    MutexLocker locker(m_lock);
    usize count = 0;
    for (auto const& slot : m_slots) {
        if (slot.description)
            ++count;
    }
    return count;
}
