/* The sizes of lwIP's heap and memory pools, shared by the kernel's options
   (lwipopts.h beside this file) and the host build's
   (tests/lwip_host/include/lwipopts.h), so running out of pcbs, segments or
   pool pbufs behaves the same in the host tests and the fuzzer as in the
   kernel. Included only from an lwipopts.h. */
#ifndef UNUM_LWIP_POOL_SIZES_H
#define UNUM_LWIP_POOL_SIZES_H

#define MEM_ALIGNMENT 8
#define MEM_SIZE (1024 * 1024)
#define MEMP_NUM_PBUF 128
#define MEMP_NUM_RAW_PCB 16
#define MEMP_NUM_UDP_PCB 32
#define MEMP_NUM_TCP_PCB 64
#define MEMP_NUM_TCP_PCB_LISTEN 16
#define MEMP_NUM_TCP_SEG 512
#define MEMP_NUM_REASSDATA 16
#define MEMP_NUM_FRAG_PBUF 32
#define MEMP_NUM_ARP_QUEUE 64
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 16)
#define PBUF_POOL_SIZE 512
#define PBUF_POOL_BUFSIZE 1536 /* a whole Ethernet frame in one pbuf */

#endif /* UNUM_LWIP_POOL_SIZES_H */
