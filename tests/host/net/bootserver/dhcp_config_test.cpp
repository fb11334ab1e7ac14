// DHCP server options: MACs, dhcp_range, dhcp_hosts (with the MAC+COUNT block
// form) and dhcp_lease, the default range, and every bad value refused with
// the option at fault named.
#include <catch2/catch.hpp>

#include <string>

#include "kernel/boot/command_line.h"
#include "net/bootserver/dhcp_config.h"

using net::DhcpAddressRange;
using net::DhcpServerConfig;
using net::Ipv4Address;
using net::MacAddress;

namespace {

Ipv4Address quad(u8 a, u8 b, u8 c, u8 d) { return { { a, b, c, d } }; }
MacAddress mac(u8 last) { return { { 0x52, 0x54, 0x00, 0x00, 0x00, last } }; }

net::IpConfig static_interface(char const* text)
{
    auto config = net::parse_static_address(StringView(text));
    REQUIRE(!config.is_error());
    return config.value();
}

Result<DhcpServerConfig> from_line(char const* line, char const** problem = nullptr,
    char const* interface = "10.77.0.1/24")
{
    net::IpConfig ip = static_interface(interface);
    return net::dhcp_server_config_from_command_line(CommandLine(StringView(line)), ip, problem);
}

} // namespace

TEST_CASE("dhcp config: MAC addresses are six pairs of hex digits", "[dhcp]")
{
    auto parsed = net::parse_mac_address("52:54:00:Ab:cD:ff"_sv);
    REQUIRE(!parsed.is_error());
    CHECK(parsed.value() == MacAddress { { 0x52, 0x54, 0x00, 0xab, 0xcd, 0xff } });
    CHECK(net::mac_to_u64(parsed.value()) == 0x525400abcdffull);
    CHECK(net::mac_from_u64(0x525400abcdffull) == parsed.value());
    char const* bad[] = { "", "52:54:00:00:00", "52:54:00:00:00:2", "52:54:00:00:00:002", "52-54-00-00-00-02",
        "52:54:00:00:00:0g", "52:54:00:00:00:02:", " 52:54:00:00:00:02", "525400000002", "52:54:00:00:0:002" };
    for (char const* text : bad) {
        INFO(text);
        CHECK(net::parse_mac_address(StringView(text)).error() == Error::InvalidArgument);
    }
}

TEST_CASE("dhcp config: dhcp_range parses as two addresses in order", "[dhcp]")
{
    auto range = net::parse_dhcp_range("10.77.0.100-10.77.0.199"_sv);
    REQUIRE(!range.is_error());
    CHECK(range.value().first == quad(10, 77, 0, 100));
    CHECK(range.value().last == quad(10, 77, 0, 199));
    CHECK(range.value().size() == 100);
    CHECK(range.value().contains(quad(10, 77, 0, 150)));
    CHECK(!range.value().contains(quad(10, 77, 0, 200)));
    CHECK(net::parse_dhcp_range("10.77.0.5-10.77.0.5"_sv).value().size() == 1);
    char const* bad[] = { "", "-", "10.77.0.100", "10.77.0.100-", "-10.77.0.199", "10.77.0.199-10.77.0.100",
        "10.77.0.100-10.77.0.300", "10.77.0.100 - 10.77.0.199", "10.77.0.100-10.77.0.150-10.77.0.199" };
    for (char const* text : bad) {
        INFO(text);
        CHECK(net::parse_dhcp_range(StringView(text)).error() == Error::InvalidArgument);
    }
}

