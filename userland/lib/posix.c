/* POSIX calls newlib (x86_64-elf) leaves to the system, built from the syscalls:
   exec variants with PATH search, uname/gethostname, sysconf, and the startup
   hook that reads the auxiliary vector. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "unum.h"
#include "unum_syscall.h"

extern char** environ;

static unsigned long g_page_size = 4096;

/* Called by crt0 with envp; the auxiliary vector follows envp's NULL. */
void __unum_init_auxv(char** envp)
{
    while (*envp)
        envp++;
    for (const struct unum_auxv* a = (const struct unum_auxv*)(envp + 1); a->type != UNUM_AT_NULL; a++) {
        if (a->type == UNUM_AT_PAGESZ && a->value)
            g_page_size = a->value;
    }
}

int uname(struct utsname* u) { return (int)unum_ret(unum_syscall1(UNUM_SYS_UNAME, (long)u)); }

int gethostname(char* name, size_t len)
{
    struct utsname u;
    if (uname(&u) < 0)
        return -1;
    size_t n = strlen(u.nodename);
    if (n + 1 > len) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(name, u.nodename, n + 1);
    return 0;
}

int getpagesize(void) { return (int)g_page_size; }

long sysconf(int name)
{
    switch (name) {
    case _SC_PAGESIZE:
        return (long)g_page_size;
    case _SC_CLK_TCK:
        return 100; /* times() ticks: see time.c */
    case _SC_OPEN_MAX:
        return 64;
    case _SC_ARG_MAX:
        return 128 * 1024;
    default:
        errno = EINVAL;
        return -1;
    }
}

int execv(const char* path, char* const argv[]) { return execve(path, argv, environ); }

int execvp(const char* file, char* const argv[])
{
    if (strchr(file, '/'))
        return execve(file, argv, environ);
    const char* path = getenv("PATH");
    if (!path || !*path)
        path = "/bin";
    size_t flen = strlen(file);
    int saw_eacces = 0;
    for (const char* p = path;; p++) {
        const char* end = strchr(p, ':');
        size_t dlen = end ? (size_t)(end - p) : strlen(p);
        char buf[UNUM_PATH_MAX];
        if (dlen + 1 + flen + 1 <= sizeof buf) {
            memcpy(buf, p, dlen);
            size_t at = dlen;
            if (at == 0)
                buf[at++] = '.';
            buf[at++] = '/';
            memcpy(buf + at, file, flen + 1);
            execve(buf, argv, environ);
            if (errno == EACCES)
                saw_eacces = 1;
            else if (errno != ENOENT && errno != ENOTDIR)
                return -1;
        }
        if (!end)
            break;
        p = end;
    }
    errno = saw_eacces ? EACCES : ENOENT;
    return -1;
}

/* Collects execl's variable arguments into an argv of at most 64 words. */
#define EXECL_MAX 64
#define COLLECT(argv, arg0, ap)                                   \
    do {                                                          \
        int i_ = 0;                                               \
        argv[i_++] = (char*)(arg0);                               \
        while (i_ < EXECL_MAX && (argv[i_] = va_arg(ap, char*)))  \
            i_++;                                                 \
        if (i_ == EXECL_MAX) {                                    \
            errno = E2BIG;                                        \
            return -1;                                            \
        }                                                         \
    } while (0)

int execl(const char* path, const char* arg0, ...)
{
    char* argv[EXECL_MAX];
    va_list ap;
    va_start(ap, arg0);
    COLLECT(argv, arg0, ap);
    va_end(ap);
    return execv(path, argv);
}

int execlp(const char* file, const char* arg0, ...)
{
    char* argv[EXECL_MAX];
    va_list ap;
    va_start(ap, arg0);
    COLLECT(argv, arg0, ap);
    va_end(ap);
    return execvp(file, argv);
}
