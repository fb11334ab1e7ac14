/* env [-i] [NAME=value...] [COMMAND [ARG...]]: print the environment, or run
   COMMAND with the changed environment (exit 126 if it cannot run, 127 if not
   found). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char** environ;

int main(int argc, char** argv)
{
    int i = 1;
    if (i < argc && (strcmp(argv[i], "-i") == 0 || strcmp(argv[i], "-") == 0)) {
        static char* empty[] = {NULL};
        environ = empty;
        i++;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    for (; i < argc && strchr(argv[i], '=') && argv[i][0] != '='; i++) {
        /* putenv keeps the argv string itself, which lives as long as we do. */
        if (putenv(argv[i]) != 0) {
            perror("env");
            return 125;
        }
    }
    if (i == argc) {
        for (char** e = environ; *e; e++)
            puts(*e);
        return fflush(stdout) == 0 ? 0 : 1;
    }
    execvp(argv[i], &argv[i]);
    int err = errno;
    fprintf(stderr, "env: %s: %s\n", argv[i], strerror(err));
    return err == ENOENT ? 127 : 126;
}
