// Pipe: a one-way byte channel in a fixed ring buffer, as a FIFO vnode with two
// open file descriptions over it (read end, write end). Readers block while it
// is empty and a writer exists; writers block while it is full and a reader
// exists; writes of at most ATOMIC_WRITE_MAX bytes are never interleaved.
// Every change of contents or ends is announced to pollers (readiness::changed).
#pragma once

#include "fs/vfs/open_file_description.h"
#include "fs/vfs/vnode.h"
#include "kernel/lib/ring_buffer.h"
#include "kernel/sync/spinlock.h"
#include "kernel/sync/wait_queue.h"

// Locks: m_lock (a spinlock) guards the buffer and the end counts; both wait
// queues use it as their guard. Copies into and out of the ring happen under it
// on kernel buffers only (the syscall layer copies to and from user memory).
class Pipe final : public Vnode {
public:
    static constexpr usize CAPACITY = 16 * KiB;
    static constexpr usize ATOMIC_WRITE_MAX = 512; // PIPE_BUF

    struct Ends {
        NonnullRefPtr<OpenFileDescription> read_end;
        NonnullRefPtr<OpenFileDescription> write_end;
    };
    // pipe(2): a new pipe and its two ends. flags may hold OpenFlag::NonBlock
    // (close-on-exec belongs to the fds: pass it to FdTable::allocate).
    static Result<Ends> create_pair(u32 flags = 0);

    Result<VnodeStat> stat() override;
    Result<void> open(OpenFileDescription& description) override;
    void release(OpenFileDescription& description) override;
    // 0 (end of file) once empty with no writer left; TryAgain when it would block.
    Result<usize> read(OpenFileDescription& description, u64 offset, u8* buffer, usize size) override;
    // BrokenPipe (EPIPE; the syscall layer raises SIGPIPE) when no reader is left,
    // unless some bytes went first, which are then reported.
    Result<usize> write(OpenFileDescription& description, u64& offset, u8 const* data, usize size) override;
    u32 poll(OpenFileDescription& description) override;

    usize buffered();

private:
    Pipe();

    Spinlock m_lock;
    WaitQueue m_readers_waiting;
    WaitQueue m_writers_waiting;
    RingBuffer<u8, CAPACITY> m_buffer;
    u32 m_readers { 0 };
    u32 m_writers { 0 };
};
