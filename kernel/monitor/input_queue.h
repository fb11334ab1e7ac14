// InputQueue: bytes typed on a console, pushed by its interrupt handler and read
// by a thread that blocks until input arrives. Bytes that arrive while the queue
// is full are dropped and counted (a stuck reader must not wedge the interrupt).
#pragma once

#include "kernel/lib/ring_buffer.h"
#include "kernel/sync/spinlock.h"
#include "kernel/sync/wait_queue.h"

class InputQueue {
public:
    static constexpr usize CAPACITY = 1024;

    // Safe from interrupt context.
    void push(u8 byte);
    // Blocks up to timeout_ms for a byte; Error::TimedOut when none came.
    Result<u8> pop(u64 timeout_ms = WAIT_FOREVER);
    u64 dropped() const { return m_dropped; }

private:
    Spinlock m_lock;
    RingBuffer<u8, CAPACITY> m_bytes;
    WaitQueue m_readers;
    u64 m_dropped { 0 };
};
