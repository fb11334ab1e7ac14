/* sleep SECONDS: pause; fractions (0.5) are allowed. Sleeps the whole time even
   if a signal that is handled interrupts it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "util.h"

int main(int argc, char** argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: sleep SECONDS\n");
        return 2;
    }
    char* end;
    double seconds = strtod(argv[1], &end);
    if (end == argv[1] || *end || !(seconds >= 0) || seconds > 1e9) {
        fprintf(stderr, "sleep: invalid time interval '%s'\n", argv[1]);
        return 2;
    }
    struct timespec req, rem;
    req.tv_sec = (time_t)seconds;
    req.tv_nsec = (long)((seconds - (double)req.tv_sec) * 1e9);
    while (nanosleep(&req, &rem) < 0) {
        if (errno != EINTR) {
            perror("sleep");
            return 1;
        }
        req = rem;
    }
    return 0;
}
