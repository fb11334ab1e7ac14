// The /proc/net/stats line (see protocol_stats.h).
#include "net/stack/protocol_stats.h"

#include "kernel/lib/format.h"

namespace net {

namespace {

unsigned long long counter(u64 value) { return static_cast<unsigned long long>(value); }

} // namespace

StringView net_protocol_name(NetProtocol protocol)
{
    switch (protocol) {
    case NetProtocol::Link:
        return "link"_sv;
    case NetProtocol::Etharp:
        return "etharp"_sv;
    case NetProtocol::Ip:
        return "ip"_sv;
    case NetProtocol::Icmp:
        return "icmp"_sv;
    case NetProtocol::Udp:
        return "udp"_sv;
    case NetProtocol::Tcp:
        return "tcp"_sv;
    }
    return "unknown"_sv;
}

Result<usize> format_protocol_stats_line(ProtocolStats const& stats, char* buffer, usize capacity)
{
    StringView name = net_protocol_name(stats.protocol);
    usize length = format(buffer, capacity,
        "proto=%.*s xmit=%llu recv=%llu fw=%llu drop=%llu chkerr=%llu lenerr=%llu memerr=%llu rterr=%llu "
        "proterr=%llu opterr=%llu err=%llu\n",
        int(name.length()), name.characters(), counter(stats.xmit), counter(stats.recv), counter(stats.fw),
        counter(stats.drop), counter(stats.chkerr), counter(stats.lenerr), counter(stats.memerr),
        counter(stats.rterr), counter(stats.proterr), counter(stats.opterr), counter(stats.err));
    if (length >= capacity)
        return Error::NoSpace;
    return length;
}

} // namespace net
