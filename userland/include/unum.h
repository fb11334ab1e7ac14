/* Unum's additions for user programs: the ABI header, unum_self(), and the POSIX
   names newlib (x86_64-elf) leaves out but the Unum kernel implements. */
#ifndef _UNUM_H
#define _UNUM_H

#include <stddef.h>

#include "unum_abi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* This node's number and name ("node<N>"); 0 or -1 with errno. */
int unum_self(struct unum_self_info* info);

/* A round trip to node's kernel over the cluster's authenticated RPC: an empty
   call (payload_size 0) or payload_size bytes echoed back and checked. Returns
   the round trip in nanoseconds, or -1 with errno: EINVAL (this node or not a
   node number), EMSGSIZE (over 64 KiB), EHOSTDOWN (not a member), ETIMEDOUT,
   ENETDOWN (no cluster). timeout_ms 0 means 2 s. */
long long unum_cluster_ping(unsigned node, size_t payload_size, unsigned long timeout_ms);

/* Machines waiting at the cluster's boot servers with admit=manual:
   UNUM_ADMISSION_PENDING writes `node=N mac=M waiting_s=S requests=R` lines into
   out (at most cap bytes, not NUL-terminated) and returns their length;
   UNUM_ADMISSION_ADMIT admits mac (root only). -1 with errno: ENOTSUP (no boot
   server with admit=manual), EEXIST (already admitted), EPERM, EINVAL. */
long long unum_cluster_admission(int op, const unsigned char* mac, char* out, unsigned long cap);

/* Turns this node off (UNUM_REBOOT_POWER_OFF) or restarts it (UNUM_REBOOT_RESTART)
   after the kernel's shutdown hooks have run. Does not return on success; -1 with
   errno otherwise: EPERM (not root), EINVAL (another command). */
int unum_reboot(int command);

#ifdef __cplusplus
}
#endif

#endif
