/* Raw Unum system calls for userland: the `syscall` instruction with the
   convention of kernel/abi/unum_abi.h (number in rax; arguments in rdi, rsi,
   rdx, r10, r8, r9; rcx and r11 clobbered; -errno in rax on failure).
   unum_ret() turns a raw result into the libc convention (-1 and errno). */
#ifndef UNUM_SYSCALL_H
#define UNUM_SYSCALL_H

#include "unum_abi.h"

static inline long unum_syscall0(long n)
{
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n) : "rcx", "r11", "memory");
    return r;
}

static inline long unum_syscall1(long n, long a)
{
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory");
    return r;
}

static inline long unum_syscall2(long n, long a, long b)
{
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b) : "rcx", "r11", "memory");
    return r;
}

static inline long unum_syscall3(long n, long a, long b, long c)
{
    long r;
    __asm__ volatile("syscall"
                     : "=a"(r)
                     : "a"(n), "D"(a), "S"(b), "d"(c)
                     : "rcx", "r11", "memory");
    return r;
}

static inline long unum_syscall4(long n, long a, long b, long c, long d)
{
    long r;
    register long r10 __asm__("r10") = d;
    __asm__ volatile("syscall"
                     : "=a"(r)
                     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
                     : "rcx", "r11", "memory");
    return r;
}

static inline long unum_syscall6(long n, long a, long b, long c, long d, long e, long f)
{
    long r;
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    __asm__ volatile("syscall"
                     : "=a"(r)
                     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return r;
}

/* True when a raw result is an error (-UNUM_ERRNO_MAX..-1). */
static inline int unum_is_error(long r)
{
    return (unsigned long)r > -(unsigned long)(UNUM_ERRNO_MAX + 1);
}

/* Sets errno and returns -1 for an error; otherwise returns r. */
long unum_ret(long r);

#endif
