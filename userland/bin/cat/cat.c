/* cat [FILE...]: copy each file (or stdin, also for "-") to stdout. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* Returns 0, or -1 after printing which side failed. */
static int copy_fd(int fd, const char* name)
{
    static char buf[16384];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            util_warn("cat", name);
            return -1;
        }
        if (n == 0)
            return 0;
        if (util_write_all(STDOUT_FILENO, buf, (size_t)n) < 0) {
            util_warn("cat", "write error");
            return -1;
        }
    }
}

int main(int argc, char** argv)
{
    if (argc < 2)
        return copy_fd(STDIN_FILENO, "stdin") < 0;
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            status |= copy_fd(STDIN_FILENO, "stdin") < 0;
            continue;
        }
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            util_warn("cat", argv[i]);
            status = 1;
            continue;
        }
        status |= copy_fd(fd, argv[i]) < 0;
        close(fd);
    }
    return status;
}
