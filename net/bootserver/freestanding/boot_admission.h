// Admission at a boot server (`admit=manual`, docs/netboot.md): which machines'
// DHCP requests are served, the pending list, the BootAdmission RPC service that
// lets any member list and admit, and the operations behind `nodes pending` /
// `nodes admit` (admission_calls.h). The boot services thread checks requests;
// the cluster thread answers RPCs; system calls ask; one mutex guards the list.
// Kernel-only.
#pragma once

#include "kernel/boot/command_line.h"
#include "kernel/lib/types.h"

namespace net {

// Every node: installs the `nodes pending` / `nodes admit` operations.
void boot_admission_install();
// A boot server, before the cluster starts: reads admit= (auto, the default, or
// manual) and with manual registers the BootAdmission RPC service.
void boot_admission_configure(CommandLine const& command_line);
bool boot_admission_is_manual();
// The boot services thread: whether this DHCP request may be served; with
// admit=manual a stranger goes on the pending list (logged the first time).
bool boot_admission_allows(u8 const* request, usize size, u64 now_ms);

} // namespace net
