// Parsing and validation of the DHCP server's options (see dhcp_config.h).
#include "net/bootserver/dhcp_config.h"

namespace net {

namespace {

constexpr u64 MAC_MAX = 0xffffffffffffull;
constexpr usize MAC_TEXT_LENGTH = 17; // "52:54:00:00:00:02"
constexpr usize MAX_BOOT_FILE_LENGTH = 127; // `file` is 128 bytes with its NUL
constexpr usize MAX_SERVER_NAME_LENGTH = 63;

// An address the server may give a client: a host address in its subnet, not its own.
bool is_assignable(DhcpServerConfig const& config, u32 address)
{
    u32 mask = netmask_of_prefix(config.prefix_length);
    u32 server = config.server_address.to_u32();
    return (address & mask) == (server & mask) && address != server
        && is_host_address(address, config.prefix_length);
}

// [first, last] contains value.
bool spans(u64 first, u64 last, u64 value) { return value >= first && value <= last; }

bool overlaps(u64 first_a, u64 count_a, u64 first_b, u64 count_b)
{
    return first_a < first_b + count_b && first_b < first_a + count_a;
}

Result<void> validate_hosts(DhcpServerConfig const& config)
{
    u64 total = 0;
    u32 server = config.server_address.to_u32();
    for (usize i = 0; i < config.hosts.size(); ++i) {
        DhcpHostBlock const& block = config.hosts[i];
        if (block.count == 0 || block.count > DHCP_MAX_FIXED_HOSTS)
            return Error::InvalidArgument;
        total += block.count;
        u64 first_mac = mac_to_u64(block.first_mac);
        u64 first_address = block.first_address.to_u32();
        if (first_mac == 0 || first_mac + block.count - 1 > MAC_MAX
            || first_address + block.count - 1 > 0xffffffffull)
            return Error::InvalidArgument;
        // A block's MACs share their first octet unless they cross its boundary,
        // which the last one would show: checking both ends covers them all.
        if ((block.first_mac.bytes[0] & 1) || (block.mac_at(block.count - 1).bytes[0] & 1))
            return Error::InvalidArgument;
        u32 last_address = block.address_at(block.count - 1).to_u32();
        u32 router = config.router.to_u32();
        if (!is_assignable(config, u32(first_address)) || !is_assignable(config, last_address)
            || spans(first_address, last_address, server) || (router && spans(first_address, last_address, router)))
            return Error::InvalidArgument;
        for (usize j = 0; j < i; ++j) {
            DhcpHostBlock const& other = config.hosts[j];
            if (overlaps(first_mac, block.count, mac_to_u64(other.first_mac), other.count)
                || overlaps(first_address, block.count, other.first_address.to_u32(), other.count))
                return Error::InvalidArgument;
        }
    }
    if (total > DHCP_MAX_FIXED_HOSTS)
        return Error::InvalidArgument;
    return {};
}

} // namespace

std::optional<u32> DhcpHostBlock::index_of_mac(MacAddress mac) const
{
    u64 value = mac_to_u64(mac), first = mac_to_u64(first_mac);
    if (value < first || value - first >= count)
        return std::nullopt;
    return u32(value - first);
}

std::optional<u32> DhcpHostBlock::index_of_address(Ipv4Address address) const
{
    u64 value = address.to_u32(), first = first_address.to_u32();
    if (value < first || value - first >= count)
        return std::nullopt;
    return u32(value - first);
}

std::optional<Ipv4Address> DhcpServerConfig::fixed_address_of(MacAddress mac) const
{
    for (DhcpHostBlock const& block : hosts) {
        if (auto index = block.index_of_mac(mac))
            return block.address_at(*index);
    }
    return std::nullopt;
}

bool DhcpServerConfig::is_fixed_address(Ipv4Address address) const
{
    for (DhcpHostBlock const& block : hosts) {
        if (block.index_of_address(address))
            return true;
    }
    return false;
}

u32 DhcpServerConfig::fixed_host_count() const
{
    u32 total = 0;
    for (DhcpHostBlock const& block : hosts)
        total += block.count;
    return total;
}

Result<MacAddress> parse_mac_address(StringView text)
{
    if (text.length() != MAC_TEXT_LENGTH)
        return Error::InvalidArgument;
    MacAddress mac;
    for (usize i = 0; i < 6; ++i) {
        usize at = i * 3;
        if (i > 0 && text[at - 1] != ':')
            return Error::InvalidArgument;
        int high = hex_digit_value(text[at]), low = hex_digit_value(text[at + 1]);
        if (high < 0 || low < 0)
            return Error::InvalidArgument;
        mac.bytes[i] = u8(high * 16 + low);
    }
    return mac;
}

Result<DhcpAddressRange> parse_dhcp_range(StringView text)
{
    StringView first_text, last_text;
    if (!text.split_once('-', first_text, last_text))
        return Error::InvalidArgument;
    DhcpAddressRange range { TRY(parse_ipv4_address(first_text)), TRY(parse_ipv4_address(last_text)) };
    if (range.first.to_u32() > range.last.to_u32())
        return Error::InvalidArgument;
    return range;
}

Result<Vector<DhcpHostBlock>> parse_dhcp_hosts(StringView text)
{
    Vector<DhcpHostBlock> hosts;
    for (StringView entry : text.split(',')) {
        StringView left, address_text;
        if (!entry.split_once('=', left, address_text))
            return Error::InvalidArgument;
        DhcpHostBlock block;
        StringView mac_text = left, count_text;
        if (left.split_once('+', mac_text, count_text)) {
            auto count = count_text.to_u64(10);
            if (count.is_error() || count.value() == 0 || count.value() > DHCP_MAX_FIXED_HOSTS)
                return Error::InvalidArgument;
            block.count = u32(count.value());
        }
        block.first_mac = TRY(parse_mac_address(mac_text));
        block.first_address = TRY(parse_ipv4_address(address_text));
        if (mac_to_u64(block.first_mac) + block.count - 1 > MAC_MAX
            || u64(block.first_address.to_u32()) + block.count - 1 > 0xffffffffull)
            return Error::InvalidArgument;
        TRY(hosts.try_append(block));
    }
    return hosts;
}

std::optional<DhcpAddressRange> default_dhcp_range(Ipv4Address server_address, u8 prefix_length)
{
    if (prefix_length < 1 || prefix_length > 30)
        return std::nullopt;
    u32 server = server_address.to_u32();
    u32 first, last;
    if (prefix_length <= 24) {
        u32 base = server & 0xffffff00u;
        first = base + 100;
        last = base + 199;
    } else {
        u32 network = server & netmask_of_prefix(prefix_length);
        u32 addresses = u32(1) << (32 - prefix_length);
        first = network + addresses / 2;
        last = network + addresses - 2;
    }
    if (spans(first, last, server)) {
        // The larger side of the server's address (the lower one on a tie).
        if (server - first >= last - server) {
            if (server == first)
                return std::nullopt;
            last = server - 1;
        } else {
            first = server + 1;
        }
    }
    return DhcpAddressRange { Ipv4Address::from_u32(first), Ipv4Address::from_u32(last) };
}

Result<void> validate_dhcp_server_config(DhcpServerConfig const& config, char const** problem)
{
    auto fail = [&](char const* what) -> Result<void> {
        if (problem)
            *problem = what;
        return Error::InvalidArgument;
    };
    if (config.prefix_length < 1 || config.prefix_length > 32
        || !is_host_address(config.server_address.to_u32(), config.prefix_length))
        return fail("ip");
    if (config.router.to_u32() != 0 && !is_assignable(config, config.router.to_u32()))
        return fail("gateway");
    if (config.range) {
        DhcpAddressRange const& range = *config.range;
        if (range.first.to_u32() > range.last.to_u32() || range.size() > DHCP_MAX_RANGE_SIZE
            || !is_assignable(config, range.first.to_u32()) || !is_assignable(config, range.last.to_u32())
            || range.contains(config.server_address))
            return fail("dhcp_range");
    }
    if (validate_hosts(config).is_error())
        return fail("dhcp_hosts");
    if (config.lease_seconds < DHCP_MIN_LEASE_SECONDS || config.lease_seconds > DHCP_MAX_LEASE_SECONDS)
        return fail("dhcp_lease");
    if (config.bios_boot_file.length() > MAX_BOOT_FILE_LENGTH)
        return fail("bios_boot_file");
    if (config.uefi_boot_file.length() > MAX_BOOT_FILE_LENGTH)
        return fail("uefi_boot_file");
    if (config.server_name.length() > MAX_SERVER_NAME_LENGTH)
        return fail("server_name");
    return {};
}

Result<DhcpServerConfig> dhcp_server_config_from_command_line(CommandLine const& command_line,
    IpConfig const& interface, char const** problem)
{
    auto fail = [&](char const* option, Error error = Error::InvalidArgument) -> Result<DhcpServerConfig> {
        if (problem)
            *problem = option;
        return error;
    };
    if (interface.mode != InterfaceConfigMode::Static)
        return fail("ip");
    DhcpServerConfig config;
    config.server_address = interface.address;
    config.prefix_length = interface.prefix_length;
    config.router = interface.gateway;

    if (command_line.has("dhcp_range")) {
        StringView value = command_line.get("dhcp_range");
        if (value != "none"_sv) {
            auto range = parse_dhcp_range(value);
            if (range.is_error())
                return fail("dhcp_range");
            config.range = range.value();
        }
    } else {
        config.range = default_dhcp_range(config.server_address, config.prefix_length);
    }
    if (command_line.has("dhcp_hosts")) {
        auto hosts = parse_dhcp_hosts(command_line.get("dhcp_hosts"));
        if (hosts.is_error())
            return fail("dhcp_hosts", hosts.error());
        config.hosts = hosts.release_value();
    }
    if (command_line.has("dhcp_lease")) {
        auto lease = command_line.get_u64("dhcp_lease");
        if (lease.is_error() || lease.value() > DHCP_MAX_LEASE_SECONDS)
            return fail("dhcp_lease");
        config.lease_seconds = u32(lease.value());
    }
    char const* what = nullptr;
    if (validate_dhcp_server_config(config, &what).is_error())
        return fail(what);
    return config;
}

} // namespace net
