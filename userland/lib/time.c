/* Time for newlib programs on Unum: clocks, sleeping and times(). */
#include <errno.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "unum.h"
#include "unum_syscall.h"

int clock_gettime(clockid_t clock, struct timespec* ts)
{
    return (int)unum_ret(unum_syscall2(UNUM_SYS_CLOCK_GETTIME, clock, (long)ts));
}

int gettimeofday(struct timeval* tv, void* tz)
{
    return (int)unum_ret(unum_syscall2(UNUM_SYS_GETTIMEOFDAY, (long)tv, (long)tz));
}

int nanosleep(const struct timespec* req, struct timespec* rem)
{
    return (int)unum_ret(unum_syscall2(UNUM_SYS_NANOSLEEP, (long)req, (long)rem));
}

unsigned sleep(unsigned seconds)
{
    struct timespec req = {seconds, 0}, rem = {0, 0};
    if (nanosleep(&req, &rem) < 0)
        return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);
    return 0;
}

int usleep(useconds_t usec)
{
    struct timespec req = {usec / 1000000, (long)(usec % 1000000) * 1000};
    return nanosleep(&req, NULL);
}

/* Ticks of times() per second (sysconf(_SC_CLK_TCK)). */
#define CLK_TCK_UNUM 100

/* The process's CPU time when the kernel has CLOCK_PROCESS_CPUTIME_ID (0 if not);
   the children's times are not reported yet. Returns monotonic ticks. */
clock_t times(struct tms* buf)
{
    struct timespec ts;
    if (buf) {
        buf->tms_utime = buf->tms_stime = buf->tms_cutime = buf->tms_cstime = 0;
        if (unum_syscall2(UNUM_SYS_CLOCK_GETTIME, UNUM_CLOCK_PROCESS_CPUTIME_ID, (long)&ts) == 0)
            buf->tms_utime = ts.tv_sec * CLK_TCK_UNUM + ts.tv_nsec / (1000000000 / CLK_TCK_UNUM);
    }
    if (clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
        return (clock_t)-1;
    return ts.tv_sec * CLK_TCK_UNUM + ts.tv_nsec / (1000000000 / CLK_TCK_UNUM);
}
