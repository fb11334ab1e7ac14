/* hostname: print this node's name (node<N>). Asks unum_self() first: a process
   that migrated must name the node it runs on now; uname's nodename is the
   fallback. */
#include <stdio.h>
#include <unistd.h>

#include "unum.h"
#include "util.h"

int main(int argc, char** argv)
{
    if (argc > 1) {
        fprintf(stderr, "hostname: setting the name is not supported (it is node<N>)\n");
        return 2;
    }
    struct unum_self_info self;
    char name[128];
    if (unum_self(&self) == 0 && self.node_name[0]) {
        printf("%.*s\n", (int)sizeof self.node_name, self.node_name);
    } else if (gethostname(name, sizeof name) == 0) {
        puts(name);
    } else {
        util_warn("hostname", "gethostname");
        return 1;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