TEST_CASE("dhcp config: dhcp_hosts takes single hosts and MAC+COUNT blocks", "[dhcp]")
{
    auto hosts = net::parse_dhcp_hosts("52:54:00:00:00:02+3=10.77.0.2,52:54:00:00:00:aa=10.77.0.50,"_sv);
    REQUIRE(!hosts.is_error());
    REQUIRE(hosts.value().size() == 2);
    net::DhcpHostBlock const& block = hosts.value()[0];
    CHECK(block.first_mac == mac(2));
    CHECK(block.count == 3);
    CHECK(block.index_of_mac(mac(4)) == 2u);
    CHECK(!block.index_of_mac(mac(5)));
    CHECK(!block.index_of_mac(mac(1)));
    CHECK(block.address_at(2) == quad(10, 77, 0, 4));
    CHECK(block.mac_at(1) == mac(3));
    CHECK(block.index_of_address(quad(10, 77, 0, 3)) == 1u);
    CHECK(hosts.value()[1].count == 1);
    CHECK(hosts.value()[1].first_address == quad(10, 77, 0, 50));

    // A block may carry into the next octet of the MAC.
    auto carried = net::parse_dhcp_hosts("52:54:00:00:00:ff+2=10.77.0.20"_sv);
    REQUIRE(!carried.is_error());
    CHECK(carried.value()[0].mac_at(1) == MacAddress { { 0x52, 0x54, 0x00, 0x00, 0x01, 0x00 } });
    CHECK(net::parse_dhcp_hosts(""_sv).value().size() == 0);

    char const* bad[] = { "52:54:00:00:00:02", "52:54:00:00:00:02=", "=10.77.0.2", "52:54:00:00:00:02=10.77.0",
        "52:54:00:00:00:02+0=10.77.0.2", "52:54:00:00:00:02+=10.77.0.2", "52:54:00:00:00:02+x=10.77.0.2",
        "52:54:00:00:00:02+4097=10.77.0.2", "52:54:00:00:00:02+-1=10.77.0.2", "ff:ff:ff:ff:ff:ff+2=10.77.0.2",
        "52:54:00:00:00:02+2=255.255.255.255", "52:54:00:00:00:02=10.77.0.2,bogus" };
    for (char const* text : bad) {
        INFO(text);
        CHECK(net::parse_dhcp_hosts(StringView(text)).error() == Error::InvalidArgument);
    }
}

TEST_CASE("dhcp config: defaults are .100-.199 of the server's /24, an hour's lease, its gateway", "[dhcp]")
{
    auto config = from_line("", nullptr, "10.77.0.1/24");
    REQUIRE(!config.is_error());
    CHECK(config.value().server_address == quad(10, 77, 0, 1));
    REQUIRE(config.value().range.has_value());
    CHECK(*config.value().range == DhcpAddressRange { quad(10, 77, 0, 100), quad(10, 77, 0, 199) });
    CHECK(config.value().lease_seconds == 3600);
    CHECK(config.value().hosts.size() == 0);
    CHECK(config.value().router == quad(0, 0, 0, 0));
    CHECK(config.value().bios_boot_file == "boot/grub/i386-pc/core.0"_sv);
    CHECK(config.value().uefi_boot_file == "boot/grub/x86_64-efi/core.efi"_sv);

    net::IpConfig ip = static_interface("10.77.0.1/24");
    ip.gateway = quad(10, 77, 0, 254);
    auto routed = net::dhcp_server_config_from_command_line(CommandLine(""_sv), ip);
    REQUIRE(!routed.is_error());
    CHECK(routed.value().router == quad(10, 77, 0, 254));
}

