// The call bridge between kernel threads and the cluster thread (see cluster_call_bridge.h).
#include "kernel/cluster/freestanding/cluster_call_bridge.h"

#include <utility>

#include "kernel/arch/time.h"
#include "kernel/lib/types.h"
#include "kernel/sync/spinlock.h"

namespace cluster {
namespace {

constexpr usize SLOTS = 16;
// How much longer than the call's own timeout a caller waits for its completion.
constexpr u64 STALL_MARGIN_MS = 5000;

enum class SlotState : u8 { Free, Reserved, Queued, Started, Done, Abandoned };

struct Slot {
    SlotState state { SlotState::Free };
    NodeId node;
    u16 service { 0 };
    u16 method { 0 };
    Vector<u8> payload; // the request, then the reply
    u64 timeout_ms { 0 };
    u64 started_ns { 0 };
    u64 round_trip_ns { 0 };
    Error error { Error::None };
    Semaphore done;
};

Spinlock g_lock; // guards every slot's state and scalar fields; payload belongs to its state's owner
Slot g_slots[SLOTS];
Semaphore* g_wakeup = nullptr;

void finish(Slot& slot, Error error, Vector<u8>&& reply)
{
    u64 elapsed = arch::monotonic_ns() - slot.started_ns;
    SpinlockGuard guard(g_lock);
    if (slot.state == SlotState::Abandoned) {
        slot.state = SlotState::Free;
        return; // the payload stays allocated until the slot's next use
    }
    slot.error = error;
    slot.round_trip_ns = elapsed;
    slot.payload = std::move(reply);
    slot.state = SlotState::Done;
    slot.done.post();
}

void on_completion(void* context, u64, Result<Vector<u8>>&& reply)
{
    auto& slot = *static_cast<Slot*>(context);
    if (reply.is_error())
        finish(slot, reply.error(), Vector<u8> {});
    else
        finish(slot, Error::None, reply.release_value());
}

u8 pattern_byte(usize index) { return u8(index * 7 + 0x5a); }

} // namespace

void bridge_attach(Semaphore& wakeup) { g_wakeup = &wakeup; }

Result<BridgeReply> call_through_bridge(NodeId node, u16 service, u16 method, u8 const* payload, usize size,
    u64 timeout_ms)
{
    if (size > CLUSTER_MAX_RPC_PAYLOAD)
        return Error::MessageTooLong;
    Vector<u8> request;
    TRY(request.try_append(payload, size));
    Slot* slot = nullptr;
    {
        SpinlockGuard guard(g_lock);
        if (!g_wakeup)
            return Error::NetworkDown;
        for (auto& candidate : g_slots) {
            if (candidate.state == SlotState::Free) {
                slot = &candidate;
                break;
            }
        }
        if (!slot)
            return Error::Busy;
        slot->state = SlotState::Reserved; // ours: the cluster thread leaves it alone
    }
    slot->node = node;
    slot->service = service;
    slot->method = method;
    slot->payload = std::move(request);
    slot->timeout_ms = timeout_ms;
    slot->started_ns = 0;
    {
        SpinlockGuard guard(g_lock);
        slot->state = SlotState::Queued;
    }
    g_wakeup->post();
    if (slot->done.wait(timeout_ms + STALL_MARGIN_MS).is_error()) {
        SpinlockGuard guard(g_lock);
        if (slot->state != SlotState::Done) {
            slot->state = SlotState::Abandoned;
            return Error::TimedOut;
        }
        (void)slot->done.try_wait(); // completed just now: take its post
    }
    BridgeReply reply { std::move(slot->payload), slot->round_trip_ns };
    Error error = slot->error;
    {
        SpinlockGuard guard(g_lock);
        slot->state = SlotState::Free;
    }
    if (error != Error::None)
        return error;
    return reply;
}

Result<u64> ping_through_bridge(NodeId node, usize payload_size, u64 timeout_ms)
{
    Vector<u8> pattern;
    TRY(pattern.try_resize(payload_size));
    for (usize i = 0; i < payload_size; ++i)
        pattern[i] = pattern_byte(i);
    RpcService service = payload_size == 0 ? RpcService::Null : RpcService::Echo;
    auto reply = TRY(call_through_bridge(node, u16(service), 0, pattern.data(), payload_size, timeout_ms));
    bool intact = reply.payload.size() == payload_size;
    for (usize i = 0; intact && i < payload_size; ++i)
        intact = reply.payload[i] == pattern[i];
    if (!intact)
        return Error::BadMessage;
    return reply.round_trip_ns;
}

void bridge_start_queued(RpcEndpoint& rpc)
{
    for (auto& slot : g_slots) {
        {
            SpinlockGuard guard(g_lock);
            if (slot.state == SlotState::Abandoned && slot.started_ns == 0)
                slot.state = SlotState::Free; // never started: nothing will complete it
            if (slot.state != SlotState::Queued)
                continue;
            slot.state = SlotState::Started;
            slot.started_ns = arch::monotonic_ns();
        }
        auto call = rpc.call(slot.node, slot.service, slot.method, slot.payload.data(), slot.payload.size(),
            slot.timeout_ms, on_completion, &slot);
        if (call.is_error())
            finish(slot, call.error(), Vector<u8> {});
    }
}

} // namespace cluster
