/* reboot: restart this node. The kernel runs its shutdown hooks (the node leaves
   the cluster), then resets the machine (the ACPI reset register, else the
   keyboard controller); so on success nothing is printed and nothing returns.
   Root only. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "unum.h"

int main(int argc, char** argv)
{
    if (argc > 1) {
        fprintf(stderr, "usage: reboot\n");
        return 2;
    }
    unum_reboot(UNUM_REBOOT_RESTART);
    /* newlib words EPERM as "Not owner"; say it the way other systems do. */
    fprintf(stderr, "reboot: %s\n", errno == EPERM ? "Operation not permitted" : strerror(errno));
    return 1;
}
