// The interfaces of this node, as a snapshot for procfs and the monitor. The
// network stack (kernel-only, net/stack/freestanding/) installs the function
// that takes the snapshot; before that, or in host builds without a stack, the
// list is empty. Portable, so procfs and its host tests need no lwIP.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/vector.h"
#include "net/stack/interface_info.h"

namespace net {

// Thread context; may sleep (it takes the stack's lock).
using InterfaceLister = Result<Vector<InterfaceInfo>> (*)();

// Installs (or, with nullptr, removes) the lister. Safe at any time.
void set_interface_lister(InterfaceLister lister);

// The interfaces now, lo first; empty when no stack is running. NoMemory.
Result<Vector<InterfaceInfo>> list_interfaces();

// The interface called name ("eth0") now; NoEntry when there is none.
Result<InterfaceInfo> find_interface(StringView name);

} // namespace net
