// SignalState: a process's signal dispositions, blocked mask and pending set, and
// the decision of what happens to a signal (ignore, default action, or a handler).
// Numbers follow newlib (SIGUSR1 = 30, SIGCHLD = 20, NSIG = 32). Portable and pure:
// the process layer owns the locking (Caller must hold the process lock).
#pragma once

#include "kernel/lib/types.h"

namespace signals {

inline constexpr int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGEMT = 7,
                     SIGFPE = 8, SIGKILL = 9, SIGBUS = 10, SIGSEGV = 11, SIGSYS = 12, SIGPIPE = 13,
                     SIGALRM = 14, SIGTERM = 15, SIGURG = 16, SIGSTOP = 17, SIGTSTP = 18, SIGCONT = 19,
                     SIGCHLD = 20, SIGTTIN = 21, SIGTTOU = 22, SIGIO = 23, SIGXCPU = 24, SIGXFSZ = 25,
                     SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28, SIGLOST = 29, SIGUSR1 = 30, SIGUSR2 = 31;
inline constexpr int NSIG = 32;

// sa_handler special values, as newlib defines SIG_DFL and SIG_IGN.
inline constexpr u64 HANDLER_DEFAULT = 0;
inline constexpr u64 HANDLER_IGNORE = 1;

enum class DefaultAction : u8 { Terminate, CoreDump, Ignore, Stop, Continue };
DefaultAction default_action(int signal);
char const* signal_name(int signal);

constexpr bool is_valid(int signal) { return signal > 0 && signal < NSIG; }
constexpr u64 bit(int signal) { return u64(1) << signal; }

struct Action {
    u64 handler { HANDLER_DEFAULT };
    u64 mask { 0 };  // blocked while the handler runs
    u32 flags { 0 }; // SA_* as the ABI defines them
    u64 restorer { 0 }; // where the handler returns: libc's sigreturn trampoline
};

// What delivering the next signal means for the process.
enum class Disposition : u8 { None, Ignore, Terminate, CoreDump, Stop, Continue, Handle };

struct Delivery {
    Disposition disposition { Disposition::None };
    int signal { 0 };
    Action action {};
};

class SignalState {
public:
    // Marks a signal pending. SIGCONT discards pending stop signals and stop
    // signals discard a pending SIGCONT, as POSIX requires. Ignored signals
    // (other than SIGCHLD's default) are dropped at once.
    void post(int signal);
    bool is_pending(int signal) const { return m_pending & bit(signal); }
    u64 pending() const { return m_pending; }

    u64 blocked() const { return m_blocked; }
    // SIGKILL and SIGSTOP can never be blocked.
    void set_blocked(u64 mask);

    Action const& action(int signal) const { return m_actions[signal]; }
    // Error for invalid numbers or SIGKILL/SIGSTOP (returns false).
    bool set_action(int signal, Action const& action);

    // Removes and returns the next deliverable signal (lowest number first) with
    // what it means; Disposition::None when nothing is deliverable.
    Delivery take_next();

    // fork: the child inherits dispositions and mask but no pending signals.
    void clear_pending() { m_pending = 0; }

    // exec: handlers reset to default (ignore stays ignore); mask and pending kept.
    void reset_for_exec();

private:
    u64 m_pending { 0 };
    u64 m_blocked { 0 };
    Action m_actions[NSIG] {};
};

} // namespace signals
