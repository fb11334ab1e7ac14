// Port: a kernel message queue, the IPC primitive services answer on. Bounded:
// senders block (with a timeout) or get TryAgain when it is full. Request/reply:
// call() queues a request carrying a reply token and sleeps until the server
// passes that token to reply(). Ref-counted; hold a reference while using one.
//
// Closing: close() fails every blocked and every later operation on the port with
// Error::BrokenPipe (like a pipe whose other end is gone) and discards the queued
// messages; callers waiting for a reply get BrokenPipe too.
//
// Thread context only. Locking: m_lock guards everything; it is a wait-queue guard
// (outermost in the scheduler's lock order).
#pragma once

#include "kernel/ipc/message.h"
#include "kernel/lib/intrusive_list.h"
#include "kernel/lib/ref_counted.h"
#include "kernel/lib/ref_ptr.h"
#include "kernel/lib/result.h"
#include "kernel/sync/spinlock.h"
#include "kernel/sync/wait_queue.h"

class Port : public RefCounted<Port> {
public:
    static constexpr usize MAX_CAPACITY = 4096;
    static constexpr usize NAME_CAPACITY = 32;

    // capacity: queued messages, 1..MAX_CAPACITY (InvalidArgument otherwise).
    static Result<NonnullRefPtr<Port>> create(char const* name, usize capacity);
    ~Port();

    // One-way message. timeout_ms 0 (the default): Error::TryAgain when full;
    // otherwise waits for room, Error::TimedOut when none came.
    Result<void> send(Message message, u64 timeout_ms = 0);
    // Next message in FIFO order. timeout_ms 0: Error::TryAgain when empty;
    // otherwise Error::TimedOut.
    Result<Message> receive(u64 timeout_ms = WAIT_FOREVER);
    // Sends request and waits for its reply; one timeout covers both. A reply
    // whose status is an error comes back as that error. A server that replies
    // after the timeout finds the token gone (reply() says NoEntry).
    Result<Message> call(Message request, u64 timeout_ms = WAIT_FOREVER);
    // Answers the request that carried token. NoEntry if its caller is gone.
    Result<void> reply(u64 token, Message reply);
    void close();

    bool is_closed() const;
    usize queued() const;
    usize capacity() const { return m_capacity; }
    char const* name() const { return m_name; }

private:
    struct PendingCall {
        u64 token { 0 };
        bool done { false };
        Message reply;
        WaitQueue waiter;
        IntrusiveListNode node;
    };

    Port(char const* name, Message* ring, usize capacity);
    // Caller must hold m_lock. Waits until there is room (or the port closes).
    Result<void> wait_for_room_locked(u64 timeout_ms, u64 deadline_tick);
    // Caller must hold m_lock; there is room.
    void push_locked(Message& message);
    static void stamp_sender(Message& message);

    mutable Spinlock m_lock;
    char m_name[NAME_CAPACITY] {};
    Message* m_ring;
    usize m_capacity;
    usize m_head { 0 };
    usize m_count { 0 };
    bool m_closed { false };
    u64 m_next_token { 1 };
    WaitQueue m_receivers;
    WaitQueue m_senders;
    IntrusiveList<PendingCall, &PendingCall::node> m_calls;
};
