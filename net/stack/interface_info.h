// InterfaceInfo: what /proc/net/interfaces, the monitor's `net` command and
// `ifconfig` show of one interface, and the one formatter of its line:
//   name=eth0 mac=52:54:00:00:00:01 inet=10.77.0.1 netmask=255.255.255.0
//   gateway=0.0.0.0 mtu=1500 link=up config=static rx_packets=N ... tx_dropped=N
// (one line, single spaces). Portable; the network stack fills the struct.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "net/device/net_device.h"
#include "net/stack/ip_config.h"

namespace net {

struct InterfaceInfo {
    static constexpr usize NAME_CAPACITY = 16;
    char name[NAME_CAPACITY] = {}; // NUL-terminated, "lo", "eth0"
    MacAddress mac;                // all zero for lo
    Ipv4Address inet;
    Ipv4Address netmask;
    Ipv4Address gateway;
    u32 mtu = 0;
    bool link_up = false;
    InterfaceConfigMode config = InterfaceConfigMode::None;
    NetDeviceCounters counters;
};

// Room for the longest line format_interface_line() can produce.
inline constexpr usize INTERFACE_LINE_CAPACITY = 512;

// Writes the line, with its '\n', NUL-terminated, into buffer; returns its
// length. NoSpace when capacity is too small (nothing useful is written then).
Result<usize> format_interface_line(InterfaceInfo const& info, char* buffer, usize capacity);

// Sets name from text, cut to fit.
void set_interface_name(InterfaceInfo& info, StringView text);

} // namespace net
