// snapshot_interfaces and the monitor's `net` (see interface_snapshot.h).
#include "net/stack/freestanding/interface_snapshot.h"

#include "kernel/lib/format.h"
#include "lwip/netif.h"
#include "lwip/tcpip.h"
#include "net/lwip_port/ethernet_netif.h"
#include "net/stack/interface_list.h"

namespace net {

namespace {

constexpr u32 LOOPBACK_MTU = 65535; // lwIP's loop netif has no MTU of its own

Ipv4Address address_of(ip4_addr_t const* address) { return Ipv4Address::from_u32(lwip_ntohl(ip4_addr_get_u32(address))); }

// Caller holds the core lock.
InterfaceInfo describe(struct netif* netif)
{
    InterfaceInfo info;
    info.inet = address_of(netif_ip4_addr(netif));
    info.netmask = address_of(netif_ip4_netmask(netif));
    info.gateway = address_of(netif_ip4_gw(netif));
    info.link_up = netif_is_up(netif) && netif_is_link_up(netif);
    if (EthernetNetif* ethernet = EthernetNetif::from_netif(netif)) {
        NetDevice& device = ethernet->device();
        set_interface_name(info, device.name());
        info.mac = device.mac();
        info.mtu = netif->mtu;
        info.config = ethernet->config();
        info.counters = device.counters();
        info.counters.rx_dropped += ethernet->rx_dropped();
        return info;
    }
    char name[InterfaceInfo::NAME_CAPACITY];
    if (netif->name[0] == 'l' && netif->name[1] == 'o')
        format(name, sizeof(name), "lo");
    else
        format(name, sizeof(name), "%c%c%u", netif->name[0], netif->name[1], unsigned(netif->num));
    set_interface_name(info, StringView(name));
    info.mtu = netif->mtu ? netif->mtu : LOOPBACK_MTU;
    // What goes out of lo comes straight back in: lwIP counts both sides.
    info.counters.rx_packets = netif->mib2_counters.ifinucastpkts + netif->mib2_counters.ifinnucastpkts;
    info.counters.rx_bytes = netif->mib2_counters.ifinoctets;
    info.counters.rx_dropped = netif->mib2_counters.ifindiscards;
    info.counters.rx_errors = netif->mib2_counters.ifinerrors;
    info.counters.tx_packets = netif->mib2_counters.ifoutucastpkts + netif->mib2_counters.ifoutnucastpkts;
    info.counters.tx_bytes = netif->mib2_counters.ifoutoctets;
    info.counters.tx_dropped = netif->mib2_counters.ifoutdiscards;
    info.counters.tx_errors = netif->mib2_counters.ifouterrors;
    return info;
}

} // namespace

Result<Vector<InterfaceInfo>> snapshot_interfaces()
{
    Vector<InterfaceInfo> list;
    Result<void> appended;
    LOCK_TCPIP_CORE();
    // netif_list holds the newest first; lo was added first, so walk it backwards
    // by collecting, then reversing.
    struct netif* netif;
    NETIF_FOREACH(netif)
    {
        appended = list.try_append(describe(netif));
        if (appended.is_error())
            break;
    }
    UNLOCK_TCPIP_CORE();
    TRY(appended);
    for (usize i = 0, j = list.size(); i + 1 < j; ++i, --j) {
        InterfaceInfo swapped = list[i];
        list[i] = list[j - 1];
        list[j - 1] = swapped;
    }
    return list;
}

void command_net(MonitorIo& io, StringView)
{
    auto list = list_interfaces();
    if (list.is_error()) {
        io.print("net: %s\n", error_name(list.error()));
        return;
    }
    if (list.value().size() == 0)
        io.print("net: the network stack is not running\n");
    for (InterfaceInfo const& info : list.value()) {
        char line[INTERFACE_LINE_CAPACITY];
        if (auto length = format_interface_line(info, line, sizeof(line)); !length.is_error())
            io.write(line, length.value());
    }
}

} // namespace net
