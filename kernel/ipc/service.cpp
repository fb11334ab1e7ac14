// Service: the receive -> dispatch -> reply loop shared by every kernel server.
#include "kernel/ipc/service.h"

#include <new>

Result<OwnPtr<Service>> Service::create(char const* name, usize queue_capacity)
{
    auto port = TRY(Port::create(name, queue_capacity));
    return adopt_own_if_nonnull(new (std::nothrow) Service(std::move(port)));
}

Service::~Service() { stop(); }

Result<void> Service::add_handler(u32 type, Handler handler, void* context)
{
    if (!handler)
        return Error::InvalidArgument;
    if (m_thread)
        return Error::Busy;
    for (usize i = 0; i < m_handler_count; ++i) {
        if (m_handlers[i].type == type)
            return Error::Exists;
    }
    if (m_handler_count == MAX_HANDLERS)
        return Error::NoSpace;
    m_handlers[m_handler_count++] = Entry { type, handler, context };
    return {};
}

Result<void> Service::start(u8 priority)
{
    if (m_thread)
        return Error::Busy;
    if (m_port->is_closed())
        return Error::BrokenPipe;
    m_thread = TRY(Thread::create(m_port->name(), serve, this, priority));
    return {};
}

void Service::stop()
{
    m_port->close();
    if (m_thread) {
        auto joined = m_thread->join();
        KASSERT(!joined.is_error());
        m_thread.clear();
    }
}

void Service::serve(void* raw)
{
    auto* self = static_cast<Service*>(raw);
    for (;;) {
        auto received = self->m_port->receive(WAIT_FOREVER);
        if (received.is_error())
            return; // the port was closed: the service is stopping
        self->dispatch(received.value());
    }
}

void Service::dispatch(Message const& request)
{
    ++m_handled;
    Entry const* entry = nullptr;
    for (usize i = 0; i < m_handler_count; ++i) {
        if (m_handlers[i].type == request.type()) {
            entry = &m_handlers[i];
            break;
        }
    }
    if (!entry) {
        ++m_unhandled;
        if (request.reply_token())
            (void)m_port->reply(request.reply_token(), Message::error_reply(Error::NotSupported));
        return;
    }
    auto result = entry->handler(request, entry->context);
    if (!request.reply_token())
        return;
    // A caller that has given up makes reply() fail with NoEntry; nothing to do.
    if (result.is_error())
        (void)m_port->reply(request.reply_token(), Message::error_reply(result.error()));
    else
        (void)m_port->reply(request.reply_token(), result.release_value());
}
