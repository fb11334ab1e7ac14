// Parsing of ip= and gateway= (see ip_config.h): strict dotted quads and CIDR
// prefixes, with the addresses no host may have refused.
#include "net/stack/ip_config.h"

namespace net {

namespace {

constexpr u8 DEFAULT_PREFIX_LENGTH = 24;

// One decimal part of a dotted quad or a prefix length: 1..3 digits, no leading
// zero unless the part is "0", at most max.
Result<u32> parse_small_decimal(StringView text, u32 max)
{
    if (text.is_empty() || text.length() > 3 || (text.length() > 1 && text[0] == '0'))
        return Error::InvalidArgument;
    u32 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return Error::InvalidArgument;
        value = value * 10 + u32(c - '0');
    }
    if (value > max)
        return Error::InvalidArgument;
    return value;
}

} // namespace

bool is_host_address(u32 address, u8 prefix_length)
{
    u8 first = u8(address >> 24);
    if (first == 0 || first == 127 || first >= 224) // "this network", loopback, multicast and reserved
        return false;
    if (prefix_length <= 30) {
        u32 host_mask = ~netmask_of_prefix(prefix_length);
        u32 host_part = address & host_mask;
        if (host_part == 0 || host_part == host_mask)
            return false;
    }
    return true;
}

char const* interface_config_mode_name(InterfaceConfigMode mode)
{
    switch (mode) {
    case InterfaceConfigMode::None:
        return "none";
    case InterfaceConfigMode::Static:
        return "static";
    case InterfaceConfigMode::Dhcp:
        return "dhcp";
    }
    return "none";
}

Result<Ipv4Address> parse_ipv4_address(StringView text)
{
    Ipv4Address address;
    usize part_index = 0;
    usize start = 0;
    for (usize i = 0; i <= text.length(); ++i) {
        if (i < text.length() && text[i] != '.')
            continue;
        if (part_index == 4)
            return Error::InvalidArgument;
        address.octets[part_index++] = u8(TRY(parse_small_decimal(text.substring(start, i - start), 255)));
        start = i + 1;
    }
    if (part_index != 4)
        return Error::InvalidArgument;
    return address;
}

Result<IpConfig> parse_static_address(StringView text)
{
    StringView address_text = text;
    StringView prefix_text;
    u8 prefix_length = DEFAULT_PREFIX_LENGTH;
    if (text.split_once('/', address_text, prefix_text)) {
        u32 prefix = TRY(parse_small_decimal(prefix_text, 32));
        if (prefix == 0)
            return Error::InvalidArgument;
        prefix_length = u8(prefix);
    }
    IpConfig config;
    config.mode = InterfaceConfigMode::Static;
    config.address = TRY(parse_ipv4_address(address_text));
    config.prefix_length = prefix_length;
    if (!is_host_address(config.address.to_u32(), prefix_length))
        return Error::InvalidArgument;
    return config;
}

Result<IpConfig> ip_config_from_command_line(CommandLine const& command_line, char const** problem)
{
    auto fail = [&](char const* option) -> Result<IpConfig> {
        if (problem)
            *problem = option;
        return Error::InvalidArgument;
    };
    IpConfig config; // DHCP by default
    if (command_line.has("ip")) {
        StringView value = command_line.get("ip");
        if (value == "dhcp"_sv) {
            config.mode = InterfaceConfigMode::Dhcp;
        } else if (value == "none"_sv || value == "off"_sv) {
            config.mode = InterfaceConfigMode::None;
        } else {
            auto parsed = parse_static_address(value);
            if (parsed.is_error())
                return fail("ip");
            config = parsed.release_value();
        }
    }
    if (command_line.has("gateway") && config.mode == InterfaceConfigMode::Static) {
        auto gateway = parse_ipv4_address(command_line.get("gateway"));
        if (gateway.is_error())
            return fail("gateway");
        u32 mask = netmask_of_prefix(config.prefix_length);
        u32 gateway_value = gateway.value().to_u32();
        if ((gateway_value & mask) != (config.address.to_u32() & mask) || gateway.value() == config.address
            || !is_host_address(gateway_value, config.prefix_length))
            return fail("gateway");
        config.gateway = gateway.value();
    }
    return config;
}

} // namespace net
