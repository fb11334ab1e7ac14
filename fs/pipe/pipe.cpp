// Pipe: the blocking ring. Pipes belong to no file system (fs id 0); their
// inode numbers come from one counter.
#include "fs/pipe/pipe.h"

#include <atomic>

#include "fs/vfs/readiness.h"

namespace {
std::atomic<u64> g_next_pipe_inode { 1 };
}

Pipe::Pipe()
    : Vnode(VnodeKind::Fifo, 0, g_next_pipe_inode.fetch_add(1, std::memory_order_relaxed))
{
}

Result<Pipe::Ends> Pipe::create_pair(u32 flags)
{
    auto pipe = TRY(adopt_ref_if_nonnull(new (std::nothrow) Pipe()));
    u32 status = flags & OpenFlag::NonBlock;
    auto read_end = TRY(OpenFileDescription::create(pipe, OpenFlag::ReadOnly | status));
    auto write_end = TRY(OpenFileDescription::create(pipe, OpenFlag::WriteOnly | status));
    return Ends { std::move(read_end), std::move(write_end) };
}

Result<VnodeStat> Pipe::stat()
{
    VnodeStat stat;
    stat.fs_id = fs_id();
    stat.inode = inode();
    stat.mode = FileMode::Fifo | 0600;
    stat.nlink = 1;
    stat.size = buffered();
    stat.block_size = PAGE_SIZE;
    return stat;
}

usize Pipe::buffered()
{
    SpinlockGuard guard(m_lock);
    return m_buffer.size();
}

Result<void> Pipe::open(OpenFileDescription& description)
{
    SpinlockGuard guard(m_lock);
    if (description.is_readable())
        ++m_readers;
    if (description.is_writable())
        ++m_writers;
    return {};
}

void Pipe::release(OpenFileDescription& description)
{
    SpinlockGuard guard(m_lock);
    if (description.is_readable() && --m_readers == 0)
        m_writers_waiting.wake_all(); // they get EPIPE
    if (description.is_writable() && --m_writers == 0)
        m_readers_waiting.wake_all(); // they get end of file
    readiness::changed();
}

Result<usize> Pipe::read(OpenFileDescription& description, u64, u8* buffer, usize size)
{
    if (size == 0)
        return 0;
    SpinlockGuard guard(m_lock);
    for (;;) {
        if (!m_buffer.is_empty()) {
            usize done = m_buffer.read(buffer, size);
            m_writers_waiting.wake_all();
            readiness::changed();
            return done;
        }
        if (m_writers == 0)
            return 0;
        if (description.is_nonblocking())
            return Error::TryAgain;
        TRY(m_readers_waiting.wait_until_interruptible(m_lock,
            [&] { return !m_buffer.is_empty() || m_writers == 0; }));
    }
}

Result<usize> Pipe::write(OpenFileDescription& description, u64&, u8 const* data, usize size)
{
    if (size == 0)
        return 0;
    SpinlockGuard guard(m_lock);
    usize done = 0;
    while (done < size) {
        if (m_readers == 0)
            return done > 0 ? Result<usize>(done) : Result<usize>(Error::BrokenPipe);
        usize remaining = size - done;
        // A small write goes in whole or not at all, so it is never interleaved.
        usize needed = size <= ATOMIC_WRITE_MAX ? remaining : 1;
        if (m_buffer.free_space() < needed) {
            if (description.is_nonblocking())
                return done > 0 ? Result<usize>(done) : Result<usize>(Error::TryAgain);
            auto waited = m_writers_waiting.wait_until_interruptible(m_lock,
                [&] { return m_readers == 0 || m_buffer.free_space() >= needed; });
            if (waited.is_error())
                return done > 0 ? Result<usize>(done) : Result<usize>(waited.error());
            continue;
        }
        done += m_buffer.write(data + done, remaining);
        m_readers_waiting.wake_all();
        readiness::changed();
    }
    return done;
}

u32 Pipe::poll(OpenFileDescription& description)
{
    SpinlockGuard guard(m_lock);
    u32 events = 0;
    if (description.is_readable()) {
        if (!m_buffer.is_empty())
            events |= PollEvent::Readable;
        if (m_writers == 0)
            events |= PollEvent::HangUp;
    }
    if (description.is_writable()) {
        if (m_readers == 0)
            events |= PollEvent::Error;
        else if (m_buffer.free_space() >= ATOMIC_WRITE_MAX)
            events |= PollEvent::Writable;
    }
    return events;
}
