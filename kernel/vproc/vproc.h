// VPROC: every operation on a process by PID goes through here, never straight to
// a Process, because the process may run on another node (DESIGN §3). A PID is
// routed to the VprocOps of the node it runs on: LocalVproc for processes here;
// RemoteVproc (with the cluster layer) forwards to the node its origin names.
#pragma once

#include "fs/vfs/credentials.h"
#include "kernel/lib/result.h"
#include "kernel/proc/pid.h"

class Process;

namespace vproc {

class VprocOps {
public:
    virtual ~VprocOps() = default;
    // Posts signal (0: only checks existence and permission) to pid.
    virtual Result<void> signal(Pid pid, int signal, Credentials const& sender) = 0;
};

// The operations for the node pid runs on (only local processes exist yet).
VprocOps& route(Pid pid);

// kill(2) semantics: pid > 0 one process; 0 the caller's process group... (the
// sender's group is passed via sender_group); -1 every process the sender may
// signal; < -1 the process group -pid. ESRCH when nothing matched, EPERM when
// something matched but none could be signalled.
Result<void> send_signal(Pid pid, int signal, Credentials const& sender, Pid sender_group = 0);

struct Reaped {
    Pid pid;         // 0 with WNOHANG when no child has changed state
    int wait_status; // as waitpid() reports it
};

// waitpid(2) for parent: which > 0 one child, -1 any, 0 / < -1 by group.
// ECHILD when there is no such child; blocks unless options has WNOHANG.
Result<Reaped> wait_for_child(Process& parent, Pid which, u32 options);

} // namespace vproc
