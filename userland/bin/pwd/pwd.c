/* pwd: print the working directory. */
#include <stdio.h>
#include <unistd.h>

#include "util.h"

int main(void)
{
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) {
        util_warn("pwd", "getcwd");
        return 1;
    }
    puts(buf);
    return fflush(stdout) == 0 ? 0 : 1;
}
