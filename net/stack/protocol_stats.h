// ProtocolStats: what lwIP counted for one protocol layer (sent, received,
// and every reason it dropped something), and the one formatter of its
// /proc/net/stats line:
//   proto=ip xmit=N recv=N fw=N drop=N chkerr=N lenerr=N memerr=N rterr=N
//   proterr=N opterr=N err=N
// (one line, single spaces). Portable; the network stack fills the struct.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

namespace net {

// The layers /proc/net/stats has a line for, in its order.
enum class NetProtocol : u8 {
    Link,
    Etharp,
    Ip,
    Icmp,
    Udp,
    Tcp,
};

inline constexpr NetProtocol NET_PROTOCOLS[] = { NetProtocol::Link, NetProtocol::Etharp, NetProtocol::Ip,
    NetProtocol::Icmp, NetProtocol::Udp, NetProtocol::Tcp };

// "link", "etharp", "ip", "icmp", "udp", "tcp": the proto= value.
StringView net_protocol_name(NetProtocol protocol);

// lwIP's struct stats_proto without cachehit; u64 so the format does not
// depend on lwIP's counter width (LWIP_STATS_LARGE).
struct ProtocolStats {
    NetProtocol protocol = NetProtocol::Link;
    u64 xmit = 0;    // sent
    u64 recv = 0;    // received
    u64 fw = 0;      // forwarded
    u64 drop = 0;    // dropped, for any of the reasons below or none
    u64 chkerr = 0;  // bad checksum
    u64 lenerr = 0;  // bad length
    u64 memerr = 0;  // no memory for it
    u64 rterr = 0;   // no route
    u64 proterr = 0; // protocol error (unknown type, no listener, bad state)
    u64 opterr = 0;  // bad options
    u64 err = 0;     // any other error
};

// Room for the longest line format_protocol_stats_line() can produce.
inline constexpr usize PROTOCOL_STATS_LINE_CAPACITY = 320;

// Writes the line, with its '\n', NUL-terminated, into buffer; returns its
// length. NoSpace when capacity is too small (nothing useful is written then).
Result<usize> format_protocol_stats_line(ProtocolStats const& stats, char* buffer, usize capacity);

} // namespace net
