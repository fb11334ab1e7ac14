/* The Unum system-call ABI, shared by the kernel and userland (C and C++).
   Numbers never change meaning once used. Structures, flags and errno values
   follow newlib's headers (user programs link newlib), not Linux's.
   Calling convention (x86-64 `syscall`): number in rax; arguments in rdi, rsi,
   rdx, r10, r8, r9; result in rax, a negative errno on failure; rcx and r11 are
   clobbered, every other register is preserved. Integer arguments are passed
   and checked as the C types below say (an int argument uses the low 32 bits).
   The structures and flags live in the headers included here. */
#ifndef UNUM_ABI_H
#define UNUM_ABI_H

#include "unum_errno.h"
#include "unum_signal.h"
#include "unum_socket.h"
#include "unum_tty.h"
#include "unum_types.h"

#define UNUM_SYS_EXIT 1             /* (int status) never returns */
#define UNUM_SYS_FORK 2             /* () -> child pid in the parent, 0 in the child */
#define UNUM_SYS_EXECVE 3           /* (const char* path, char* const argv[], char* const envp[]) */
#define UNUM_SYS_WAITPID 4          /* (int pid, int* status, int options) -> pid; status per UNUM_W_* */
#define UNUM_SYS_GETPID 5           /* () */
#define UNUM_SYS_GETPPID 6          /* () */
#define UNUM_SYS_KILL 7             /* (int pid, int sig); pid 0 / -pgid: a process group */
#define UNUM_SYS_SIGACTION 8        /* (int sig, const struct unum_sigaction* act, struct unum_sigaction* old) */
#define UNUM_SYS_SIGPROCMASK 9      /* (int how, const unum_sigset_t* set, unum_sigset_t* old) */
#define UNUM_SYS_SIGRETURN 10       /* () from a handler's restorer; restores the interrupted context */
#define UNUM_SYS_READ 11            /* (int fd, void* buf, unsigned long n) -> bytes */
#define UNUM_SYS_WRITE 12           /* (int fd, const void* buf, unsigned long n) -> bytes */
#define UNUM_SYS_OPEN 13            /* (const char* path, int flags, unsigned mode) -> fd */
#define UNUM_SYS_CLOSE 14           /* (int fd) */
#define UNUM_SYS_LSEEK 15           /* (int fd, long offset, int whence) -> new offset */
#define UNUM_SYS_FSTAT 16           /* (int fd, struct unum_stat* st) */
#define UNUM_SYS_STAT 17            /* (const char* path, struct unum_stat* st) */
#define UNUM_SYS_MKDIR 18           /* (const char* path, unsigned mode) */
#define UNUM_SYS_RMDIR 19           /* (const char* path) */
#define UNUM_SYS_UNLINK 20          /* (const char* path) */
#define UNUM_SYS_RENAME 21          /* (const char* from, const char* to) */
#define UNUM_SYS_GETDENTS 22        /* (int fd, void* buf, unsigned long len) -> bytes of unum_dirent records */
#define UNUM_SYS_CHDIR 23           /* (const char* path) */
#define UNUM_SYS_GETCWD 24          /* (char* buf, unsigned long size) -> strlen + 1; -ERANGE if too small */
#define UNUM_SYS_DUP 25             /* (int fd) -> lowest free fd */
#define UNUM_SYS_DUP2 26            /* (int fd, int to) -> to */
#define UNUM_SYS_PIPE 27            /* (int fds[2]): fds[0] reads, fds[1] writes */
#define UNUM_SYS_FCNTL 28           /* (int fd, int cmd, long arg) */
#define UNUM_SYS_IOCTL 29           /* (int fd, unsigned long request, void* arg); see unum_tty.h */
#define UNUM_SYS_BRK 30             /* (void* addr) -> the break after the call (unchanged if addr is 0 or refused) */
#define UNUM_SYS_MMAP 31            /* (void* addr, unsigned long len, int prot, int flags, int fd, long off) -> address */
#define UNUM_SYS_MUNMAP 32          /* (void* addr, unsigned long len) */
#define UNUM_SYS_NANOSLEEP 33       /* (const struct unum_timespec* req, struct unum_timespec* rem) */
#define UNUM_SYS_CLOCK_GETTIME 34   /* (int clock, struct unum_timespec* ts) */
#define UNUM_SYS_GETTIMEOFDAY 35    /* (struct unum_timeval* tv, struct unum_timezone* tz); either may be NULL */
#define UNUM_SYS_UNAME 36           /* (struct unum_utsname* u) */
#define UNUM_SYS_GETUID 37          /* () */
#define UNUM_SYS_GETEUID 38         /* () */
#define UNUM_SYS_SETUID 39          /* (int uid) */
#define UNUM_SYS_GETGID 40          /* () */
#define UNUM_SYS_SETGID 41          /* (int gid) */
#define UNUM_SYS_SETPGID 42         /* (int pid, int pgid); 0 means the caller */
#define UNUM_SYS_GETPGID 43         /* (int pid) */
#define UNUM_SYS_SETSID 44          /* () -> new session id */
#define UNUM_SYS_GETSID 45          /* (int pid) */
#define UNUM_SYS_GETENTROPY 46      /* (void* buf, unsigned long len <= UNUM_GETENTROPY_MAX) */
#define UNUM_SYS_UNUM_SELF 47       /* (struct unum_self_info* info) */
#define UNUM_SYS_SOCKET 48         /* (int domain, int type, int protocol) -> fd; see unum_socket.h */
#define UNUM_SYS_BIND 49           /* (int fd, const struct unum_sockaddr* addr, unum_socklen_t len) */
#define UNUM_SYS_LISTEN 50         /* (int fd, int backlog) */
#define UNUM_SYS_ACCEPT 51         /* (int fd, struct unum_sockaddr* addr, unum_socklen_t* len) -> fd; addr may be NULL */
#define UNUM_SYS_CONNECT 52        /* (int fd, const struct unum_sockaddr* addr, unum_socklen_t len) */
#define UNUM_SYS_SENDTO 53         /* (int fd, const void* buf, unsigned long n, int flags, const struct unum_sockaddr* to, unum_socklen_t len) -> bytes */
#define UNUM_SYS_RECVFROM 54       /* (int fd, void* buf, unsigned long n, int flags, struct unum_sockaddr* from, unum_socklen_t* len) -> bytes */
#define UNUM_SYS_SHUTDOWN 55       /* (int fd, int how) */
#define UNUM_SYS_GETSOCKOPT 56     /* (int fd, int level, int name, void* value, unum_socklen_t* len) */
#define UNUM_SYS_SETSOCKOPT 57     /* (int fd, int level, int name, const void* value, unum_socklen_t len) */
#define UNUM_SYS_GETSOCKNAME 58    /* (int fd, struct unum_sockaddr* addr, unum_socklen_t* len) */
#define UNUM_SYS_GETPEERNAME 59    /* (int fd, struct unum_sockaddr* addr, unum_socklen_t* len) */
#define UNUM_SYS_POLL 60           /* (struct unum_pollfd* fds, unsigned long n, int timeout_ms) -> ready count; -1 waits forever */
#define UNUM_SYS_SELECT 61         /* (int nfds, u64* read, u64* write, u64* except, struct unum_timeval* timeout) -> ready count */
#define UNUM_SYS_CLUSTER_PING 62   /* (unsigned node, unsigned long payload_size, unsigned long timeout_ms) -> round trip in ns; 0: 2 s */
#define UNUM_SYS_REBOOT 63         /* (int command: UNUM_REBOOT_*) root only; does not return on success */
#define UNUM_SYS_CLUSTER_ADMISSION 64 /* (int op: UNUM_ADMISSION_*, const unsigned char mac[6], char* out, unsigned long cap) */
#define UNUM_SYS_SENDMSG 65        /* (int fd, const struct unum_msghdr* msg, int flags) -> bytes */
#define UNUM_SYS_RECVMSG 66        /* (int fd, struct unum_msghdr* msg, int flags) -> bytes; sets msg_namelen, msg_controllen, msg_flags */
#define UNUM_SYS_COUNT 67

/* unum_reboot(int command): after the kernel's shutdown hooks, turn the node off
   (ACPI S5) or restart it. EPERM unless root, EINVAL for another command. */
#define UNUM_REBOOT_POWER_OFF 1
#define UNUM_REBOOT_RESTART 2

/* unum_cluster_admission ops: list the machines waiting at boot servers with
   admit=manual (lines `node=N mac=... waiting_s=S requests=R`), or admit one (root). */
#define UNUM_ADMISSION_PENDING 0
#define UNUM_ADMISSION_ADMIT 1
#define UNUM_ADMISSION_TEXT_MAX 8192

/* unum_self(struct unum_self_info*): this node's identity. */
struct unum_self_info {
    unsigned int node;      /* 1..4095 */
    char node_name[32];     /* "node<N>" */
};

#endif
