/* mkdir [-p] DIR...: create directories; -p creates missing parents and accepts
   directories that already exist. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int is_dir(const char* path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Creates each prefix of path in turn, ending at path itself. */
static int make_parents(const char* path)
{
    char buf[4096];
    if (strlen(path) >= sizeof buf) {
        errno = ENAMETOOLONG;
        util_warn("mkdir", path);
        return -1;
    }
    strcpy(buf, path);
    for (char* p = buf + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(buf, 0777) < 0 && !(errno == EEXIST && is_dir(buf))) {
            util_warn("mkdir", buf);
            return -1;
        }
        *p = saved;
        /* Skip runs of slashes (and a trailing one). */
        while (p[0] == '/' && (p[1] == '/' || p[1] == '\0'))
            p++;
        if (*p == '\0')
            return 0;
    }
}

int main(int argc, char** argv)
{
    int parents = 0, c;
    while ((c = getopt(argc, argv, "p")) != -1) {
        if (c != 'p') {
            fprintf(stderr, "usage: mkdir [-p] DIR...\n");
            return 2;
        }
        parents = 1;
    }
    if (optind == argc) {
        fprintf(stderr, "usage: mkdir [-p] DIR...\n");
        return 2;
    }
    int status = 0;
    for (int i = optind; i < argc; i++) {
        if (parents) {
            status |= make_parents(argv[i]) < 0;
        } else if (mkdir(argv[i], 0777) < 0) {
            util_warn("mkdir", argv[i]);
            status = 1;
        }
    }
    return status;
}
