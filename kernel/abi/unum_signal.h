/* Signals in the Unum ABI: newlib's numbers (<sys/signal.h>, generic branch) and
   mask layout (sigset_t is one unsigned long, bit N is signal N), plus the
   structure the sigaction syscall takes. Plain C, shared by kernel and userland. */
#ifndef UNUM_SIGNAL_H
#define UNUM_SIGNAL_H

#define UNUM_SIGHUP 1
#define UNUM_SIGINT 2
#define UNUM_SIGQUIT 3
#define UNUM_SIGILL 4
#define UNUM_SIGTRAP 5
#define UNUM_SIGABRT 6
#define UNUM_SIGEMT 7
#define UNUM_SIGFPE 8
#define UNUM_SIGKILL 9
#define UNUM_SIGBUS 10
#define UNUM_SIGSEGV 11
#define UNUM_SIGSYS 12
#define UNUM_SIGPIPE 13
#define UNUM_SIGALRM 14
#define UNUM_SIGTERM 15
#define UNUM_SIGURG 16
#define UNUM_SIGSTOP 17
#define UNUM_SIGTSTP 18
#define UNUM_SIGCONT 19
#define UNUM_SIGCHLD 20
#define UNUM_SIGTTIN 21
#define UNUM_SIGTTOU 22
#define UNUM_SIGIO 23
#define UNUM_SIGXCPU 24
#define UNUM_SIGXFSZ 25
#define UNUM_SIGVTALRM 26
#define UNUM_SIGPROF 27
#define UNUM_SIGWINCH 28
#define UNUM_SIGLOST 29
#define UNUM_SIGUSR1 30
#define UNUM_SIGUSR2 31
#define UNUM_NSIG 32 /* valid signals are 1..UNUM_NSIG-1 */

/* sigset: bit N is signal N (newlib's sigaddset is `*set |= 1 << sig`). */
typedef unsigned long unum_sigset_t;
#define UNUM_SIGBIT(sig) (1UL << (sig))

/* sigprocmask `how` */
#define UNUM_SIG_SETMASK 0
#define UNUM_SIG_BLOCK 1
#define UNUM_SIG_UNBLOCK 2

/* Handler values */
#define UNUM_SIG_DFL 0UL
#define UNUM_SIG_IGN 1UL

/* sa_flags. newlib defines only SA_NOCLDSTOP (=1); userland/include/unum.h
   names the others for programs. UNUM_SA_RESTORER is set by libc: `restorer` is
   where the handler returns, a trampoline that calls UNUM_SYS_SIGRETURN. */
#define UNUM_SA_NOCLDSTOP 0x1
#define UNUM_SA_SIGINFO 0x2 /* reserved: not implemented yet */
#define UNUM_SA_ONSTACK 0x4 /* reserved: not implemented yet */
#define UNUM_SA_RESTART 0x8
#define UNUM_SA_NODEFER 0x10
#define UNUM_SA_RESETHAND 0x20
#define UNUM_SA_RESTORER 0x04000000

/* The sigaction syscall's structure (not newlib's struct sigaction, which has
   no restorer; libc converts). Addresses are user virtual addresses. */
struct unum_sigaction {
    unsigned long handler;  /* UNUM_SIG_DFL, UNUM_SIG_IGN or void (*)(int) */
    unsigned long flags;    /* UNUM_SA_* */
    unsigned long restorer; /* void (*)(void): calls UNUM_SYS_SIGRETURN */
    unum_sigset_t mask;     /* blocked while the handler runs */
};

/* Signal frame: when delivering, the kernel pushes the restorer address as the
   handler's return address (so rsp % 16 == 8 at handler entry, as after a call),
   calls handler(sig) with rdi = sig, and keeps whatever it needs to restore the
   interrupted context in its own frame above it; sigreturn restores it. The frame
   layout beyond the return address is private to the kernel. */

#ifdef __cplusplus
static_assert(sizeof(struct unum_sigaction) == 32, "unum_sigaction layout");
static_assert(sizeof(unum_sigset_t) == 8, "unum_sigset_t is newlib's sigset_t");
#else
_Static_assert(sizeof(struct unum_sigaction) == 32, "unum_sigaction layout");
_Static_assert(sizeof(unum_sigset_t) == 8, "unum_sigset_t is newlib's sigset_t");
#endif

#endif
