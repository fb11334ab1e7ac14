/* uname [-a|-s|-n|-r|-v|-m]: print system identity fields, in the fixed order
   sysname nodename release version machine; -s is the default. */
#include <stdio.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "util.h"

enum { SYS = 1, NODE = 2, REL = 4, VER = 8, MACH = 16, ALL = 31 };

int main(int argc, char** argv)
{
    int want = 0, c;
    while ((c = getopt(argc, argv, "asnrvm")) != -1) {
        switch (c) {
        case 'a': want |= ALL; break;
        case 's': want |= SYS; break;
        case 'n': want |= NODE; break;
        case 'r': want |= REL; break;
        case 'v': want |= VER; break;
        case 'm': want |= MACH; break;
        default:
            fprintf(stderr, "usage: uname [-asnrvm]\n");
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "uname: extra operand '%s'\n", argv[optind]);
        return 2;
    }
    if (!want)
        want = SYS;
    struct utsname u;
    if (uname(&u) < 0) {
        util_warn("uname", "uname");
        return 1;
    }
    const char* fields[] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    const char* sep = "";
    for (int i = 0; i < 5; i++) {
        if (want & (1 << i)) {
            printf("%s%s", sep, fields[i]);
            sep = " ";
        }
    }
    putchar('\n');
    return fflush(stdout) == 0 ? 0 : 1;
}
