/* lwIP's system layer for the host build (NO_SYS=1): a fake clock that
   only the harness advances, a reproducible LWIP_RAND() sequence and the
   assertion handler. There are no threads, semaphores or mailboxes in NO_SYS
   mode, and SYS_LIGHTWEIGHT_PROT is 0, so nothing else is needed. */
#include <stdio.h>
#include <stdlib.h>

#include "lwip/sys.h"
#include "lwip_host.h"

static u32_t g_now_ms;
static u32_t g_rand_count;

u32_t sys_now(void)
{
    return g_now_ms;
}

void lwip_host_advance_clock(uint32_t milliseconds)
{
    g_now_ms += milliseconds;
}

/* The n-th value is n times the golden-ratio constant: the first DHCP xid of
   an input is 0x9e3779b9, which seeds can answer. */
uint32_t lwip_host_rand(void)
{
    return ++g_rand_count * 0x9e3779b9u;
}

void lwip_host_restart_rand(void)
{
    g_rand_count = 0;
}

void lwip_host_assert_failed(const char* message, const char* file, int line)
{
    fprintf(stderr, "lwIP assertion \"%s\" failed at %s:%d\n", message, file, line);
    abort();
}
