// Port: a ring of preallocated Message slots under one spinlock. Messages move
// in and out of slots (no allocation, and no last reference dropped, under the
// lock); pending calls are caller-stack records linked on the port until answered.
#include "kernel/ipc/port.h"

#include <new>
#include <utility>

#include "kernel/panic.h"
#include "kernel/sched/scheduler.h"

Result<NonnullRefPtr<Port>> Port::create(char const* name, usize capacity)
{
    if (capacity == 0 || capacity > MAX_CAPACITY)
        return Error::InvalidArgument;
    auto* ring = new (std::nothrow) Message[capacity];
    if (!ring)
        return Error::NoMemory;
    auto* port = new (std::nothrow) Port(name, ring, capacity);
    if (!port) {
        delete[] ring;
        return Error::NoMemory;
    }
    return adopt_ref(*port);
}

Port::Port(char const* name, Message* ring, usize capacity)
    : m_ring(ring)
    , m_capacity(capacity)
{
    usize i = 0;
    for (; name && name[i] && i + 1 < NAME_CAPACITY; ++i)
        m_name[i] = name[i];
    m_name[i] = '\0';
}

Port::~Port()
{
    KASSERT(m_calls.is_empty());
    delete[] m_ring;
}

void Port::stamp_sender(Message& message)
{
    Thread* self = sched::current_or_null();
    MessageSender sender = message.sender();
    sender.thread_id = self ? self->id() : 0;
    message.set_sender(sender);
}

Result<void> Port::wait_for_room_locked(u64 timeout_ms, u64 deadline_tick)
{
    if (m_closed)
        return Error::BrokenPipe;
    if (m_count < m_capacity)
        return {};
    if (timeout_ms == 0)
        return Error::TryAgain;
    auto waited = m_senders.wait_until_deadline(
        m_lock, [&] { return m_closed || m_count < m_capacity; }, deadline_tick);
    if (m_closed)
        return Error::BrokenPipe;
    return waited;
}

void Port::push_locked(Message& message)
{
    m_ring[(m_head + m_count) % m_capacity] = std::move(message);
    ++m_count;
    m_receivers.wake_one();
}

Result<void> Port::send(Message message, u64 timeout_ms)
{
    stamp_sender(message);
    message.set_reply_token(0);
    {
        SpinlockGuard guard(m_lock);
        TRY(wait_for_room_locked(timeout_ms, sched::deadline_after_ms(timeout_ms)));
        push_locked(message);
    }
    sched::preempt_if_needed();
    return {};
}

Result<Message> Port::receive(u64 timeout_ms)
{
    Message message;
    {
        SpinlockGuard guard(m_lock);
        if (!m_closed && m_count == 0 && timeout_ms == 0)
            return Error::TryAgain;
        auto waited = m_receivers.wait_until(m_lock, [&] { return m_closed || m_count > 0; }, timeout_ms);
        if (m_closed)
            return Error::BrokenPipe;
        TRY(waited);
        message = std::move(m_ring[m_head]);
        m_head = (m_head + 1) % m_capacity;
        --m_count;
        m_senders.wake_one();
    }
    sched::preempt_if_needed();
    return message;
}

Result<Message> Port::call(Message request, u64 timeout_ms)
{
    u64 deadline = sched::deadline_after_ms(timeout_ms);
    stamp_sender(request);
    PendingCall pending;
    Message reply;
    {
        SpinlockGuard guard(m_lock);
        TRY(wait_for_room_locked(timeout_ms, deadline));
        pending.token = m_next_token++;
        request.set_reply_token(pending.token);
        m_calls.push_back(pending);
        push_locked(request);
        auto waited = pending.waiter.wait_until_deadline(
            m_lock, [&] { return pending.done || m_closed; }, deadline);
        if (!pending.done) {
            if (m_calls.contains(pending))
                m_calls.remove(pending);
            return m_closed ? Error::BrokenPipe : waited.error();
        }
        reply = std::move(pending.reply);
    }
    if (reply.status() != Error::None)
        return reply.status();
    return reply;
}

Result<void> Port::reply(u64 token, Message reply)
{
    stamp_sender(reply);
    reply.set_reply_token(token);
    {
        SpinlockGuard guard(m_lock);
        if (m_closed)
            return Error::BrokenPipe;
        PendingCall* found = nullptr;
        for (PendingCall& pending : m_calls) {
            if (pending.token == token) {
                found = &pending;
                break;
            }
        }
        if (!found)
            return Error::NoEntry;
        // Once done is set and the lock dropped, the caller may return and its
        // PendingCall vanish: touch nothing of it afterwards.
        found->reply = std::move(reply);
        found->done = true;
        m_calls.remove(*found);
        found->waiter.wake_one();
    }
    sched::preempt_if_needed();
    return {};
}

void Port::close()
{
    usize to_discard = 0;
    {
        SpinlockGuard guard(m_lock);
        if (m_closed)
            return;
        m_closed = true;
        to_discard = m_count;
        m_receivers.wake_all();
        m_senders.wake_all();
        while (PendingCall* pending = m_calls.pop_front())
            pending->waiter.wake_one();
    }
    // Nobody touches the ring of a closed port, so it can be emptied unlocked
    // (dropping messages may free their buffers).
    for (usize i = 0; i < to_discard; ++i)
        m_ring[(m_head + i) % m_capacity] = Message();
    {
        SpinlockGuard guard(m_lock);
        m_count = 0;
    }
    sched::preempt_if_needed();
}

bool Port::is_closed() const
{
    SpinlockGuard guard(m_lock);
    return m_closed;
}

usize Port::queued() const
{
    SpinlockGuard guard(m_lock);
    return m_count;
}
