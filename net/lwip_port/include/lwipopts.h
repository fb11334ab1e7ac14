/* lwIP options for Unum: OS mode (NO_SYS=0) on kernel threads, netconn API for the
   socket layer (net/socket/), IPv4 with ARP, ICMP, UDP, TCP, DHCP, loopback.
   Sized for throughput on a cluster LAN: a 16-segment TCP window and send buffer,
   a 256-buffer receive pool, room for a few dozen connections. Memory is lwIP's
   own (static, bounded) heap and pools, so a flood cannot eat the kernel heap.
   docs/network.md explains the choices. Included by C (lwIP) and C++. */
#ifndef UNUM_LWIPOPTS_H
#define UNUM_LWIPOPTS_H

/* ---- operating system */
#define NO_SYS 0
#define SYS_LIGHTWEIGHT_PROT 1
#define LWIP_TCPIP_CORE_LOCKING 1
#define LWIP_TCPIP_CORE_LOCKING_INPUT 0
#define LWIP_NETCONN_SEM_PER_THREAD 0
#define LWIP_NETCONN_FULLDUPLEX 0
#define TCPIP_THREAD_NAME "tcpip"
#define TCPIP_THREAD_STACKSIZE 16384 /* informational: kernel stacks are fixed */
#define TCPIP_THREAD_PRIO 20         /* above sched::PRIORITY_NORMAL (16) */
#define TCPIP_MBOX_SIZE 512
#define DEFAULT_THREAD_STACKSIZE 16384
#define DEFAULT_THREAD_PRIO 16
#define DEFAULT_TCP_RECVMBOX_SIZE 128
#define DEFAULT_UDP_RECVMBOX_SIZE 128
#define DEFAULT_RAW_RECVMBOX_SIZE 64
#define DEFAULT_ACCEPTMBOX_SIZE 32
/* Every lwIP core function called outside the tcpip thread must hold the core
   lock (LOCK_TCPIP_CORE()); this checks it (arch/sys_arch.h). */
#define LWIP_ASSERT_CORE_LOCKED() unum_lwip_assert_core_locked()

/* ---- memory: lwIP's heap for PBUF_RAM and variable blocks, pools for the rest */
#define MEM_LIBC_MALLOC 0
#define MEMP_MEM_MALLOC 0
#include "lwip_pool_sizes.h" /* shared with the host build */
#define MEMP_NUM_NETBUF 128
#define MEMP_NUM_NETCONN 128
#define MEMP_NUM_TCPIP_MSG_API 128
#define MEMP_NUM_TCPIP_MSG_INPKT 512

/* ---- protocols and TCP sizes (shared with the host build) */
#include "lwip_protocol_options.h"
#define LWIP_NETIF_API 0

/* ---- the netconn API (the socket layer's base); no lwIP sockets */
#define LWIP_NETCONN 1
#define LWIP_SOCKET 0
#define LWIP_COMPAT_SOCKETS 0
#define LWIP_POSIX_SOCKETS_IO_NAMES 0
#define LWIP_SO_RCVTIMEO 1
#define LWIP_SO_SNDTIMEO 1
#define LWIP_SO_RCVBUF 1
#define RECV_BUFSIZE_DEFAULT 0x7fffffff /* as INT_MAX: no limit unless set */
#define LWIP_SO_LINGER 0
#define LWIP_NETBUF_RECVINFO 0

/* ---- checksums and statistics */
#define LWIP_CHKSUM_ALGORITHM 3
#define LWIP_STATS 1
#define LWIP_STATS_DISPLAY 0
#define LWIP_STATS_LARGE 1 /* 32-bit counters: 16-bit ones wrap within a minute of iperf */
#define LINK_STATS 1
/* Every protocol /proc/net/stats shows, named rather than left to opt.h's defaults. */
#define ETHARP_STATS 1
#define IP_STATS 1
#define ICMP_STATS 1
#define UDP_STATS 1
#define TCP_STATS 1
#define MIB2_STATS 1 /* per-netif counters: what lo shows in /proc/net/interfaces */
#define SYS_STATS 0

/* lwIP's E* names (err_to_errno) are the kernel ABI's; C only, so C++ files
   keep their own error names. */
#ifndef __cplusplus
#define LWIP_ERRNO_STDINCLUDE 1
#endif

#endif /* UNUM_LWIPOPTS_H */
