/* poweroff: turn this node off. The kernel runs its shutdown hooks (the node
   leaves the cluster), then powers the machine off through ACPI (S5); so on
   success nothing is printed and nothing returns. Root only. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "unum.h"

int main(int argc, char** argv)
{
    if (argc > 1) {
        fprintf(stderr, "usage: poweroff\n");
        return 2;
    }
    unum_reboot(UNUM_REBOOT_POWER_OFF);
    /* newlib words EPERM as "Not owner"; say it the way other systems do. */
    fprintf(stderr, "poweroff: %s\n", errno == EPERM ? "Operation not permitted" : strerror(errno));
    return 1;
}
