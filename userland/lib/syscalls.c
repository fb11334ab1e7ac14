/* newlib's OS glue for Unum: files, processes, memory and identity. x86_64-elf
   newlib calls these by their plain names (write, sbrk, ...; only _exit keeps its
   underscore). Each is one system call of kernel/abi/unum_abi.h; a negative
   result becomes -1 with errno set. Signals, time and terminals are beside this. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unum.h"
#include "unum_syscall.h"

long unum_ret(long r)
{
    if (unum_is_error(r)) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

#define SYS0(n) unum_ret(unum_syscall0(n))
#define SYS1(n, a) unum_ret(unum_syscall1(n, (long)(a)))
#define SYS2(n, a, b) unum_ret(unum_syscall2(n, (long)(a), (long)(b)))
#define SYS3(n, a, b, c) unum_ret(unum_syscall3(n, (long)(a), (long)(b), (long)(c)))
#define SYS4(n, a, b, c, d) unum_ret(unum_syscall4(n, (long)(a), (long)(b), (long)(c), (long)(d)))

void _exit(int status)
{
    for (;;)
        unum_syscall1(UNUM_SYS_EXIT, status);
}

/* ---------------------------------------------------------------- files */

int open(const char* path, int flags, ...)
{
    unsigned mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, unsigned);
        va_end(ap);
    }
    return (int)SYS3(UNUM_SYS_OPEN, path, flags, mode);
}

int close(int fd) { return (int)SYS1(UNUM_SYS_CLOSE, fd); }

_READ_WRITE_RETURN_TYPE read(int fd, void* buf, size_t n)
{
    return SYS3(UNUM_SYS_READ, fd, buf, n);
}

_READ_WRITE_RETURN_TYPE write(int fd, const void* buf, size_t n)
{
    return SYS3(UNUM_SYS_WRITE, fd, buf, n);
}

off_t lseek(int fd, off_t offset, int whence)
{
    return SYS3(UNUM_SYS_LSEEK, fd, offset, whence);
}

/* struct stat is newlib's; abi_check.c proves it is struct unum_stat. */
int fstat(int fd, struct stat* st) { return (int)SYS2(UNUM_SYS_FSTAT, fd, st); }
int stat(const char* path, struct stat* st) { return (int)SYS2(UNUM_SYS_STAT, path, st); }
/* Unum has no symbolic links yet. */
int lstat(const char* path, struct stat* st) { return stat(path, st); }

int mkdir(const char* path, mode_t mode) { return (int)SYS2(UNUM_SYS_MKDIR, path, mode); }
int rmdir(const char* path) { return (int)SYS1(UNUM_SYS_RMDIR, path); }
int unlink(const char* path) { return (int)SYS1(UNUM_SYS_UNLINK, path); }
int rename(const char* from, const char* to) { return (int)SYS2(UNUM_SYS_RENAME, from, to); }

int link(const char* from, const char* to)
{
    (void)from;
    (void)to;
    errno = ENOSYS;
    return -1;
}

int chdir(const char* path) { return (int)SYS1(UNUM_SYS_CHDIR, path); }

/* getcwd(NULL, size) allocates, as glibc and BSD do. */
char* getcwd(char* buf, size_t size)
{
    char* mine = NULL;
    if (!buf) {
        if (size == 0)
            size = UNUM_PATH_MAX;
        buf = mine = malloc(size);
        if (!buf) {
            errno = ENOMEM;
            return NULL;
        }
    }
    if (SYS2(UNUM_SYS_GETCWD, buf, size) < 0) {
        free(mine);
        return NULL;
    }
    return buf;
}

int dup(int fd) { return (int)SYS1(UNUM_SYS_DUP, fd); }
int dup2(int fd, int to) { return (int)SYS2(UNUM_SYS_DUP2, fd, to); }
int pipe(int fds[2]) { return (int)SYS1(UNUM_SYS_PIPE, fds); }

int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    va_start(ap, cmd);
    long arg = va_arg(ap, long);
    va_end(ap);
    return (int)SYS3(UNUM_SYS_FCNTL, fd, cmd, arg);
}

int ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    va_start(ap, request);
    void* arg = va_arg(ap, void*);
    va_end(ap);
    return (int)SYS3(UNUM_SYS_IOCTL, fd, request, arg);
}

