// network_init (see network_stack.h): tcpip_init, one EthernetNetif per NetDevice,
// eth0's address from the command line or DHCP, and the hooks that show the
// interfaces and the protocol counters (/proc/net/interfaces and /proc/net/stats,
// the monitor's `net` and `netstats`).
#include "net/stack/network_stack.h"

#include "kernel/log/klog.h"
#include "kernel/monitor/monitor.h"
#include "kernel/sync/semaphore.h"
#include "lwip/dhcp.h"
#include "lwip/init.h"
#include "lwip/netif.h"
#include "lwip/tcpip.h"
#include "net/device/net_device.h"
#include "net/lwip_port/ethernet_netif.h"
#include "net/stack/freestanding/interface_snapshot.h"
#include "net/stack/freestanding/protocol_stats_snapshot.h"
#include "net/stack/interface_list.h"
#include "net/stack/ip_config.h"
#include "net/stack/protocol_stats_reader.h"

namespace net {

namespace {

bool g_running = false;

// The interfaces live as long as the kernel, one per NetDevice, filled under the core lock.
EthernetNetif g_interfaces[EthernetNetif::MAX_INTERFACES];
usize g_interface_count = 0;

// Frames go to the tcpip thread's mailbox, link changes through tcpip_callback.
constexpr StackEntry TCPIP_THREAD_ENTRY { tcpip_input, tcpip_callback };

// Caller holds the core lock.
Result<EthernetNetif*> attach_interface(NetDevice& device)
{
    if (g_interface_count == EthernetNetif::MAX_INTERFACES)
        return Error::NoSpace;
    EthernetNetif& ethernet = g_interfaces[g_interface_count];
    TRY(ethernet.attach(device, TCPIP_THREAD_ENTRY));
    ++g_interface_count;
    return &ethernet;
}

void tcpip_ready(void* semaphore) { static_cast<Semaphore*>(semaphore)->post(); }

ip4_addr_t lwip_address(Ipv4Address address)
{
    ip4_addr_t converted;
    IP4_ADDR(&converted, address.octets[0], address.octets[1], address.octets[2], address.octets[3]);
    return converted;
}

// Leading one bits of a netmask (no popcount instruction without -mpopcnt).
unsigned prefix_length_of(u32 netmask)
{
    unsigned length = 0;
    for (; length < 32 && (netmask & (0x80000000u >> length)); ++length) { }
    return length;
}

// Logs "net: eth0 10.0.2.15/24 (dhcp)" when a lease arrives (or changes), and
// its loss. Runs in the tcpip thread.
void on_status_change(struct netif* netif)
{
    static u32 s_logged[EthernetNetif::MAX_INTERFACES];
    EthernetNetif* ethernet = EthernetNetif::from_netif(netif);
    if (!ethernet || ethernet->config() != InterfaceConfigMode::Dhcp)
        return;
    u32& logged = s_logged[netif_get_index(netif) % EthernetNetif::MAX_INTERFACES];
    u32 address = ip4_addr_get_u32(netif_ip4_addr(netif));
    StringView name = ethernet->device().name();
    if (dhcp_supplied_address(netif) && address != logged) {
        logged = address;
        Ipv4Address shown = Ipv4Address::from_u32(lwip_ntohl(address));
        log_info("net: %.*s %u.%u.%u.%u/%u (dhcp)", int(name.length()), name.characters(), shown.octets[0],
            shown.octets[1], shown.octets[2], shown.octets[3],
            prefix_length_of(lwip_ntohl(ip4_addr_get_u32(netif_ip4_netmask(netif)))));
    } else if (!dhcp_supplied_address(netif) && logged != 0) {
        logged = 0;
        log_warn("net: %.*s lost its DHCP lease", int(name.length()), name.characters());
    }
}

// Caller holds the core lock.
void configure(EthernetNetif& ethernet, IpConfig const& config)
{
    struct netif* netif = &ethernet.lwip_netif();
    StringView name = ethernet.device().name();
    ethernet.set_config(config.mode);
    netif_set_status_callback(netif, on_status_change);
    switch (config.mode) {
    case InterfaceConfigMode::Static: {
        ip4_addr_t address = lwip_address(config.address);
        ip4_addr_t netmask = lwip_address(config.netmask());
        ip4_addr_t gateway = lwip_address(config.gateway);
        netif_set_addr(netif, &address, &netmask, &gateway);
        netif_set_up(netif);
        log_info("net: %.*s %u.%u.%u.%u/%u (static)", int(name.length()), name.characters(), config.address.octets[0],
            config.address.octets[1], config.address.octets[2], config.address.octets[3], config.prefix_length);
        break;
    }
    case InterfaceConfigMode::Dhcp: {
        netif_set_up(netif);
        err_t started = dhcp_start(netif);
        if (started != ERR_OK)
            log_error("net: %.*s: DHCP did not start (lwIP error %d)", int(name.length()), name.characters(),
                int(started));
        else
            log_info("net: %.*s asking for an address by DHCP", int(name.length()), name.characters());
        break;
    }
    case InterfaceConfigMode::None:
        netif_set_up(netif); // up without an address: it still counts and drops traffic
        break;
    }
}

} // namespace

bool network_is_running() { return __atomic_load_n(&g_running, __ATOMIC_ACQUIRE); }

void network_init(CommandLine const& command_line)
{
    char const* problem = "ip";
    auto parsed = ip_config_from_command_line(command_line, &problem);
    IpConfig config;
    if (parsed.is_error()) {
        StringView value = command_line.get(StringView(problem));
        log_error("net: ignoring %s=%.*s: not a usable address; using DHCP", problem, int(value.length()),
            value.characters());
    } else {
        config = parsed.release_value();
    }

    Semaphore ready;
    tcpip_init(tcpip_ready, &ready);
    (void)ready.wait();
    __atomic_store_n(&g_running, true, __ATOMIC_RELEASE);

    NetDeviceRegistry& devices = NetDeviceRegistry::the();
    {
        LOCK_TCPIP_CORE();
        for (usize i = 0; i < devices.count(); ++i) {
            NetDevice& device = *devices.at(i);
            auto attached = attach_interface(device);
            if (attached.is_error()) {
                log_error("net: cannot attach %.*s: %s", int(device.name().length()), device.name().characters(),
                    error_name(attached.error()));
                continue;
            }
            // The first device is eth0, which the command line configures; others wait.
            bool first = i == 0;
            configure(*attached.value(), first ? config : IpConfig { InterfaceConfigMode::None, {}, 0, {} });
            if (first)
                netif_set_default(&attached.value()->lwip_netif());
        }
        UNLOCK_TCPIP_CORE();
    }
    if (devices.count() == 0 && config.mode == InterfaceConfigMode::Static)
        log_warn("net: ip= given but there is no network device; only lo is up");

    set_interface_lister(snapshot_interfaces);
    monitor_register_command({ "net", "network interfaces: addresses, link and counters", command_net });
    set_protocol_stats_reader(snapshot_protocol_stats);
    monitor_register_command({ "netstats", "protocol counters: sent, received, dropped and why", command_netstats });
    // `iperf` on the command line starts lwiperf at boot (benchmarks, tests).
    if (command_line.has("iperf")) {
        if (auto started = iperf_server_start(5001); started.is_error())
            log_error("iperf: cannot start the server: %s", error_name(started.error()));
    }
    log_info("net: lwIP %s up, %zu interface%s besides lo", LWIP_VERSION_STRING, devices.count(),
        devices.count() == 1 ? "" : "s");
}

} // namespace net
