/* mv SRC DST, mv SRC... DIR: rename; a directory destination receives each
   source under its own name. Between file systems (EXDEV) a regular file is
   copied and the original removed. */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int move(const char* src, const char* dst)
{
    if (rename(src, dst) == 0)
        return 0;
    if (errno != EXDEV) {
        util_warn("mv", src);
        return -1;
    }
    if (util_copy_file("mv", src, dst) < 0)
        return -1;
    if (unlink(src) < 0) {
        util_warn("mv", src);
        return -1;
    }
    return 0;
}

int main(int argc, char** argv) { return util_run_to_destination("mv", argc, argv, move); }
