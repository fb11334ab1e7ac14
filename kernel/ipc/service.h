// Service: a kernel thread that answers a Port — it receives each message,
// dispatches it by type to a registered handler, and for requests (sent with
// Port::call) replies with the handler's result or its error. The VFS, VPROC and
// cluster servers are Services. Register handlers before start().
#pragma once

#include "kernel/ipc/port.h"
#include "kernel/lib/own_ptr.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/thread.h"

class Service {
public:
    // The reply to request, or an error sent back as the reply's status. A
    // handler for one-way messages returns any Message; it is dropped.
    using Handler = Result<Message> (*)(Message const& request, void* context);
    static constexpr usize MAX_HANDLERS = 32;

    static Result<OwnPtr<Service>> create(char const* name, usize queue_capacity = 64);
    // Stops the service if it runs.
    ~Service();

    // Busy once started; Exists if type has a handler; NoSpace past MAX_HANDLERS.
    Result<void> add_handler(u32 type, Handler handler, void* context);
    // Starts the serving thread at priority.
    Result<void> start(u8 priority = sched::PRIORITY_NORMAL);
    // Closes the port (failing pending calls with BrokenPipe) and waits for the
    // serving thread to finish. Not from the serving thread itself.
    void stop();

    NonnullRefPtr<Port> port() const { return m_port; }
    // Messages dispatched so far (for the monitor and tests).
    u64 handled() const { return m_handled; }
    // Requests whose type had no handler (answered with NotSupported).
    u64 unhandled() const { return m_unhandled; }

private:
    struct Entry {
        u32 type;
        Handler handler;
        void* context;
    };

    explicit Service(NonnullRefPtr<Port> port)
        : m_port(std::move(port))
    {
    }
    static void serve(void* self);
    void dispatch(Message const& request);

    NonnullRefPtr<Port> m_port;
    RefPtr<Thread> m_thread;
    Entry m_handlers[MAX_HANDLERS] {};
    usize m_handler_count { 0 };
    u64 m_handled { 0 };
    u64 m_unhandled { 0 };
};
