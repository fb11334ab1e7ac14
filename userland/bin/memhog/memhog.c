/* memhog MIB [SECONDS]: takes MIB MiB, fills them with a pattern that depends on
   each word's offset, then loops: every SECONDS (5) seconds, and at once on
   SIGUSR1, verifies all of it and prints `memhog: ok <MiB>` or
   `memhog: CORRUPT at <offset>` (the byte offset of the first bad word). It
   shows that a process's memory survives a migration intact. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "unum.h"
#include "util.h"

static volatile sig_atomic_t g_check_now;

static void on_usr1(int sig)
{
    (void)sig;
    g_check_now = 1;
}

/* A value no simple fault reproduces: a page of zeros, a page copied to the
   wrong place, or a shifted page all fail the check. */
static uint64_t pattern(uint64_t word_index, uint64_t seed)
{
    uint64_t x = (word_index + seed) * 0x9E3779B97F4A7C15ull;
    return x ^ (x >> 29) ^ word_index;
}

int main(int argc, char** argv)
{
    unsigned long mib, period = 5;
    if (argc < 2 || argc > 3 || util_parse_ulong(argv[1], &mib) < 0 || mib == 0 ||
        (argc == 3 && (util_parse_ulong(argv[2], &period) < 0 || period == 0))) {
        fprintf(stderr, "usage: memhog MIB [SECONDS]\n");
        return 2;
    }
    size_t bytes = (size_t)mib << 20;
    uint64_t* mem = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) {
        fprintf(stderr, "memhog: cannot map %lu MiB: %s\n", mib, strerror(errno));
        return 1;
    }
    /* Different runs get different patterns, so one run's leftovers never pass. */
    uint64_t seed = (uint64_t)getpid() << 32;
    size_t words = bytes / sizeof *mem;
    for (size_t i = 0; i < words; i++)
        mem[i] = pattern(i, seed);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = 0; /* no SA_RESTART: the signal must cut the sleep short */
    if (sigaction(SIGUSR1, &sa, NULL) < 0)
        fprintf(stderr, "memhog: SIGUSR1 handler: %s (checks run on the timer only)\n", strerror(errno));

    struct unum_self_info self;
    unsigned node = unum_self(&self) == 0 ? self.node : 0;
    printf("memhog: filled %lu MiB, pid %d on node%u\n", mib, (int)getpid(), node);
    fflush(stdout);

    for (;;) {
        g_check_now = 0;
        size_t bad = words;
        for (size_t i = 0; i < words; i++) {
            if (mem[i] != pattern(i, seed)) {
                bad = i;
                break;
            }
        }
        if (bad == words)
            printf("memhog: ok %lu\n", mib);
        else
            printf("memhog: CORRUPT at %zu\n", bad * sizeof *mem);
        fflush(stdout);

        struct timespec left = {(time_t)period, 0};
        while (!g_check_now && nanosleep(&left, &left) < 0 && errno == EINTR) {
        }
    }
}
