// The boot services (issue 6, docs/netboot.md): a DHCP server (UDP 67) and a
// TFTP server (UDP 69 plus one port per transfer) that let machines on the
// cluster LAN network-boot the netboot tree this node carries at /boot/net. One
// kernel thread drives the portable DhcpServer and TftpServer over non-blocking
// lwIP netconns. Kernel-only.
#pragma once

#include "kernel/boot/command_line.h"
#include "kernel/lib/result.h"
#include "kernel/lib/vector.h"

namespace net {

// Starts the services when this node should serve: `bootserver` on the command
// line, or node 1 (`node=1`) unless `nobootserver`; the node needs a static
// address (ip=). Options: dhcp_range=, dhcp_hosts=, dhcp_lease= (dhcp_config.h).
// Problems are logged and the services stay off. Call once, after
// network_init() and after the root file system is mounted.
void boot_services_start(CommandLine const& command_line);

// /proc/net/bootserver: the DHCP counters and leases and the TFTP counters and
// active transfers, as key=value lines; empty when the services are off.
Result<Vector<u8>> boot_services_listing();

} // namespace net
