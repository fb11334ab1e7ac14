/* cp SRC DST, cp SRC... DIR: copy regular files; a directory destination
   receives each source under its own name. */
#include <stdio.h>
#include <sys/stat.h>

#include "util.h"

static int is_dir(const char* path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int main(int argc, char** argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: cp SRC DST | cp SRC... DIR\n");
        return 2;
    }
    const char* dst = argv[argc - 1];
    int into_dir = is_dir(dst);
    if (argc > 3 && !into_dir) {
        fprintf(stderr, "cp: %s: not a directory\n", dst);
        return 1;
    }
    int status = 0;
    for (int i = 1; i < argc - 1; i++) {
        char target[4096], base[256];
        const char* to = dst;
        if (into_dir) {
            if (util_join_path(target, sizeof target, dst, util_basename(argv[i], base, sizeof base)) < 0) {
                util_warn("cp", argv[i]);
                status = 1;
                continue;
            }
            to = target;
        }
        status |= util_copy_file("cp", argv[i], to) < 0;
    }
    return status;
}
