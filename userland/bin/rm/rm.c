/* rm [-r] [-f] PATH...: remove files; -r removes directories with their contents,
   -f ignores missing paths and never complains about them. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int g_recursive, g_force;

static int remove_path(const char* path);

/* Reads every name first and removes afterwards: deleting entries while a
   getdents walk is under way could make it skip some. */
static int remove_contents(const char* dir)
{
    struct dirent** names;
    int n = scandir(dir, &names, NULL, NULL);
    if (n < 0) {
        util_warn("rm", dir);
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        const char* name = names[i]->d_name;
        if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0) {
            char child[4096];
            if (util_join_path(child, sizeof child, dir, name) < 0) {
                util_warn("rm", name);
                rc = -1;
            } else if (remove_path(child) < 0) {
                rc = -1;
            }
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

static int remove_path(const char* path)
{
    struct stat st;
    if (stat(path, &st) < 0) {
        if (g_force && errno == ENOENT)
            return 0;
        util_warn("rm", path);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        if (!g_recursive) {
            fprintf(stderr, "rm: %s: is a directory (use -r)\n", path);
            return -1;
        }
        if (remove_contents(path) < 0)
            return -1;
        if (rmdir(path) < 0) {
            util_warn("rm", path);
            return -1;
        }
        return 0;
    }
    if (unlink(path) < 0) {
        util_warn("rm", path);
        return -1;
    }
    return 0;
}

int main(int argc, char** argv)
{
    int c;
    while ((c = getopt(argc, argv, "rRf")) != -1) {
        switch (c) {
        case 'r':
        case 'R': g_recursive = 1; break;
        case 'f': g_force = 1; break;
        default:
            fprintf(stderr, "usage: rm [-r] [-f] PATH...\n");
            return 2;
        }
    }
    if (optind == argc && !g_force) {
        fprintf(stderr, "usage: rm [-r] [-f] PATH...\n");
        return 2;
    }
    int status = 0;
    for (int i = optind; i < argc; i++) {
        char base[256];
        util_basename(argv[i], base, sizeof base);
        /* "rm -r ." or ".." would pull the floor from under the caller. */
        if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || strcmp(argv[i], "/") == 0) {
            fprintf(stderr, "rm: refusing to remove '%s'\n", argv[i]);
            status = 1;
            continue;
        }
        status |= remove_path(argv[i]) < 0;
    }
    return status;
}