TEST_CASE("dhcp config: the default range in other subnets", "[dhcp]")
{
    using net::default_dhcp_range;
    auto range = [](Ipv4Address server, u8 prefix, Ipv4Address first, Ipv4Address last) {
        auto found = net::default_dhcp_range(server, prefix);
        return found.has_value() && *found == DhcpAddressRange { first, last };
    };
    // A larger subnet: still the server's own /24.
    CHECK(range(quad(172, 16, 5, 1), 16, quad(172, 16, 5, 100), quad(172, 16, 5, 199)));
    // A smaller one: the upper half of its host numbers.
    CHECK(range(quad(192, 168, 1, 129), 25, quad(192, 168, 1, 192), quad(192, 168, 1, 254)));
    CHECK(range(quad(192, 168, 1, 1), 30, quad(192, 168, 1, 2), quad(192, 168, 1, 2)));
    CHECK(!default_dhcp_range(quad(192, 168, 1, 2), 30));
    CHECK(!default_dhcp_range(quad(192, 168, 1, 2), 31));
    CHECK(!default_dhcp_range(quad(192, 168, 1, 2), 32));
    // The server inside: the larger side of it.
    CHECK(range(quad(10, 0, 0, 150), 24, quad(10, 0, 0, 100), quad(10, 0, 0, 149)));
    CHECK(range(quad(10, 0, 0, 120), 24, quad(10, 0, 0, 121), quad(10, 0, 0, 199)));
    CHECK(range(quad(10, 0, 0, 100), 24, quad(10, 0, 0, 101), quad(10, 0, 0, 199)));
    CHECK(range(quad(10, 0, 0, 199), 24, quad(10, 0, 0, 100), quad(10, 0, 0, 198)));
    // Whatever the default, it validates.
    for (u8 prefix = 8; prefix <= 30; ++prefix) {
        for (u8 last : { 1, 100, 130, 150, 199, 254 }) {
            DhcpServerConfig config;
            config.server_address = quad(10, 77, 0, last);
            config.prefix_length = prefix;
            if (!net::parse_static_address(StringView(std::string("10.77.0." + std::to_string(last) + "/"
                                                          + std::to_string(prefix)).c_str())).is_error()) {
                config.range = default_dhcp_range(config.server_address, prefix);
                INFO(int(prefix) << " " << int(last));
                CHECK(!net::validate_dhcp_server_config(config).is_error());
            }
        }
    }
}

TEST_CASE("dhcp config: dhcp_range, dhcp_hosts and dhcp_lease from the command line", "[dhcp]")
{
    auto config = from_line("dhcp_range=10.77.0.50-10.77.0.60 dhcp_hosts=52:54:00:00:00:02+8=10.77.0.2,"
                            "52:54:00:00:01:00=10.77.0.55 dhcp_lease=600");
    REQUIRE(!config.is_error());
    CHECK(*config.value().range == DhcpAddressRange { quad(10, 77, 0, 50), quad(10, 77, 0, 60) });
    CHECK(config.value().lease_seconds == 600);
    CHECK(config.value().fixed_host_count() == 9);
    CHECK(config.value().fixed_address_of(mac(9)) == quad(10, 77, 0, 9));
    CHECK(!config.value().fixed_address_of(mac(10)));
    // A fixed address inside the range is allowed (the range skips it).
    CHECK(config.value().is_fixed_address(quad(10, 77, 0, 55)));

    auto hosts_only = from_line("dhcp_range=none dhcp_hosts=52:54:00:00:00:02=10.77.0.2");
    REQUIRE(!hosts_only.is_error());
    CHECK(!hosts_only.value().range);
    CHECK(from_line("dhcp_lease=0x3c").value().lease_seconds == 60);
}

TEST_CASE("dhcp config: bad values are errors naming the option", "[dhcp]")
{
    struct Case {
        char const* line;
        char const* problem;
    } cases[] = {
        { "dhcp_range=10.77.0.100", "dhcp_range" },
        { "dhcp_range=10.77.1.100-10.77.1.199", "dhcp_range" },     // another subnet
        { "dhcp_range=10.77.0.200-10.77.1.10", "dhcp_range" },      // runs out of it
        { "dhcp_range=10.77.0.0-10.77.0.10", "dhcp_range" },        // the network address
        { "dhcp_range=10.77.0.250-10.77.0.255", "dhcp_range" },     // the broadcast address
        { "dhcp_range=10.77.0.1-10.77.0.10", "dhcp_range" },        // the server itself
        { "dhcp_range", "dhcp_range" },
        { "dhcp_hosts=52:54:00:00:00:02=10.77.0.1", "dhcp_hosts" }, // the server's address
        { "dhcp_hosts=52:54:00:00:00:02=10.77.1.2", "dhcp_hosts" }, // another subnet
        { "dhcp_hosts=52:54:00:00:00:02+300=10.77.0.2", "dhcp_hosts" }, // runs past .255
        { "dhcp_hosts=52:54:00:00:00:02=10.77.0.255", "dhcp_hosts" },
        { "dhcp_hosts=52:54:00:00:00:02=10.77.0.2,52:54:00:00:00:02=10.77.0.3", "dhcp_hosts" }, // MAC twice
        { "dhcp_hosts=52:54:00:00:00:02+4=10.77.0.2,52:54:00:00:00:09=10.77.0.5", "dhcp_hosts" }, // address twice
        { "dhcp_hosts=53:54:00:00:00:02=10.77.0.2", "dhcp_hosts" }, // multicast
        { "dhcp_hosts=00:00:00:00:00:00=10.77.0.2", "dhcp_hosts" },
        { "dhcp_hosts=52:54:00:00:00:02-10.77.0.2", "dhcp_hosts" },
        { "dhcp_lease=59", "dhcp_lease" },
        { "dhcp_lease=31536001", "dhcp_lease" },
        { "dhcp_lease=99999999999999999999999", "dhcp_lease" },
        { "dhcp_lease=hour", "dhcp_lease" },
        { "dhcp_lease", "dhcp_lease" },
    };
    for (Case const& c : cases) {
        INFO(c.line);
        char const* problem = nullptr;
        CHECK(from_line(c.line, &problem).error() == Error::InvalidArgument);
        REQUIRE(problem);
        CHECK(std::string(problem) == c.problem);
    }

    char const* problem = nullptr;
    net::IpConfig dhcp_client; // DHCP: a server needs a static address
    CHECK(net::dhcp_server_config_from_command_line(CommandLine(""_sv), dhcp_client, &problem).error()
        == Error::InvalidArgument);
    CHECK(std::string(problem) == "ip");
}

