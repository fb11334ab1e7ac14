/* mv SRC DST, mv SRC... DIR: rename; a directory destination receives each
   source under its own name. Between file systems (EXDEV) a regular file is
   copied and the original removed. */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int is_dir(const char* path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

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

int main(int argc, char** argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: mv SRC DST | mv SRC... DIR\n");
        return 2;
    }
    const char* dst = argv[argc - 1];
    int into_dir = is_dir(dst);
    if (argc > 3 && !into_dir) {
        fprintf(stderr, "mv: %s: not a directory\n", dst);
        return 1;
    }
    int status = 0;
    for (int i = 1; i < argc - 1; i++) {
        char target[4096], base[256];
        const char* to = dst;
        if (into_dir) {
            if (util_join_path(target, sizeof target, dst, util_basename(argv[i], base, sizeof base)) < 0) {
                util_warn("mv", argv[i]);
                status = 1;
                continue;
            }
            to = target;
        }
        status |= move(argv[i], to) < 0;
    }
    return status;
}
