// IpConfig: how the kernel command line configures the first Ethernet interface —
// `ip=A.B.C.D/N` (a static address, which takes precedence) with an optional
// `gateway=A.B.C.D`, `ip=dhcp`, `ip=none`, or by default DHCP. Portable and
// fuzzed (tests/fuzz/ip_config_fuzz.cpp): the text is untrusted, so every bad
// value is an error, never a crash.
#pragma once

#include "kernel/boot/command_line.h"
#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

namespace net {

struct Ipv4Address {
    u8 octets[4] = {};

    static constexpr Ipv4Address from_u32(u32 host_order)
    {
        return { { u8(host_order >> 24), u8(host_order >> 16), u8(host_order >> 8), u8(host_order) } };
    }
    constexpr u32 to_u32() const
    {
        return (u32(octets[0]) << 24) | (u32(octets[1]) << 16) | (u32(octets[2]) << 8) | u32(octets[3]);
    }
    bool operator==(Ipv4Address const&) const = default;
};

// The netmask of a prefix length 0..32 (host order).
constexpr u32 netmask_of_prefix(u8 prefix_length)
{
    return prefix_length == 0 ? 0 : ~u32(0) << (32 - prefix_length);
}

enum class InterfaceConfigMode : u8 { None, Static, Dhcp };
char const* interface_config_mode_name(InterfaceConfigMode mode); // "none" "static" "dhcp"

struct IpConfig {
    InterfaceConfigMode mode = InterfaceConfigMode::Dhcp;
    Ipv4Address address;       // Static only
    u8 prefix_length = 0;      // Static only, 1..32
    Ipv4Address gateway;       // 0.0.0.0 when there is none
    Ipv4Address netmask() const { return Ipv4Address::from_u32(netmask_of_prefix(prefix_length)); }
};

// Whether address (host order) is one a host may have: not 0.0.0.0/8,
// loopback, multicast or reserved, and for prefixes up to /30 neither the
// network nor the broadcast address of its subnet.
bool is_host_address(u32 address, u8 prefix_length);

// "A.B.C.D": exactly four decimal parts 0..255, no signs, spaces or leading
// zeros ("010" would mean 8 to some and 10 to others). InvalidArgument otherwise.
Result<Ipv4Address> parse_ipv4_address(StringView text);

// "A.B.C.D/N" with N in 1..32 (no prefix means /24). The address must be one a
// host may have: not 0.0.0.0, loopback, multicast or reserved, and for N <= 30
// neither the network nor the broadcast address of its subnet. InvalidArgument.
Result<IpConfig> parse_static_address(StringView text);

// The configuration the options ask for: ip= (an address, "dhcp" or "none")
// and gateway= (static only; it must lie in the interface's subnet). A bad value
// is InvalidArgument and *problem names the option at fault ("ip" or "gateway"),
// so the caller can log it and fall back.
Result<IpConfig> ip_config_from_command_line(CommandLine const& command_line, char const** problem = nullptr);

} // namespace net
