// The /proc/net/interfaces line: exact format for an Ethernet interface and
// loopback, truncation as an error, and the empty list before a stack runs.
#include <catch2/catch.hpp>

#include <string>

#include "net/stack/interface_info.h"
#include "net/stack/interface_list.h"

namespace {

net::InterfaceInfo eth0()
{
    net::InterfaceInfo info;
    net::set_interface_name(info, "eth0"_sv);
    info.mac = { { 0x52, 0x54, 0x00, 0x00, 0x00, 0x01 } };
    info.inet = { { 10, 77, 0, 1 } };
    info.netmask = { { 255, 255, 255, 0 } };
    info.mtu = 1500;
    info.link_up = true;
    info.config = net::InterfaceConfigMode::Static;
    info.counters.rx_packets = 1;
    info.counters.rx_bytes = 2;
    info.counters.rx_errors = 3;
    info.counters.rx_dropped = 4;
    info.counters.tx_packets = 5;
    info.counters.tx_bytes = 6;
    info.counters.tx_errors = 7;
    info.counters.tx_dropped = 18446744073709551615ull;
    return info;
}

std::string line_of(net::InterfaceInfo const& info)
{
    char buffer[net::INTERFACE_LINE_CAPACITY];
    auto length = net::format_interface_line(info, buffer, sizeof(buffer));
    REQUIRE(!length.is_error());
    return std::string(buffer, length.value());
}

} // namespace

TEST_CASE("an ethernet interface line has every key in order")
{
    CHECK(line_of(eth0())
        == "name=eth0 mac=52:54:00:00:00:01 inet=10.77.0.1 netmask=255.255.255.0 gateway=0.0.0.0 mtu=1500 "
           "link=up config=static rx_packets=1 rx_bytes=2 rx_errors=3 rx_dropped=4 tx_packets=5 tx_bytes=6 "
           "tx_errors=7 tx_dropped=18446744073709551615\n");
}

TEST_CASE("the loopback line has a zero mac and config=none")
{
    net::InterfaceInfo lo;
    net::set_interface_name(lo, "lo"_sv);
    lo.inet = { { 127, 0, 0, 1 } };
    lo.netmask = { { 255, 0, 0, 0 } };
    lo.mtu = 65535;
    lo.link_up = true;
    CHECK(line_of(lo)
        == "name=lo mac=00:00:00:00:00:00 inet=127.0.0.1 netmask=255.0.0.0 gateway=0.0.0.0 mtu=65535 link=up "
           "config=none rx_packets=0 rx_bytes=0 rx_errors=0 rx_dropped=0 tx_packets=0 tx_bytes=0 tx_errors=0 "
           "tx_dropped=0\n");
}

TEST_CASE("a DHCP interface whose link is down says so")
{
    net::InterfaceInfo info = eth0();
    info.link_up = false;
    info.config = net::InterfaceConfigMode::Dhcp;
    std::string line = line_of(info);
    CHECK(line.find(" link=down config=dhcp ") != std::string::npos);
}

TEST_CASE("a name that fills its buffer without a NUL is printed whole, not overrun")
{
    net::InterfaceInfo info = eth0();
    for (char& c : info.name)
        c = 'x';
    CHECK(line_of(info).rfind("name=xxxxxxxxxxxxxxxx mac=", 0) == 0);
    net::set_interface_name(info, "a-very-long-interface-name"_sv);
    CHECK(std::string(info.name) == "a-very-long-int");
}

TEST_CASE("a buffer too small for the line is NoSpace")
{
    char buffer[40];
    CHECK(net::format_interface_line(eth0(), buffer, sizeof(buffer)).error() == Error::NoSpace);
}

TEST_CASE("without a network stack the interface list is empty")
{
    net::set_interface_lister(nullptr);
    auto list = net::list_interfaces();
    REQUIRE(!list.is_error());
    CHECK(list.value().size() == 0);
}

TEST_CASE("the installed lister answers the interface list")
{
    net::set_interface_lister([]() -> Result<Vector<net::InterfaceInfo>> {
        Vector<net::InterfaceInfo> list;
        TRY(list.try_append(eth0()));
        return list;
    });
    auto list = net::list_interfaces();
    net::set_interface_lister(nullptr);
    REQUIRE(!list.is_error());
    REQUIRE(list.value().size() == 1);
    CHECK(std::string(list.value()[0].name) == "eth0");
}

TEST_CASE("an interface is found by name, and a missing one is NoEntry")
{
    CHECK(net::find_interface("eth0"_sv).error() == Error::NoEntry); // no stack
    net::set_interface_lister([]() -> Result<Vector<net::InterfaceInfo>> {
        Vector<net::InterfaceInfo> list;
        TRY(list.try_append(eth0()));
        return list;
    });
    auto found = net::find_interface("eth0"_sv);
    auto missing = net::find_interface("eth1"_sv);
    net::set_interface_lister(nullptr);
    REQUIRE(!found.is_error());
    CHECK(std::string(found.value().name) == "eth0");
    CHECK(missing.error() == Error::NoEntry);
}
