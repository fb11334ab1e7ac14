// IpConfig tests: dotted quads and CIDR prefixes, the addresses a host may not
// have, and how ip= / gateway= on the command line choose static, DHCP or none.
#include <catch2/catch.hpp>

#include "kernel/boot/command_line.h"
#include "net/stack/ip_config.h"

using net::InterfaceConfigMode;
using net::Ipv4Address;

namespace {

Ipv4Address quad(u8 a, u8 b, u8 c, u8 d) { return { { a, b, c, d } }; }

} // namespace

TEST_CASE("ipv4 addresses parse as four decimal parts")
{
    auto address = net::parse_ipv4_address("10.77.0.1"_sv);
    REQUIRE(!address.is_error());
    CHECK(address.value() == quad(10, 77, 0, 1));
    CHECK(address.value().to_u32() == 0x0a4d0001u);
    CHECK(Ipv4Address::from_u32(0xc0a80102u) == quad(192, 168, 1, 2));
    CHECK(net::parse_ipv4_address("0.0.0.0"_sv).value() == quad(0, 0, 0, 0));
    CHECK(net::parse_ipv4_address("255.255.255.255"_sv).value() == quad(255, 255, 255, 255));
}

TEST_CASE("malformed ipv4 addresses are rejected")
{
    char const* bad[] = { "", "1", "1.2.3", "1.2.3.4.5", "1.2.3.256", "1..3.4", ".1.2.3", "1.2.3.", "01.2.3.4",
        "1.2.3.4 ", " 1.2.3.4", "+1.2.3.4", "-1.2.3.4", "1.2.3.0x4", "1234.1.1.1", "1.2.3.4/24", "a.b.c.d" };
    for (char const* text : bad) {
        INFO(text);
        CHECK(net::parse_ipv4_address(StringView(text)).error() == Error::InvalidArgument);
    }
}

TEST_CASE("static addresses take a prefix length, /24 by default")
{
    auto config = net::parse_static_address("10.77.0.3/16"_sv);
    REQUIRE(!config.is_error());
    CHECK(config.value().mode == InterfaceConfigMode::Static);
    CHECK(config.value().address == quad(10, 77, 0, 3));
    CHECK(config.value().prefix_length == 16);
    CHECK(config.value().netmask() == quad(255, 255, 0, 0));
    CHECK(net::parse_static_address("10.0.2.15"_sv).value().prefix_length == 24);
    CHECK(net::parse_static_address("10.0.2.15/32"_sv).value().netmask() == quad(255, 255, 255, 255));
    CHECK(net::netmask_of_prefix(0) == 0);
    CHECK(net::netmask_of_prefix(1) == 0x80000000u);
}

TEST_CASE("addresses no host may have are refused")
{
    char const* bad[] = { "0.0.0.0/24", "127.0.0.1/8", "224.0.0.1/24", "255.255.255.255/24", "10.77.0.0/24",
        "10.77.0.255/24", "10.77.0.1/0", "10.77.0.1/33", "10.77.0.1/", "10.77.0.1/024", "10.77.0.1/2a",
        "10.77.0.1/24/24" };
    for (char const* text : bad) {
        INFO(text);
        CHECK(net::parse_static_address(StringView(text)).error() == Error::InvalidArgument);
    }
    // Point-to-point and host routes have no network or broadcast address.
    CHECK(!net::parse_static_address("10.0.0.0/31"_sv).is_error());
    CHECK(!net::parse_static_address("10.0.0.255/32"_sv).is_error());
}

TEST_CASE("no ip= option means DHCP")
{
    CommandLine line("selftest");
    auto config = net::ip_config_from_command_line(line);
    REQUIRE(!config.is_error());
    CHECK(config.value().mode == InterfaceConfigMode::Dhcp);
    CHECK(config.value().gateway == quad(0, 0, 0, 0));
}

TEST_CASE("ip= with gateway= gives a static configuration")
{
    CommandLine line("ip=10.0.2.15/24 gateway=10.0.2.2");
    auto config = net::ip_config_from_command_line(line);
    REQUIRE(!config.is_error());
    CHECK(config.value().mode == InterfaceConfigMode::Static);
    CHECK(config.value().address == quad(10, 0, 2, 15));
    CHECK(config.value().gateway == quad(10, 0, 2, 2));
    CHECK(std::string(net::interface_config_mode_name(config.value().mode)) == "static");
}

TEST_CASE("ip=dhcp and ip=none choose the mode")
{
    CHECK(net::ip_config_from_command_line(CommandLine("ip=dhcp")).value().mode == InterfaceConfigMode::Dhcp);
    CHECK(net::ip_config_from_command_line(CommandLine("ip=none")).value().mode == InterfaceConfigMode::None);
    CHECK(net::ip_config_from_command_line(CommandLine("ip=off")).value().mode == InterfaceConfigMode::None);
    // A gateway means nothing without a static address; it is ignored.
    CHECK(net::ip_config_from_command_line(CommandLine("gateway=nonsense")).value().mode
        == InterfaceConfigMode::Dhcp);
}

TEST_CASE("bad ip= or gateway= values are errors that name the option")
{
    char const* problem = nullptr;
    CHECK(net::ip_config_from_command_line(CommandLine("ip=10.77.0.300/24"), &problem).error()
        == Error::InvalidArgument);
    CHECK(std::string(problem) == "ip");
    CHECK(net::ip_config_from_command_line(CommandLine("ip"), &problem).error() == Error::InvalidArgument);
    CHECK(std::string(problem) == "ip");
    char const* bad_gateways[] = { "ip=10.77.0.1/24 gateway=10.78.0.1", "ip=10.77.0.1/24 gateway=10.77.0.1",
        "ip=10.77.0.1/24 gateway=10.77.0.255", "ip=10.77.0.1/24 gateway=", "ip=10.77.0.1/24 gateway=10.77.0" };
    for (char const* text : bad_gateways) {
        INFO(text);
        problem = nullptr;
        CHECK(net::ip_config_from_command_line(CommandLine(StringView(text)), &problem).error()
            == Error::InvalidArgument);
        CHECK(std::string(problem) == "gateway");
    }
}
