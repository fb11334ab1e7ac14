// The e1000 driver's kernel side: finds 8254x functions on the PCI bus, maps their
// registers, starts an E1000Device for each, wires its INTx line and runs its
// driver thread, and registers it as eth<N>. Kernel-only.
#pragma once

#include "kernel/lib/types.h"

namespace e1000 {

// Probes every supported function PciBus::the() found at boot; returns how many
// started. Once, after PCI enumeration, from the boot thread.
usize probe_all();

} // namespace e1000
