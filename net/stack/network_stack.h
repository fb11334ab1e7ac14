// The kernel's TCP/IP stack (lwIP, docs/network.md): started once at boot,
// after the NIC drivers have registered their devices and before the first user
// process. Implemented in net/stack/freestanding/ (kernel-only).
#pragma once

#include "kernel/boot/command_line.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace net {

// Starts the tcpip thread, attaches one netif per NetDevice and configures the
// first (eth0) from ip= / gateway= (static) or by DHCP; lo is always there.
// Also installs the /proc/net/interfaces lister and the monitor's `net` command,
// and with `iperf` on the command line starts the iperf server on port 5001.
// Problems (a bad ip=, no NIC) are logged; the stack then runs with what it has.
// Call once, from the boot thread.
void network_init(CommandLine const& command_line);

// True once network_init() has started lwIP (netconn calls are allowed).
bool network_is_running();

// Starts lwIP's iperf2-compatible TCP server (lwiperf) on port (5001 is
// iperf's). Exists if one already runs; NoMemory; NetworkDown before init.
Result<void> iperf_server_start(u16 port = 5001);

} // namespace net
