/* ticker: prints `tick <n> pid <pid> on node<N>` once a second, forever. The node
   is asked afresh at every tick (unum_self) because the process may migrate
   between ticks; that line changing is how a migration shows. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "unum.h"
#include "util.h"

int main(void)
{
    for (unsigned long n = 1;; n++) {
        struct unum_self_info self;
        int pid = (int)getpid();
        if (unum_self(&self) == 0)
            printf("tick %lu pid %d on node%u\n", n, pid, self.node);
        else
            printf("tick %lu pid %d on node?\n", n, pid);
        fflush(stdout);
        /* Signals may cut the sleep short: a tick early is harmless. */
        struct timespec second = {1, 0};
        nanosleep(&second, NULL);
    }
}
