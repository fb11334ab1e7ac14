// RpcEndpoint: request/response calls between nodes, the cluster's form of a
// port (DESIGN §3). Services register handlers for (service, method); a call to
// a member goes out on the stream to it and ends in exactly one completion: the
// reply, the handler's error, TimedOut, ConnectionReset when the connection
// breaks, or HostDown the moment the node leaves the view. Handlers may reply
// later (keep the token). Not thread-safe: the cluster thread drives it.
#pragma once

#include "kernel/cluster/cluster_outbox.h"
#include "kernel/cluster/membership_view.h"
#include "kernel/lib/result.h"
#include "kernel/lib/vector.h"

// Well-known services. 16 and up are for kernel services (VPROC, clusterfs, ...).
enum class RpcService : u16 {
    Null = 1, // method 0: empty reply (round-trip benchmark)
    Echo = 2, // method 0: the request payload back
    FirstKernelService = 16,
    BootAdmission = 16, // net/bootserver: method 0 lists waiting machines, 1 admits a MAC
};

// Names the caller to answer; copy it to reply later.
struct RpcReplyToken {
    NodeId node;
    Incarnation incarnation { 0 };
    u64 call_id { 0 };
};

class RpcEndpoint;
using RpcHandler = void (*)(void* context, RpcEndpoint& endpoint, RpcReplyToken token, u8 const* payload, usize size);
// Called once per call. result holds the reply payload or the error.
using RpcCompletion = void (*)(void* context, u64 call_id, Result<Vector<u8>>&& result);

class RpcEndpoint {
public:
    explicit RpcEndpoint(ClusterOutbox& outbox)
        : m_outbox(outbox)
    {
    }
    ~RpcEndpoint();

    // Exists when (service, method) already has a handler.
    Result<void> register_handler(u16 service, u16 method, RpcHandler handler, void* context);
    void unregister_handler(u16 service, u16 method);

    // Starts a call; the completion runs later (never inside call()). HostDown
    // when node is not a member, InvalidArgument for this node itself,
    // MessageTooLong past CLUSTER_MAX_RPC_PAYLOAD.
    Result<u64> call(NodeId node, u16 service, u16 method, u8 const* payload, usize size, u64 timeout_ms,
        RpcCompletion completion, void* context);
    void reply(RpcReplyToken const& token, u8 const* payload, usize size);
    void reply_error(RpcReplyToken const& token, Error error);

    // Inputs (from ClusterNode).
    void on_message(OpenedMessage const& opened);
    void on_tick(u64 now_ms);
    void on_view_changed(MembershipView const& view);
    void on_connection_down(NodeId node);

    usize pending_calls() const { return m_pending.size(); }
    u64 requests_served() const { return m_served; }

private:
    struct Handler {
        u16 service;
        u16 method;
        RpcHandler function;
        void* context;
    };
    struct PendingCall {
        u64 id;
        NodeId node;
        Incarnation incarnation;
        u64 deadline_ms;
        RpcCompletion completion;
        void* context;
    };
    struct Member {
        NodeId node;
        Incarnation incarnation;
    };

    Member const* member(NodeId node) const;
    // Removes and completes every pending call matching predicate with error.
    template<typename Predicate>
    void fail_where(Predicate predicate, Error error);
    void complete(usize index, Result<Vector<u8>>&& result);
    void handle_request(OpenedMessage const& opened);

    ClusterOutbox& m_outbox;
    Vector<Handler> m_handlers;
    Vector<PendingCall> m_pending;
    Vector<Member> m_members;
    u64 m_next_call_id { 1 };
    u64 m_now { 0 };
    u64 m_served { 0 };
};
