/* The Unum system-call ABI, shared by the kernel and userland (C and C++).
   Numbers never change meaning once used. Structures, flags and errno values
   follow newlib's headers (user programs link newlib), not Linux's.
   Calling convention (x86-64 `syscall`): number in rax; arguments in rdi, rsi,
   rdx, r10, r8, r9; result in rax, a negative errno on failure. */
#ifndef UNUM_ABI_H
#define UNUM_ABI_H

#define UNUM_SYS_EXIT 1
#define UNUM_SYS_FORK 2
#define UNUM_SYS_EXECVE 3
#define UNUM_SYS_WAITPID 4
#define UNUM_SYS_GETPID 5
#define UNUM_SYS_GETPPID 6
#define UNUM_SYS_KILL 7
#define UNUM_SYS_SIGACTION 8
#define UNUM_SYS_SIGPROCMASK 9
#define UNUM_SYS_SIGRETURN 10
#define UNUM_SYS_READ 11
#define UNUM_SYS_WRITE 12
#define UNUM_SYS_OPEN 13
#define UNUM_SYS_CLOSE 14
#define UNUM_SYS_LSEEK 15
#define UNUM_SYS_FSTAT 16
#define UNUM_SYS_STAT 17
#define UNUM_SYS_MKDIR 18
#define UNUM_SYS_RMDIR 19
#define UNUM_SYS_UNLINK 20
#define UNUM_SYS_RENAME 21
#define UNUM_SYS_GETDENTS 22
#define UNUM_SYS_CHDIR 23
#define UNUM_SYS_GETCWD 24
#define UNUM_SYS_DUP 25
#define UNUM_SYS_DUP2 26
#define UNUM_SYS_PIPE 27
#define UNUM_SYS_FCNTL 28
#define UNUM_SYS_IOCTL 29
#define UNUM_SYS_BRK 30
#define UNUM_SYS_MMAP 31
#define UNUM_SYS_MUNMAP 32
#define UNUM_SYS_NANOSLEEP 33
#define UNUM_SYS_CLOCK_GETTIME 34
#define UNUM_SYS_GETTIMEOFDAY 35
#define UNUM_SYS_UNAME 36
#define UNUM_SYS_GETUID 37
#define UNUM_SYS_GETEUID 38
#define UNUM_SYS_SETUID 39
#define UNUM_SYS_GETGID 40
#define UNUM_SYS_SETGID 41
#define UNUM_SYS_SETPGID 42
#define UNUM_SYS_GETPGID 43
#define UNUM_SYS_SETSID 44
#define UNUM_SYS_GETSID 45
#define UNUM_SYS_GETENTROPY 46
#define UNUM_SYS_UNUM_SELF 47
#define UNUM_SYS_COUNT 48

/* unum_self(struct unum_self_info*): this node's identity. */
struct unum_self_info {
    unsigned int node;      /* 1..4095 */
    char node_name[32];     /* "node<N>" */
};

#endif
