// The cluster thread: configuration, the 10 ms loop, the log lines and the
// /proc/cluster/nodes snapshot.
#include "kernel/cluster/freestanding/cluster_service.h"

#include <atomic>

#include "kernel/arch/time.h"
#include "kernel/cluster/cluster_node.h"
#include "kernel/cluster/cluster_ping.h"
#include "kernel/cluster/freestanding/cluster_call_bridge.h"
#include "kernel/cluster/freestanding/cluster_log_events.h"
#include "kernel/cluster/freestanding/lwip_cluster_transport.h"
#include "kernel/cluster/freestanding/real_time_clock.h"
#include "kernel/cluster/hmac_sha256_authenticator.h"
#include "kernel/cluster/rpc_test_services.h"
#include "kernel/cpu/cpu_features.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/log/klog.h"
#include "kernel/mm/frame_allocator.h"
#include "kernel/power/shutdown.h"
#include "kernel/proc/local_info_providers.h"
#include "kernel/proc/node_identity.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sync/mutex.h"
#include "kernel/sync/semaphore.h"
#include "net/stack/interface_list.h"

namespace cluster {
namespace {

// "unum-development-key": what `make run` and the tests use unless key= says otherwise.
constexpr char DEVELOPMENT_KEY_HEX[] = "756e756d2d646576656c6f706d656e742d6b6579";
constexpr u64 TICK_MS = 10;
constexpr u64 LOAD_INTERVAL_MS = 1000;
constexpr u64 LISTING_INTERVAL_MS = 200;

struct ServiceConfig {
    MembershipConfig membership;
    ClusterKey key;
};

ServiceConfig g_config;
// Posted by network events and queued pings: the loop runs at once, not at its next tick.
Semaphore g_wakeup;
// poweroff/reboot: the shutdown hook asks the thread to leave the view and waits
// (bounded) until the Leave datagrams are handed to the network.
constexpr u64 LEAVE_WAIT_MS = 1000;
std::atomic<bool> g_leave_requested { false };
Semaphore g_left;
// Posted (for every waiter) once this node holds a number in a view.
Semaphore g_numbered;
std::atomic<bool> g_is_numbered { false };
Mutex g_listing_lock;
Vector<u8> g_listing;          // guarded by g_listing_lock
Vector<NodeId> g_other_members; // guarded by g_listing_lock

struct ServiceRegistration {
    u16 service;
    u16 method;
    RpcHandler handler;
    void* context;
};
constexpr usize MAX_KERNEL_SERVICES = 8;
ServiceRegistration g_services[MAX_KERNEL_SERVICES];
usize g_service_count = 0; // written before the thread starts

u64 now_ms() { return arch::monotonic_ns() / 1000000; }

Result<ClusterKey> parse_key(StringView hex)
{
    if (hex.length() == 0 || hex.length() % 2 != 0 || hex.length() / 2 > CLUSTER_KEY_MAX)
        return Error::InvalidArgument;
    ClusterKey key;
    for (usize i = 0; i < hex.length(); i += 2) {
        int high = hex_digit_value(hex[i]), low = hex_digit_value(hex[i + 1]);
        if (high < 0 || low < 0)
            return Error::InvalidArgument;
        key.bytes[key.size++] = u8(high * 16 + low);
    }
    return key;
}

Result<void> parse_config(CommandLine const& command_line, ServiceConfig& config)
{
    StringView name = command_line.has("cluster") ? command_line.get("cluster") : StringView("unum");
    if (config.membership.set_cluster_name(name).is_error()) {
        log_error("cluster: bad cluster= name (1..%zu characters)", CLUSTER_MAX_NAME);
        return Error::InvalidArgument;
    }
    StringView key_text = DEVELOPMENT_KEY_HEX;
    if (command_line.has("key")) {
        key_text = command_line.get("key");
    } else {
        log_warn("cluster: no key= given; using the development key (docs/cluster.md): not for real clusters");
    }
    auto key = parse_key(key_text);
    if (key.is_error()) {
        log_error("cluster: bad key= (1..%zu bytes as hex digits)", CLUSTER_KEY_MAX);
        return Error::InvalidArgument;
    }
    config.key = key.value();
    if (command_line.has("node")) {
        auto node = NodeId::parse(command_line.get("node"));
        if (node.is_error()) {
            log_error("cluster: bad node= (1..%u)", unsigned(NodeId::MAX));
            return Error::InvalidArgument;
        }
        config.membership.requested_node = node.value();
    }
    // Node 1 is the node the cluster is started from; a node without node= (a
    // lone `make run`) founds one too when it hears no beacon, else joins and
    // takes the number the coordinator assigns.
    // A netbooted node (`netboot`, put there by the netboot tree's grub.cfg)
    // came from a running cluster: it joins, never founds its own.
    NodeId requested = config.membership.requested_node;
    config.membership.may_found = !command_line.has("netboot") && (requested.is_none() || requested == NodeId(1));
    NodeFeatures& features = config.membership.features;
    if (command_line.has("tags") && features.set_tags(command_line.get("tags")).is_error()) {
        log_error("cluster: tags= longer than %zu characters", NodeFeatures::MAX_TAGS_TEXT);
        return Error::InvalidArgument;
    }
    features.add_from(boot_cpu_features());
    features.cpu_count = 1;
    features.memory_mib = u32(frame_allocator().total_frames() * PAGE_SIZE / MiB);
    return {};
}

bool has_ethernet() { return !net::find_interface("eth0"_sv).is_error(); }

// eth0's address and its subnet broadcast, once it has one.
bool find_eth0(u32& address, u32& broadcast, u32& netmask)
{
    auto eth0 = net::find_interface("eth0"_sv);
    if (eth0.is_error() || !eth0.value().link_up || eth0.value().inet.to_u32() == 0)
        return false;
    address = eth0.value().inet.to_u32();
    netmask = eth0.value().netmask.to_u32();
    broadcast = address | ~netmask;
    return true;
}

// Without node=: ask for the host part of the address (10.77.0.7/24 -> node7)
// when it is a valid number; none otherwise.
NodeId preferred_number(u32 address, u32 netmask)
{
    u32 host = address & ~netmask;
    return host >= 1 && host <= NodeId::MAX ? NodeId(u16(host)) : NodeId();
}

// The first number this node holds in a view becomes its identity (PIDs, names);
// a later, different one (a rejoin under another number) cannot change PIDs
// already handed out, so it is only logged.
void note_number(MembershipProtocol const& membership)
{
    if (!membership.is_member())
        return;
    u32 number = membership.self().value();
    if (g_is_numbered.load(std::memory_order_acquire)) {
        static u32 warned_for = 0;
        if (number != local_node() && number != warned_for) {
            log_warn("cluster: this node now holds number %u but keeps its identity node%u", number, local_node());
            warned_for = number;
        }
        return;
    }
    set_local_node(number);
    g_is_numbered.store(true, std::memory_order_release);
    g_numbered.post();
}

void leave_on_shutdown(void*)
{
    g_leave_requested.store(true, std::memory_order_release);
    g_wakeup.post();
    (void)g_left.wait(LEAVE_WAIT_MS); // a thread still waiting for eth0 never answers
}

// Runnable threads (the idle thread aside), averaged over about a minute as Unix load.
u32 sample_load_milli(u32 previous)
{
    static sched::ThreadInfo threads[128];
    usize count = sched::snapshot_threads(threads, 128);
    u32 runnable = 0;
    for (usize i = 0; i < count; ++i) {
        if ((threads[i].state == ThreadState::Runnable || threads[i].state == ThreadState::Running)
            && threads[i].priority != sched::PRIORITY_IDLE)
            ++runnable;
    }
    // The cluster thread itself is running while it samples: don't count it.
    if (runnable > 0)
        --runnable;
    // exp(-1/60) ~ 0.9835 per one-second sample.
    return u32((u64(previous) * 9835 + u64(runnable) * 1000 * 165) / 10000);
}

void append_text(Vector<u8>& out, char const* text)
{
    (void)out.try_append(reinterpret_cast<u8 const*>(text), strlen(text));
}

char const* state_of(ClusterNode const& node, NodeId member)
{
    if (member == node.membership().self())
        return "up";
    switch (node.membership().health_of(member)) {
    case MemberHealth::Alive: return "up";
    case MemberHealth::Suspect: return "suspect";
    case MemberHealth::Dead: return "dead";
    }
    return "dead";
}

void publish_listing(ClusterNode const& node)
{
    Vector<u8> text;
    Vector<NodeId> others;
    if (node.membership().is_member()) {
        for (auto const& member : node.members().members()) {
            if (member.node != node.membership().self())
                (void)others.try_append(member.node);
            char line[160];
            u32 ip = member.address.ipv4;
            NodeFeatures const& features = member.features;
            format(line, sizeof(line), "node=%u addr=%u.%u.%u.%u state=%s cpus=%u mem_mib=%u load=%u.%02u features=",
                unsigned(member.node.value()), ip >> 24, (ip >> 16) & 255, (ip >> 8) & 255, ip & 255,
                state_of(node, member.node), unsigned(features.cpu_count), unsigned(features.memory_mib),
                unsigned(features.load_milli / 1000), unsigned(features.load_milli % 1000 / 10));
            append_text(text, line);
            static char names[2048];
            features.format_cpu_features(names, sizeof(names));
            for (char* c = names; *c; ++c) {
                if (*c == ' ')
                    *c = ',';
            }
            append_text(text, names);
            append_text(text, " tags=");
            append_text(text, features.tags);
            append_text(text, "\n");
        }
    }
    MutexLocker locker(g_listing_lock);
    g_listing = std::move(text);
    g_other_members = std::move(others);
}

[[noreturn]] void run(void*)
{
    u32 address = 0, broadcast = 0, netmask = 0;
    while (!find_eth0(address, broadcast, netmask))
        sched::sleep_ms(200);
    MembershipConfig& config = g_config.membership;
    config.address = NetAddress { address, LwipClusterTransport::DATAGRAM_PORT };
    if (config.requested_node.is_none())
        config.preferred_node = preferred_number(address, netmask);

    static LwipClusterTransport transport;
    if (auto opened = transport.open(broadcast, g_wakeup); opened.is_error()) {
        log_error("cluster: cannot open the cluster ports: %s", error_name(opened.error()));
        sched::thread_exit_current();
    }
    static HmacSha256Authenticator authenticator;
    static ClusterLogEvents events(config.cluster_name);
    Incarnation incarnation = real_time_clock_ms();
    auto* node = new (std::nothrow) ClusterNode(config, incarnation, g_config.key, authenticator, transport, events);
    if (!node) {
        log_error("cluster: out of memory");
        sched::thread_exit_current();
    }
    bool numbered = config.requested_node.is_valid();
    log_info("cluster: starting %s%u in %s on %u.%u.%u.%u (incarnation %llu)", numbered ? "node" : "asking for node",
        unsigned(numbered ? config.requested_node.value() : config.preferred_node.value()), config.cluster_name,
        address >> 24, (address >> 16) & 255, (address >> 8) & 255, address & 255, (unsigned long long)incarnation);
    if (auto registered = register_rpc_test_services(node->rpc()); registered.is_error())
        log_warn("cluster: no null/echo RPC services: %s", error_name(registered.error()));
    for (usize i = 0; i < g_service_count; ++i) {
        auto const& wanted = g_services[i];
        if (auto registered = node->rpc().register_handler(wanted.service, wanted.method, wanted.handler, wanted.context);
            registered.is_error())
            log_warn("cluster: RPC service %u.%u: %s", unsigned(wanted.service), unsigned(wanted.method),
                error_name(registered.error()));
    }
    bridge_attach(g_wakeup);
    set_cluster_pinger(ping_through_bridge);
    node->start(now_ms());
    u64 next_load = now_ms() + LOAD_INTERVAL_MS;
    u64 next_listing = 0;
    u32 load = 0;
    bool left = false;
    for (;;) {
        u64 now = now_ms();
        transport.poll(*node, now);
        node->on_tick(now);
        if (!left && g_leave_requested.load(std::memory_order_acquire)) {
            node->leave(now); // one Leave datagram to each member, sent before this returns
            left = true;
            g_left.post();
        }
        bridge_start_queued(node->rpc());
        note_number(node->membership());
        if (now >= next_load) {
            load = sample_load_milli(load);
            node->membership().set_load(load);
            next_load = now + LOAD_INTERVAL_MS;
        }
        if (now >= next_listing) {
            publish_listing(*node);
            next_listing = now + LISTING_INTERVAL_MS;
        }
        // Until the next tick or the next event, whichever comes first; events
        // that piled up meanwhile are all served by this pass.
        (void)g_wakeup.wait(TICK_MS);
        while (g_wakeup.try_wait()) {
        }
    }
}

} // namespace

bool service_start(CommandLine const& command_line)
{
    if (!HmacSha256Authenticator::is_available()) {
        log_warn("cluster: built without BearSSL; the cluster stays off");
        return false;
    }
    if (!has_ethernet()) {
        log_info("cluster: no Ethernet interface; the cluster stays off");
        return false;
    }
    if (parse_config(command_line, g_config).is_error())
        return false; // logged; the cluster stays off
    set_cluster_nodes_lister(nodes_listing);
    auto thread = Thread::create("cluster", run, nullptr, sched::PRIORITY_HIGH);
    if (thread.is_error()) {
        log_error("cluster: cannot start its thread: %s", error_name(thread.error()));
        return false;
    }
    if (auto hooked = register_shutdown_hook("cluster leave", leave_on_shutdown, nullptr); hooked.is_error())
        log_warn("cluster: no clean leave on poweroff: %s", error_name(hooked.error()));
    return true;
}

Result<void> add_rpc_service(u16 service, u16 method, RpcHandler handler, void* context)
{
    if (g_service_count == MAX_KERNEL_SERVICES)
        return Error::NoSpace;
    g_services[g_service_count++] = ServiceRegistration { service, method, handler, context };
    return {};
}

Result<Vector<NodeId>> other_members()
{
    MutexLocker locker(g_listing_lock);
    return g_other_members.try_clone();
}

Result<u32> wait_for_node_number(u64 timeout_ms)
{
    if (!g_is_numbered.load(std::memory_order_acquire)) {
        TRY(g_numbered.wait(timeout_ms));
        g_numbered.post(); // for the next waiter
    }
    return local_node();
}

Result<Vector<u8>> nodes_listing()
{
    MutexLocker locker(g_listing_lock);
    return g_listing.try_clone();
}

} // namespace cluster
