// Signal disposition logic (see signal_state.h).
#include "kernel/proc/signal_state.h"

namespace signals {
namespace {

constexpr u64 STOP_SIGNALS = bit(SIGSTOP) | bit(SIGTSTP) | bit(SIGTTIN) | bit(SIGTTOU);
constexpr u64 UNBLOCKABLE = bit(SIGKILL) | bit(SIGSTOP);

} // namespace

DefaultAction default_action(int signal)
{
    switch (signal) {
    case SIGCHLD:
    case SIGURG:
    case SIGWINCH:
    case SIGIO:
        return DefaultAction::Ignore;
    case SIGSTOP:
    case SIGTSTP:
    case SIGTTIN:
    case SIGTTOU:
        return DefaultAction::Stop;
    case SIGCONT:
        return DefaultAction::Continue;
    case SIGQUIT:
    case SIGILL:
    case SIGTRAP:
    case SIGABRT:
    case SIGEMT:
    case SIGFPE:
    case SIGBUS:
    case SIGSEGV:
    case SIGSYS:
    case SIGXCPU:
    case SIGXFSZ:
        return DefaultAction::CoreDump;
    default:
        return DefaultAction::Terminate;
    }
}

char const* signal_name(int signal)
{
    static char const* const names[NSIG] = { "0", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "EMT", "FPE",
        "KILL", "BUS", "SEGV", "SYS", "PIPE", "ALRM", "TERM", "URG", "STOP", "TSTP", "CONT", "CHLD", "TTIN",
        "TTOU", "IO", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "LOST", "USR1", "USR2" };
    return is_valid(signal) ? names[signal] : "?";
}

void SignalState::post(int signal)
{
    if (!is_valid(signal))
        return;
    if (signal == SIGCONT)
        m_pending &= ~STOP_SIGNALS;
    if (STOP_SIGNALS & bit(signal))
        m_pending &= ~bit(SIGCONT);
    Action const& a = m_actions[signal];
    bool ignored = a.handler == HANDLER_IGNORE
        || (a.handler == HANDLER_DEFAULT && default_action(signal) == DefaultAction::Ignore);
    // SIGCONT must still continue a stopped process even when its action is ignore.
    if (ignored && signal != SIGCONT)
        return;
    m_pending |= bit(signal);
}

void SignalState::set_blocked(u64 mask) { m_blocked = mask & ~UNBLOCKABLE & ~u64(1); }

bool SignalState::set_action(int signal, Action const& action)
{
    if (!is_valid(signal) || signal == SIGKILL || signal == SIGSTOP)
        return false;
    m_actions[signal] = action;
    if (action.handler == HANDLER_IGNORE
        || (action.handler == HANDLER_DEFAULT && default_action(signal) == DefaultAction::Ignore))
        m_pending &= ~bit(signal); // POSIX: setting ignore discards a pending signal
    return true;
}

Delivery SignalState::take_next()
{
    u64 deliverable = m_pending & ~m_blocked;
    if (!deliverable)
        return {};
    int signal = __builtin_ctzll(deliverable);
    m_pending &= ~bit(signal);
    Action const& action = m_actions[signal];
    Delivery delivery { Disposition::None, signal, action };
    if (action.handler == HANDLER_IGNORE) {
        delivery.disposition = signal == SIGCONT ? Disposition::Continue : Disposition::Ignore;
        return delivery;
    }
    if (action.handler != HANDLER_DEFAULT) {
        delivery.disposition = Disposition::Handle;
        return delivery;
    }
    switch (default_action(signal)) {
    case DefaultAction::Terminate: delivery.disposition = Disposition::Terminate; break;
    case DefaultAction::CoreDump: delivery.disposition = Disposition::CoreDump; break;
    case DefaultAction::Ignore: delivery.disposition = Disposition::Ignore; break;
    case DefaultAction::Stop: delivery.disposition = Disposition::Stop; break;
    case DefaultAction::Continue: delivery.disposition = Disposition::Continue; break;
    }
    return delivery;
}

void SignalState::reset_for_exec()
{
    for (auto& action : m_actions) {
        if (action.handler != HANDLER_IGNORE)
            action = Action {};
    }
}

} // namespace signals