TEST_CASE("dhcp config: validation of fields no option sets", "[dhcp]")
{
    DhcpServerConfig config;
    config.server_address = quad(10, 77, 0, 1);
    config.prefix_length = 24;
    char const* problem = nullptr;
    REQUIRE(!net::validate_dhcp_server_config(config).is_error());

    std::string long_name(128, 'f');
    config.uefi_boot_file = StringView(long_name.c_str());
    CHECK(net::validate_dhcp_server_config(config, &problem).error() == Error::InvalidArgument);
    CHECK(std::string(problem) == "uefi_boot_file");
    config.uefi_boot_file = StringView(long_name.c_str(), 127);
    CHECK(!net::validate_dhcp_server_config(config).is_error());

    config.server_name = StringView(long_name.c_str(), 64);
    CHECK(net::validate_dhcp_server_config(config, &problem).error() == Error::InvalidArgument);
    CHECK(std::string(problem) == "server_name");
    config.server_name = {};

    config.router = quad(10, 77, 0, 1);
    CHECK(net::validate_dhcp_server_config(config, &problem).error() == Error::InvalidArgument);
    CHECK(std::string(problem) == "gateway");
    config.router = quad(10, 77, 0, 4);
    auto hosts = net::parse_dhcp_hosts("52:54:00:00:00:02+3=10.77.0.2"_sv); // .2 to .4: the router's too
    REQUIRE(!hosts.is_error());
    config.hosts = hosts.release_value();
    CHECK(net::validate_dhcp_server_config(config, &problem).error() == Error::InvalidArgument);
    CHECK(std::string(problem) == "dhcp_hosts");
    config.hosts.clear();
    config.range = DhcpAddressRange { quad(10, 77, 0, 2), quad(10, 77, 0, 9) }; // the range may hold it
    CHECK(!net::validate_dhcp_server_config(config).is_error());
    config.router = {};

    config.range = DhcpAddressRange { quad(10, 77, 0, 2), quad(10, 77, 0, 254) };
    CHECK(!net::validate_dhcp_server_config(config).is_error());
    config.server_address = quad(10, 77, 0, 0);
    CHECK(net::validate_dhcp_server_config(config, &problem).error() == Error::InvalidArgument);
    CHECK(std::string(problem) == "ip");
    // A /16's worth is more than the lease table takes.
    config.server_address = quad(10, 77, 0, 1);
    config.prefix_length = 16;
    config.range = DhcpAddressRange { quad(10, 77, 1, 0), quad(10, 77, 17, 0) };
    CHECK(net::validate_dhcp_server_config(config, &problem).error() == Error::InvalidArgument);
    CHECK(std::string(problem) == "dhcp_range");
}
