// snapshot_protocol_stats and the monitor's `netstats` (see
// protocol_stats_snapshot.h).
//
// Consistency: lwIP bumps these counters with plain increments, almost all in
// the tcpip thread, which holds the core lock while it works; copying them
// under the same lock gives a snapshot no tcpip-thread update tears. The
// exceptions are the link counters of EthernetNetif::on_frame (the driver's
// receive path, outside the lock): a read may miss an increment in flight,
// and such increments can race the tcpip thread's own link increments. That is
// good enough for counters read by people; nothing decides on them.
#include "net/stack/freestanding/protocol_stats_snapshot.h"

#include "lwip/stats.h"
#include "lwip/tcpip.h"
#include "net/stack/protocol_stats_reader.h"

namespace net {

namespace {

static_assert(LINK_STATS && ETHARP_STATS && IP_STATS && ICMP_STATS && UDP_STATS && TCP_STATS,
    "/proc/net/stats needs every protocol's stats (net/lwip_port/include/lwipopts.h)");

constexpr usize PROTOCOL_COUNT = sizeof(NET_PROTOCOLS) / sizeof(NET_PROTOCOLS[0]);

// Caller holds the core lock.
stats_proto const& counters_of(NetProtocol protocol)
{
    switch (protocol) {
    case NetProtocol::Link:
        return lwip_stats.link;
    case NetProtocol::Etharp:
        return lwip_stats.etharp;
    case NetProtocol::Ip:
        return lwip_stats.ip;
    case NetProtocol::Icmp:
        return lwip_stats.icmp;
    case NetProtocol::Udp:
        return lwip_stats.udp;
    case NetProtocol::Tcp:
        return lwip_stats.tcp;
    }
    return lwip_stats.link;
}

ProtocolStats describe(NetProtocol protocol, stats_proto const& c)
{
    ProtocolStats stats;
    stats.protocol = protocol;
    stats.xmit = c.xmit;
    stats.recv = c.recv;
    stats.fw = c.fw;
    stats.drop = c.drop;
    stats.chkerr = c.chkerr;
    stats.lenerr = c.lenerr;
    stats.memerr = c.memerr;
    stats.rterr = c.rterr;
    stats.proterr = c.proterr;
    stats.opterr = c.opterr;
    stats.err = c.err;
    return stats;
}

} // namespace

Result<Vector<ProtocolStats>> snapshot_protocol_stats()
{
    // Copied under the lock into the stack, converted (and allocated) after.
    stats_proto copies[PROTOCOL_COUNT];
    LOCK_TCPIP_CORE();
    for (usize i = 0; i < PROTOCOL_COUNT; ++i)
        copies[i] = counters_of(NET_PROTOCOLS[i]);
    UNLOCK_TCPIP_CORE();
    Vector<ProtocolStats> list;
    for (usize i = 0; i < PROTOCOL_COUNT; ++i)
        TRY(list.try_append(describe(NET_PROTOCOLS[i], copies[i])));
    return list;
}

void command_netstats(MonitorIo& io, StringView)
{
    auto list = read_protocol_stats();
    if (list.is_error()) {
        io.print("netstats: %s\n", error_name(list.error()));
        return;
    }
    if (list.value().size() == 0)
        io.print("netstats: the network stack is not running\n");
    for (ProtocolStats const& stats : list.value()) {
        char line[PROTOCOL_STATS_LINE_CAPACITY];
        if (auto length = format_protocol_stats_line(stats, line, sizeof(line)); !length.is_error())
            io.write(line, length.value());
    }
}

} // namespace net
