// DhcpServerConfig: what the boot server's DHCP side hands out, and how the
// kernel command line sets it:
//   dhcp_range=A.B.C.D-A.B.C.E   the dynamic range (inclusive), or `none`
//   dhcp_hosts=MAC=IP,MAC+COUNT=IP,...   fixed addresses; MAC+COUNT=IP maps COUNT
//                                consecutive MACs to as many consecutive addresses
//   dhcp_lease=SECONDS           lease time, 60..31536000 (default 3600)
// next to the server's own static address (ip=A.B.C.D/N, gateway=). Portable and
// fuzzed: the text is untrusted, so a bad value is an error, never a crash.
#pragma once

#include <optional>

#include "kernel/boot/command_line.h"
#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"
#include "kernel/lib/vector.h"
#include "net/device/net_device.h"
#include "net/stack/ip_config.h"

namespace net {

inline constexpr u32 DHCP_DEFAULT_LEASE_SECONDS = 3600;
inline constexpr u32 DHCP_MIN_LEASE_SECONDS = 60;
inline constexpr u32 DHCP_MAX_LEASE_SECONDS = 365 * 24 * 3600;
// Bounds on the lease table (one slot per address the server may hand out).
inline constexpr u32 DHCP_MAX_RANGE_SIZE = 4096;
inline constexpr u32 DHCP_MAX_FIXED_HOSTS = 4096;
// Boot files are relative to the TFTP root (the netboot tree, grub-mknetdir's layout).
inline constexpr StringView DHCP_DEFAULT_BIOS_BOOT_FILE = "boot/grub/i386-pc/core.0"_sv;
inline constexpr StringView DHCP_DEFAULT_UEFI_BOOT_FILE = "boot/grub/x86_64-efi/core.efi"_sv;

struct DhcpAddressRange {
    Ipv4Address first;
    Ipv4Address last; // inclusive, not below first

    u32 size() const { return last.to_u32() - first.to_u32() + 1; }
    bool contains(Ipv4Address address) const
    {
        return address.to_u32() >= first.to_u32() && address.to_u32() <= last.to_u32();
    }
    bool operator==(DhcpAddressRange const&) const = default;
};

// MAC as a 48-bit number, for blocks of consecutive MACs.
constexpr u64 mac_to_u64(MacAddress mac)
{
    u64 value = 0;
    for (u8 byte : mac.bytes)
        value = (value << 8) | byte;
    return value;
}
constexpr MacAddress mac_from_u64(u64 value)
{
    MacAddress mac;
    for (int i = 5; i >= 0; --i, value >>= 8)
        mac.bytes[i] = u8(value);
    return mac;
}

// count consecutive MACs from first_mac, given consecutive addresses from
// first_address (one host is a block of one).
struct DhcpHostBlock {
    MacAddress first_mac;
    Ipv4Address first_address;
    u32 count = 1;

    // The index of mac within the block, if it is in it.
    std::optional<u32> index_of_mac(MacAddress mac) const;
    std::optional<u32> index_of_address(Ipv4Address address) const;
    Ipv4Address address_at(u32 index) const { return Ipv4Address::from_u32(first_address.to_u32() + index); }
    MacAddress mac_at(u32 index) const { return mac_from_u64(mac_to_u64(first_mac) + index); }
};

struct DhcpServerConfig {
    Ipv4Address server_address; // also the server identifier and the TFTP server
    u8 prefix_length = 24;
    Ipv4Address router;         // 0.0.0.0: no router option
    std::optional<DhcpAddressRange> range; // none: only the fixed hosts get addresses
    u32 lease_seconds = DHCP_DEFAULT_LEASE_SECONDS;
    Vector<DhcpHostBlock> hosts;
    // Copied by DhcpServer::create, so these views need only live until then.
    StringView bios_boot_file = DHCP_DEFAULT_BIOS_BOOT_FILE; // empty: none offered
    StringView uefi_boot_file = DHCP_DEFAULT_UEFI_BOOT_FILE;
    StringView server_name; // sname; empty: none

    Ipv4Address netmask() const { return Ipv4Address::from_u32(netmask_of_prefix(prefix_length)); }
    // The fixed address of mac, if it has one.
    std::optional<Ipv4Address> fixed_address_of(MacAddress mac) const;
    // Whether address is some host's fixed address.
    bool is_fixed_address(Ipv4Address address) const;
    u32 fixed_host_count() const;
};

// "52:54:00:00:00:02": six parts of exactly two hex digits (either case) joined
// by ':'. InvalidArgument otherwise.
Result<MacAddress> parse_mac_address(StringView text);

// "A.B.C.D-A.B.C.E" with first <= last. InvalidArgument otherwise (where the
// range lies is validate_dhcp_server_config's business).
Result<DhcpAddressRange> parse_dhcp_range(StringView text);

// Comma-separated "MAC=IP" or "MAC+COUNT=IP" (COUNT decimal, 1..DHCP_MAX_FIXED_HOSTS,
// the MACs not running past ff:ff:ff:ff:ff:ff nor the addresses past
// 255.255.255.255); empty parts are skipped. InvalidArgument, or NoMemory.
Result<Vector<DhcpHostBlock>> parse_dhcp_hosts(StringView text);

// The range used without dhcp_range=: host numbers 100..199 of the server's /24
// when the subnet is a /24 or larger, else the upper half of the subnet's host
// numbers. When the server's own address falls inside, the larger side of it is
// kept. None for /31 and /32, which have no room.
std::optional<DhcpAddressRange> default_dhcp_range(Ipv4Address server_address, u8 prefix_length);

// Checks that the configuration makes sense; InvalidArgument (and *problem set
// to the command-line option at fault: "ip", "gateway", "dhcp_range",
// "dhcp_hosts", "dhcp_lease", or for what no option sets the field's name:
// "bios_boot_file", "uefi_boot_file", "server_name") unless:
//  - the server address is a host address of its subnet (prefix 1..32);
//  - a router lies in the subnet and is not the server;
//  - the range lies in the subnet, excludes its network and broadcast addresses
//    and the server's own, and has at most DHCP_MAX_RANGE_SIZE addresses (the
//    router's address may lie inside: it is never handed out);
//  - every fixed address lies in the subnet, is neither its network nor
//    broadcast address, the server's nor the router's; no MAC is multicast or
//    all zeros; no MAC or address is given twice; at most DHCP_MAX_FIXED_HOSTS
//    in all. A fixed address may lie inside the range: the range never hands it out;
//  - the lease is DHCP_MIN_LEASE_SECONDS..DHCP_MAX_LEASE_SECONDS;
//  - boot file names fit the 127 characters of `file`, the server name 63 of `sname`.
Result<void> validate_dhcp_server_config(DhcpServerConfig const& config, char const** problem = nullptr);

// The configuration for a server on an interface configured as interface (which
// must be Static): dhcp_range, dhcp_hosts and dhcp_lease as above, the router
// being the interface's gateway (if any). Validated; errors as above.
Result<DhcpServerConfig> dhcp_server_config_from_command_line(CommandLine const& command_line,
    IpConfig const& interface, char const** problem = nullptr);

} // namespace net
