/* lwIP options for the host build (tests/lwip_host/lwip_host.mk: the host tests
   of the netif glue and the netif_receive fuzzer): the kernel's
   protocol set and sizes (net/lwip_port/include/lwipopts.h) in NO_SYS mode,
   without the netconn API. Two deliberate differences, both so AddressSanitizer
   sees what the kernel build cannot:
   - MEM_LIBC_MALLOC: PBUF_RAM buffers (the fuzzer's received frames, every
     segment lwIP sends) are separate malloc blocks, so a read past a frame is
     caught; the memory pools (pcbs, segments, reassembly) keep the kernel's
     counts, so running out of them behaves as in the kernel.
   - LWIP_HOOK_TCP_ISN: a fixed initial sequence number, so an input can carry
     a whole TCP handshake and replay it exactly. */
#ifndef UNUM_LWIP_HOST_LWIPOPTS_H
#define UNUM_LWIP_HOST_LWIPOPTS_H

/* ---- operating system: none; the harness drives input and timers */
#define NO_SYS 1
#define SYS_LIGHTWEIGHT_PROT 0
#define LWIP_NETCONN 0
#define LWIP_SOCKET 0
#define LWIP_NETIF_API 0

/* ---- memory */
#define MEM_LIBC_MALLOC 1
#define MEMP_MEM_MALLOC 0
/* the kernel's pool counts and sizes (MEM_SIZE only sizes mem_size_t here) */
#include "../../../net/lwip_port/include/lwip_pool_sizes.h"

/* ---- protocols and TCP sizes: exactly the kernel's */
#include "../../../net/lwip_port/include/lwip_protocol_options.h"
#define LWIP_HOOK_TCP_ISN(local_ip, local_port, remote_ip, remote_port) 0x00010000UL

/* ---- checksums and statistics (the harness checks the pools with them) */
#define LWIP_CHKSUM_ALGORITHM 3
#define LWIP_STATS 1
#define LWIP_STATS_DISPLAY 0
#define LINK_STATS 1
#define MEM_STATS 1
#define MEMP_STATS 1
#define MIB2_STATS 1
#define SYS_STATS 0

#endif /* UNUM_LWIP_HOST_LWIPOPTS_H */
