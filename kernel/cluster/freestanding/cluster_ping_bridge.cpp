// The ping bridge between programs and the cluster thread (see cluster_ping_bridge.h).
#include "kernel/cluster/freestanding/cluster_ping_bridge.h"

#include "kernel/arch/time.h"
#include "kernel/lib/types.h"
#include "kernel/sync/spinlock.h"

namespace cluster {
namespace {

constexpr usize SLOTS = 16;
// How much longer than the call's own timeout a caller waits for its completion.
constexpr u64 STALL_MARGIN_MS = 5000;

enum class SlotState : u8 { Free, Queued, Started, Done, Abandoned };

struct Slot {
    SlotState state { SlotState::Free };
    NodeId node;
    usize size { 0 };
    u64 timeout_ms { 0 };
    u64 started_ns { 0 };
    Error error { Error::Canceled }; // when failed
    u64 round_trip_ns { 0 };
    bool failed { false };
    Semaphore done;
};

Spinlock g_lock; // guards every slot's state and fields
Slot g_slots[SLOTS];
Semaphore* g_wakeup = nullptr;
u8 g_payload[CLUSTER_MAX_RPC_PAYLOAD]; // the cluster thread's outgoing echo payload

u8 pattern_byte(usize index) { return u8(index * 7 + 0x5a); }

void finish(Slot& slot, Result<u64> result)
{
    SpinlockGuard guard(g_lock);
    if (slot.state == SlotState::Abandoned) {
        slot.state = SlotState::Free;
        return;
    }
    slot.failed = result.is_error();
    if (slot.failed)
        slot.error = result.error();
    else
        slot.round_trip_ns = result.value();
    slot.state = SlotState::Done;
    slot.done.post();
}

void on_completion(void* context, u64, Result<Vector<u8>>&& reply)
{
    auto& slot = *static_cast<Slot*>(context);
    u64 elapsed = arch::monotonic_ns() - slot.started_ns;
    if (reply.is_error()) {
        finish(slot, reply.error());
        return;
    }
    Vector<u8> const& bytes = reply.value();
    bool intact = bytes.size() == slot.size;
    for (usize i = 0; intact && i < bytes.size(); ++i)
        intact = bytes[i] == pattern_byte(i);
    finish(slot, intact ? Result<u64>(elapsed) : Result<u64>(Error::BadMessage));
}

} // namespace

void bridge_attach(Semaphore& wakeup) { g_wakeup = &wakeup; }

Result<u64> ping_through_bridge(NodeId node, usize payload_size, u64 timeout_ms)
{
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
        slot->node = node;
        slot->size = payload_size;
        slot->timeout_ms = timeout_ms;
        slot->started_ns = 0;
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
    SpinlockGuard guard(g_lock);
    slot->state = SlotState::Free;
    if (slot->failed)
        return slot->error;
    return slot->round_trip_ns;
}

void bridge_start_queued(RpcEndpoint& rpc)
{
    for (auto& slot : g_slots) {
        NodeId node;
        usize size = 0;
        u64 timeout_ms = 0;
        {
            SpinlockGuard guard(g_lock);
            if (slot.state == SlotState::Abandoned && slot.started_ns == 0)
                slot.state = SlotState::Free; // never started: nothing will complete it
            if (slot.state != SlotState::Queued)
                continue;
            slot.state = SlotState::Started;
            slot.started_ns = arch::monotonic_ns();
            node = slot.node;
            size = slot.size;
            timeout_ms = slot.timeout_ms;
        }
        for (usize i = 0; i < size; ++i)
            g_payload[i] = pattern_byte(i);
        RpcService service = size == 0 ? RpcService::Null : RpcService::Echo;
        auto call = rpc.call(node, u16(service), 0, g_payload, size, timeout_ms, on_completion, &slot);
        if (call.is_error())
            finish(slot, call.error());
    }
}

} // namespace cluster
