/* Signals for newlib programs on Unum. newlib's own signal()/raise() emulate
   signals inside the process; these replace them with the kernel's (they are
   linked as an object, so newlib's signal.o is never pulled in). sigaction adds
   the restorer that returns from a handler through sigreturn. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "unum.h"
#include "unum_syscall.h"

void __unum_sigreturn(void); /* crt0.S */

int sigaction(int sig, const struct sigaction* act, struct sigaction* old)
{
    struct unum_sigaction kact, kold;
    if (act) {
        kact.handler = (unsigned long)act->sa_handler;
        kact.flags = (unsigned long)(unsigned)act->sa_flags | UNUM_SA_RESTORER;
        kact.restorer = (unsigned long)__unum_sigreturn;
        kact.mask = act->sa_mask;
    }
    long r = unum_syscall3(UNUM_SYS_SIGACTION, sig, act ? (long)&kact : 0, old ? (long)&kold : 0);
    if (unum_ret(r) < 0)
        return -1;
    if (old) {
        old->sa_handler = (_sig_func_ptr)kold.handler;
        old->sa_mask = kold.mask;
        old->sa_flags = (int)(kold.flags & ~(unsigned long)UNUM_SA_RESTORER);
    }
    return 0;
}

int sigprocmask(int how, const sigset_t* set, sigset_t* old)
{
    return (int)unum_ret(unum_syscall3(UNUM_SYS_SIGPROCMASK, how, (long)set, (long)old));
}

/* BSD semantics: the handler stays installed and slow calls restart. */
_sig_func_ptr signal(int sig, _sig_func_ptr handler)
{
    struct sigaction act, old;
    act.sa_handler = handler;
    act.sa_mask = 0;
    act.sa_flags = SA_RESTART;
    if (sigaction(sig, &act, &old) < 0)
        return SIG_ERR;
    return old.sa_handler;
}

int raise(int sig) { return kill(getpid(), sig); }

int killpg(pid_t pgrp, int sig)
{
    if (pgrp <= 1) {
        errno = EINVAL;
        return -1;
    }
    return kill(-pgrp, sig);
}

/* newlib declares these as macros too; the functions serve code that #undefs. */
#undef sigemptyset
#undef sigfillset
#undef sigaddset
#undef sigdelset
#undef sigismember

static int valid(int sig)
{
    if (sig <= 0 || sig >= NSIG) {
        errno = EINVAL;
        return 0;
    }
    return 1;
}

int sigemptyset(sigset_t* set) { *set = 0; return 0; }
int sigfillset(sigset_t* set) { *set = ~(sigset_t)0; return 0; }
int sigaddset(sigset_t* set, const int sig) { if (!valid(sig)) return -1; *set |= UNUM_SIGBIT(sig); return 0; }
int sigdelset(sigset_t* set, const int sig) { if (!valid(sig)) return -1; *set &= ~UNUM_SIGBIT(sig); return 0; }
int sigismember(const sigset_t* set, int sig) { if (!valid(sig)) return -1; return (*set & UNUM_SIGBIT(sig)) != 0; }
