// The seam behind `nodes pending` and `nodes admit <MAC>` (the
// unum_cluster_admission system call): the boot services install the
// operations when they start on a kernel with a cluster, and the operations ask
// every boot server of the cluster — this node's and the others' over RPC.
// Until then both fail with NotSupported. Portable, so the system call and its
// tests need no glue.
#pragma once

#include "kernel/lib/result.h"
#include "net/device/net_device.h"

namespace net {

struct AdmissionOperations {
    // Lines `node=N mac=... waiting_s=... requests=...` for every machine waiting at
    // a boot server with admit=manual; returns the length written (at most capacity).
    Result<usize> (*pending)(char* out, usize capacity) = nullptr;
    // Admits mac at every boot server with admit=manual. NotSupported when there
    // is none; Exists when it already was admitted everywhere.
    Result<void> (*admit)(MacAddress mac) = nullptr;
};

void set_admission_operations(AdmissionOperations operations);
Result<usize> cluster_pending_machines(char* out, usize capacity);
Result<void> cluster_admit_machine(MacAddress mac);

} // namespace net
