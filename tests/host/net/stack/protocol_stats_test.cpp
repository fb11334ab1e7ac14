// The /proc/net/stats line: exact format, the protocol names in order, the
// widest line fitting its capacity, truncation as an error, and the reader
// (empty before a stack runs, the installed one's answer after).
#include <catch2/catch.hpp>

#include <string>

#include "net/stack/protocol_stats.h"
#include "net/stack/protocol_stats_reader.h"

namespace {

std::string line_of(net::ProtocolStats const& stats)
{
    char buffer[net::PROTOCOL_STATS_LINE_CAPACITY];
    auto length = net::format_protocol_stats_line(stats, buffer, sizeof(buffer));
    REQUIRE(!length.is_error());
    return std::string(buffer, length.value());
}

net::ProtocolStats numbered(net::NetProtocol protocol)
{
    net::ProtocolStats stats;
    stats.protocol = protocol;
    stats.xmit = 1;
    stats.recv = 2;
    stats.fw = 3;
    stats.drop = 4;
    stats.chkerr = 5;
    stats.lenerr = 6;
    stats.memerr = 7;
    stats.rterr = 8;
    stats.proterr = 9;
    stats.opterr = 10;
    stats.err = 11;
    return stats;
}

Result<Vector<net::ProtocolStats>> two_protocols()
{
    Vector<net::ProtocolStats> list;
    TRY(list.try_append(numbered(net::NetProtocol::Ip)));
    TRY(list.try_append(numbered(net::NetProtocol::Icmp)));
    return list;
}

} // namespace

TEST_CASE("a protocol stats line has every key in order", "[net]")
{
    CHECK(line_of(numbered(net::NetProtocol::Ip))
        == "proto=ip xmit=1 recv=2 fw=3 drop=4 chkerr=5 lenerr=6 memerr=7 rterr=8 proterr=9 opterr=10 err=11\n");
    CHECK(line_of(net::ProtocolStats {})
        == "proto=link xmit=0 recv=0 fw=0 drop=0 chkerr=0 lenerr=0 memerr=0 rterr=0 proterr=0 opterr=0 err=0\n");
}

TEST_CASE("the protocols are link, etharp, ip, icmp, udp, tcp", "[net]")
{
    std::string names;
    for (net::NetProtocol protocol : net::NET_PROTOCOLS) {
        StringView name = net::net_protocol_name(protocol);
        names += std::string(name.characters(), name.length()) + " ";
    }
    CHECK(names == "link etharp ip icmp udp tcp ");
}

TEST_CASE("the widest protocol stats line fits its capacity", "[net]")
{
    net::ProtocolStats stats;
    stats.protocol = net::NetProtocol::Etharp;
    u64 const most = 18446744073709551615ull;
    for (u64* field : { &stats.xmit, &stats.recv, &stats.fw, &stats.drop, &stats.chkerr, &stats.lenerr,
             &stats.memerr, &stats.rterr, &stats.proterr, &stats.opterr, &stats.err })
        *field = most;
    std::string line = line_of(stats);
    CHECK(line.rfind("proto=etharp xmit=18446744073709551615 recv=", 0) == 0);
    CHECK(line.find(" err=18446744073709551615\n") != std::string::npos);
}

TEST_CASE("a buffer too small for the stats line is NoSpace", "[net]")
{
    char buffer[40];
    CHECK(net::format_protocol_stats_line(numbered(net::NetProtocol::Tcp), buffer, sizeof(buffer)).error()
        == Error::NoSpace);
}

TEST_CASE("the protocol stats come from the installed reader, none without one", "[net]")
{
    REQUIRE(net::read_protocol_stats().value().size() == 0);
    net::set_protocol_stats_reader(two_protocols);
    auto list = net::read_protocol_stats();
    net::set_protocol_stats_reader(nullptr);
    REQUIRE(!list.is_error());
    REQUIRE(list.value().size() == 2);
    CHECK(list.value()[1].protocol == net::NetProtocol::Icmp);
    CHECK(list.value()[1].err == 11);
    CHECK(net::read_protocol_stats().value().size() == 0);
}
