/* The host platform's controls for a fuzz harness (implemented in sys_arch.c):
   the fake millisecond clock that sys_now() returns, and a restart of the
   LWIP_RAND() sequence. Layer: test support; no locks (NO_SYS=1, one thread). */
#ifndef UNUM_LWIP_HOST_H
#define UNUM_LWIP_HOST_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

void lwip_host_advance_clock(uint32_t milliseconds);
void lwip_host_restart_rand(void);

#ifdef __cplusplus
}
#endif

#endif /* UNUM_LWIP_HOST_H */
