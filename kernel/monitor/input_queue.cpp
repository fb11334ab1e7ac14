// InputQueue (see input_queue.h).
#include "kernel/monitor/input_queue.h"

void InputQueue::push(u8 byte)
{
    SpinlockGuard guard(m_lock);
    if (!m_bytes.try_push(byte))
        ++m_dropped;
    m_readers.wake_one();
}

Result<u8> InputQueue::pop(u64 timeout_ms)
{
    SpinlockGuard guard(m_lock);
    TRY(m_readers.wait_until(m_lock, [this] { return !m_bytes.is_empty(); }, timeout_ms));
    u8 byte = 0;
    m_bytes.pop(byte);
    return byte;
}
