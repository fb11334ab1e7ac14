// Admission at a boot server (see boot_admission.h).
#include "net/bootserver/freestanding/boot_admission.h"

#include "kernel/arch/time.h"
#include "kernel/cluster/freestanding/cluster_call_bridge.h"
#include "kernel/cluster/freestanding/cluster_service.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/log/klog.h"
#include "kernel/proc/node_identity.h"
#include "kernel/sync/mutex.h"
#include "net/bootserver/admission_calls.h"
#include "net/bootserver/admission_list.h"
#include "net/bootserver/dhcp_message.h"

namespace net {
namespace {

constexpr u64 ADMISSION_CALL_TIMEOUT_MS = 2000;
bool g_manual_admission = false; // set once at boot
Mutex g_admission_lock;
AdmissionList g_admission; // guarded by g_admission_lock

u64 now_ms() { return arch::monotonic_ns() / 1000000; }

char const* format_mac(MacAddress mac, char (&text)[18])
{
    u8 const* b = mac.bytes;
    format(text, sizeof(text), "%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5]);
    return text;
}

bool admitted(u8 const* bytes, usize size, u64 now)
{
    auto request = decode_dhcp_message(bytes, size);
    if (request.is_error() || !request.value().is_ethernet())
        return true; // not a machine to admit: the server counts and drops it
    MacAddress mac = request.value().hardware_address();
    bool first;
    {
        MutexLocker locker(g_admission_lock);
        if (g_admission.is_admitted(mac))
            return true;
        first = g_admission.note_request(mac, now);
    }
    if (first) {
        char text[18];
        log_info("bootserver: %s asks to boot; waiting for `nodes admit %s`", format_mac(mac, text), text);
    }
    return false;
}

// This node's waiting machines as `node=N mac=...` lines.
void append_local_pending(Vector<u8>& out)
{
    if (!g_manual_admission)
        return;
    u64 now = now_ms();
    MutexLocker locker(g_admission_lock);
    auto pending = g_admission.pending(now);
    if (pending.is_error())
        return;
    for (auto const& machine : pending.value()) {
        char line[PENDING_LINE_CAPACITY + 16];
        usize prefix = format(line, sizeof(line), "node=%u ", local_node());
        if (auto length = format_pending_line(machine, now, line + prefix, sizeof(line) - prefix); !length.is_error())
            (void)out.try_append(reinterpret_cast<u8 const*>(line), prefix + length.value());
    }
}

Result<void> admit_locally(MacAddress mac)
{
    if (!g_manual_admission)
        return Error::NotSupported;
    MutexLocker locker(g_admission_lock);
    TRY(g_admission.admit(mac));
    char text[18];
    log_info("bootserver: admitted %s", format_mac(mac, text));
    return {};
}

// RPC service BootAdmission, on the cluster thread.
void serve_pending(void*, RpcEndpoint& endpoint, RpcReplyToken token, u8 const*, usize)
{
    Vector<u8> text;
    append_local_pending(text);
    endpoint.reply(token, text.data(), text.size());
}

void serve_admit(void*, RpcEndpoint& endpoint, RpcReplyToken token, u8 const* payload, usize size)
{
    MacAddress mac;
    if (size != sizeof(mac.bytes)) {
        endpoint.reply_error(token, Error::InvalidArgument);
        return;
    }
    memcpy(mac.bytes, payload, sizeof(mac.bytes));
    if (auto admitted = admit_locally(mac); admitted.is_error())
        endpoint.reply_error(token, admitted.error());
    else
        endpoint.reply(token, nullptr, 0);
}

// The system call's operations (admission_calls.h), on any node: this node's
// boot server directly, every other member's over RPC.
Result<usize> pending_everywhere(char* out, usize capacity)
{
    Vector<u8> text;
    append_local_pending(text);
    auto members = TRY(cluster::other_members());
    for (NodeId member : members) {
        auto reply = cluster::call_through_bridge(member, u16(RpcService::BootAdmission), 0, nullptr, 0,
            ADMISSION_CALL_TIMEOUT_MS);
        if (!reply.is_error())
            TRY(text.try_append(reply.value().payload.data(), reply.value().payload.size()));
    }
    usize length = text.size() < capacity ? text.size() : capacity;
    memcpy(out, text.data(), length);
    return length;
}

Result<void> admit_everywhere(MacAddress mac)
{
    bool done = false, known = false;
    auto note = [&](Error error) {
        done = done || error == Error::None;
        known = known || error == Error::Exists;
    };
    auto local = admit_locally(mac);
    note(local.is_error() ? local.error() : Error::None);
    if (local.is_error() && local.error() == Error::InvalidArgument)
        return Error::InvalidArgument;
    auto members = TRY(cluster::other_members());
    for (NodeId member : members) {
        auto reply = cluster::call_through_bridge(member, u16(RpcService::BootAdmission), 1, mac.bytes,
            sizeof(mac.bytes), ADMISSION_CALL_TIMEOUT_MS);
        note(reply.is_error() ? reply.error() : Error::None);
    }
    if (done)
        return {};
    return known ? Error::Exists : Error::NotSupported;
}

} // namespace

void boot_admission_install()
{
    set_admission_operations(AdmissionOperations { pending_everywhere, admit_everywhere });
}

void boot_admission_configure(CommandLine const& command_line)
{
    g_manual_admission = command_line.has("admit") && command_line.get("admit") == StringView("manual");
    if (command_line.has("admit") && !g_manual_admission && command_line.get("admit") != StringView("auto"))
        log_warn("bootserver: admit= is `auto` or `manual`; using auto");
    if (g_manual_admission) {
        (void)cluster::add_rpc_service(u16(RpcService::BootAdmission), 0, serve_pending, nullptr);
        (void)cluster::add_rpc_service(u16(RpcService::BootAdmission), 1, serve_admit, nullptr);
    }
}

bool boot_admission_is_manual() { return g_manual_admission; }

bool boot_admission_allows(u8 const* request, usize size, u64 now)
{
    return !g_manual_admission || admitted(request, size, now);
}

} // namespace net
