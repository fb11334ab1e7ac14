// The boot hook for network drivers: probes every NIC driver the kernel has and
// registers what they find in NetDeviceRegistry (eth0, eth1, ...), and adds the
// monitor's `netdev` command. Called once by kernel_main after PCI enumeration.
#pragma once

#include "kernel/lib/types.h"

// Returns the number of devices registered.
usize net_drivers_probe();