/* access() from stat and the mode bits: the kernel checks for real on use. */
int access(const char* path, int mode)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return -1;
    if (mode == F_OK)
        return 0;
    uid_t uid = geteuid();
    if (uid == 0) {
        if (!(mode & X_OK) || (st.st_mode & 0111) || S_ISDIR(st.st_mode))
            return 0;
        errno = EACCES;
        return -1;
    }
    unsigned shift = st.st_uid == uid ? 6 : st.st_gid == getegid() ? 3 : 0;
    unsigned want = ((mode & R_OK) ? 4 : 0) | ((mode & W_OK) ? 2 : 0) | ((mode & X_OK) ? 1 : 0);
    if (((st.st_mode >> shift) & want) == want)
        return 0;
    errno = EACCES;
    return -1;
}

/* ---------------------------------------------------------------- processes */

pid_t fork(void) { return (pid_t)SYS0(UNUM_SYS_FORK); }

int execve(const char* path, char* const argv[], char* const envp[])
{
    return (int)SYS3(UNUM_SYS_EXECVE, path, argv, envp);
}

pid_t waitpid(pid_t pid, int* status, int options)
{
    return (pid_t)SYS3(UNUM_SYS_WAITPID, pid, status, options);
}

pid_t wait(int* status) { return waitpid(-1, status, 0); }

pid_t getpid(void) { return (pid_t)SYS0(UNUM_SYS_GETPID); }
pid_t getppid(void) { return (pid_t)SYS0(UNUM_SYS_GETPPID); }
int kill(pid_t pid, int sig) { return (int)SYS2(UNUM_SYS_KILL, pid, sig); }

uid_t getuid(void) { return (uid_t)SYS0(UNUM_SYS_GETUID); }
uid_t geteuid(void) { return (uid_t)SYS0(UNUM_SYS_GETEUID); }
int setuid(uid_t uid) { return (int)SYS1(UNUM_SYS_SETUID, uid); }
gid_t getgid(void) { return (gid_t)SYS0(UNUM_SYS_GETGID); }
/* Unum keeps one gid per process: the effective gid is the real one. */
gid_t getegid(void) { return getgid(); }
int setgid(gid_t gid) { return (int)SYS1(UNUM_SYS_SETGID, gid); }

int setpgid(pid_t pid, pid_t pgid) { return (int)SYS2(UNUM_SYS_SETPGID, pid, pgid); }
pid_t getpgid(pid_t pid) { return (pid_t)SYS1(UNUM_SYS_GETPGID, pid); }
pid_t getpgrp(void) { return getpgid(0); }
pid_t setsid(void) { return (pid_t)SYS0(UNUM_SYS_SETSID); }
pid_t getsid(pid_t pid) { return (pid_t)SYS1(UNUM_SYS_GETSID, pid); }

/* ---------------------------------------------------------------- memory */

static char* g_break;

void* sbrk(ptrdiff_t increment)
{
    if (!g_break) {
        long cur = unum_syscall1(UNUM_SYS_BRK, 0);
        if (unum_is_error(cur) || cur == 0) {
            errno = ENOMEM;
            return (void*)-1;
        }
        g_break = (char*)cur;
    }
    if (increment == 0)
        return g_break;
    char* want = g_break + increment;
    long got = unum_syscall1(UNUM_SYS_BRK, (long)want);
    if ((char*)got != want) {
        errno = ENOMEM;
        return (void*)-1;
    }
    char* old = g_break;
    g_break = want;
    return old;
}

void* mmap(void* addr, size_t len, int prot, int flags, int fd, off_t off)
{
    long r = unum_syscall6(UNUM_SYS_MMAP, (long)addr, (long)len, prot, flags, fd, off);
    if (unum_is_error(r)) {
        errno = (int)-r;
        return MAP_FAILED;
    }
    return (void*)r;
}

int munmap(void* addr, size_t len) { return (int)SYS2(UNUM_SYS_MUNMAP, addr, len); }

/* ---------------------------------------------------------------- identity */

int getentropy(void* buf, size_t len)
{
    if (len > UNUM_GETENTROPY_MAX) {
        errno = EINVAL;
        return -1;
    }
    return (int)SYS2(UNUM_SYS_GETENTROPY, buf, len);
}

int unum_self(struct unum_self_info* info) { return (int)SYS1(UNUM_SYS_UNUM_SELF, info); }

long long unum_cluster_admission(int op, const unsigned char* mac, char* out, unsigned long cap)
{
    return (long long)SYS4(UNUM_SYS_CLUSTER_ADMISSION, op, mac, out, cap);
}

long long unum_cluster_ping(unsigned node, size_t payload_size, unsigned long timeout_ms)
{
    return (long long)SYS3(UNUM_SYS_CLUSTER_PING, node, payload_size, timeout_ms);
}

int unum_reboot(int command) { return (int)SYS1(UNUM_SYS_REBOOT, command); }
