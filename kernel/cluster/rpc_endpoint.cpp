// RPC calls, replies, timeouts and failure on membership change.
#include "kernel/cluster/rpc_endpoint.h"

#include <utility>

RpcEndpoint::~RpcEndpoint()
{
    fail_where([](PendingCall const&) { return true; }, Error::Canceled);
}

Result<void> RpcEndpoint::register_handler(u16 service, u16 method, RpcHandler handler, void* context)
{
    if (m_handlers.find_if([&](Handler const& h) { return h.service == service && h.method == method; }))
        return Error::Exists;
    return m_handlers.try_append(Handler { service, method, handler, context });
}

void RpcEndpoint::unregister_handler(u16 service, u16 method)
{
    for (usize i = 0; i < m_handlers.size(); ++i) {
        if (m_handlers[i].service == service && m_handlers[i].method == method) {
            m_handlers.remove(i);
            return;
        }
    }
}

RpcEndpoint::Member const* RpcEndpoint::member(NodeId node) const
{
    for (auto const& entry : m_members) {
        if (entry.node == node)
            return &entry;
    }
    return nullptr;
}

Result<u64> RpcEndpoint::call(NodeId node, u16 service, u16 method, u8 const* payload, usize size, u64 timeout_ms,
    RpcCompletion completion, void* context)
{
    if (node == m_outbox.self())
        return Error::InvalidArgument;
    if (size > CLUSTER_MAX_RPC_PAYLOAD)
        return Error::MessageTooLong;
    auto const* target = member(node);
    if (!target)
        return Error::HostDown;
    u64 id = m_next_call_id++;
    TRY(m_pending.try_append(PendingCall { id, node, target->incarnation, m_now + timeout_ms, completion, context }));
    ClusterMessage request(ClusterMessageType::RpcRequest);
    request.call_id = id;
    request.service = service;
    request.method = method;
    request.payload = payload;
    request.payload_size = size;
    m_outbox.send_stream(node, target->incarnation, request);
    return id;
}

void RpcEndpoint::reply(RpcReplyToken const& token, u8 const* payload, usize size)
{
    if (size > CLUSTER_MAX_RPC_PAYLOAD) {
        reply_error(token, Error::MessageTooLong);
        return;
    }
    ClusterMessage response(ClusterMessageType::RpcResponse);
    response.call_id = token.call_id;
    response.payload = payload;
    response.payload_size = size;
    m_outbox.send_stream(token.node, token.incarnation, response);
}

void RpcEndpoint::reply_error(RpcReplyToken const& token, Error error)
{
    ClusterMessage response(ClusterMessageType::RpcError);
    response.call_id = token.call_id;
    response.error = error == Error::None ? Error::Protocol : error;
    m_outbox.send_stream(token.node, token.incarnation, response);
}

void RpcEndpoint::complete(usize index, Result<Vector<u8>>&& result)
{
    PendingCall call = m_pending[index];
    m_pending.unstable_remove(index);
    // The completion may start new calls or fail others: nothing is held here.
    call.completion(call.context, call.id, std::move(result));
}

template<typename Predicate>
void RpcEndpoint::fail_where(Predicate predicate, Error error)
{
    // Collect first: completions may change m_pending.
    Vector<PendingCall> failed;
    for (usize i = 0; i < m_pending.size();) {
        if (predicate(m_pending[i]) && !failed.try_append(m_pending[i]).is_error())
            m_pending.unstable_remove(i);
        else
            ++i;
    }
    for (auto const& call : failed)
        call.completion(call.context, call.id, Result<Vector<u8>>(error));
}

void RpcEndpoint::handle_request(OpenedMessage const& opened)
{
    auto const& message = opened.message;
    RpcReplyToken token { opened.header.sender, opened.header.sender_incarnation, message.call_id };
    for (auto const& handler : m_handlers) {
        if (handler.service == message.service && handler.method == message.method) {
            ++m_served;
            handler.function(handler.context, *this, token, message.payload, message.payload_size);
            return;
        }
    }
    reply_error(token, Error::NotSupported);
}

void RpcEndpoint::on_message(OpenedMessage const& opened)
{
    auto const& message = opened.message;
    if (message.type == ClusterMessageType::RpcRequest) {
        handle_request(opened);
        return;
    }
    for (usize i = 0; i < m_pending.size(); ++i) {
        auto const& call = m_pending[i];
        if (call.id != message.call_id || call.node != opened.header.sender
            || call.incarnation != opened.header.sender_incarnation)
            continue;
        if (message.type == ClusterMessageType::RpcError) {
            complete(i, Result<Vector<u8>>(message.error));
            return;
        }
        Vector<u8> payload;
        if (payload.try_append(message.payload, message.payload_size).is_error()) {
            complete(i, Result<Vector<u8>>(Error::NoMemory));
            return;
        }
        complete(i, Result<Vector<u8>>(std::move(payload)));
        return;
    }
}

void RpcEndpoint::on_tick(u64 now_ms)
{
    m_now = now_ms;
    fail_where([now_ms](PendingCall const& call) { return call.deadline_ms <= now_ms; }, Error::TimedOut);
}

void RpcEndpoint::on_view_changed(MembershipView const& view)
{
    m_members.clear();
    for (auto const& entry : view.members())
        (void)m_members.try_append(Member { entry.node, entry.incarnation });
    fail_where(
        [&view](PendingCall const& call) {
            auto const* now = view.find(call.node);
            return !now || now->incarnation != call.incarnation;
        },
        Error::HostDown);
}

void RpcEndpoint::on_connection_down(NodeId node)
{
    fail_where([node](PendingCall const& call) { return call.node == node; }, Error::ConnectionReset);
}
