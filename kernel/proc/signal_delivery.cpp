// Signal delivery and the signal system calls (see signal_delivery.h). A handler
// runs on the user stack below a SignalFrame holding the interrupted registers
// and mask; its return address is libc's restorer, which calls sigreturn.
#include "kernel/proc/signal_delivery.h"

#include "kernel/abi/unum_abi.h"
#include "kernel/abi/unum_signal.h"
#include "kernel/abi/unum_types.h"
#include "kernel/proc/process.h"
#include "kernel/proc/process_lifecycle.h"
#include "kernel/proc/process_table.h"
#include "kernel/syscall/user_ptr.h"

namespace {

struct SignalFrame {
    arch::UserRegisters registers;
    u64 blocked;
    u64 magic;
};

constexpr u64 SIGNAL_FRAME_MAGIC = 0x554e554d5349474eull; // "UNUMSIGN"
constexpr u64 RED_ZONE = 128;

void notify_parent(Process& process)
{
    if (RefPtr<Process> parent = process_table::find(process.parent_pid())) {
        SpinlockGuard guard(parent->lock());
        parent->signals().post(signals::SIGCHLD);
        parent->child_events().wake_all();
    }
}

// Sleeps until a SIGCONT (or SIGKILL) arrives for a stopped process.
void stop_current(Process& process, int signal)
{
    {
        SpinlockGuard guard(process.lock());
        process.set_state(ProcessState::Stopped);
        process.set_wait_status(UNUM_W_STOPPED(signal));
        process.set_stop_reported(false);
    }
    notify_parent(process);
    for (;;) {
        SpinlockGuard guard(process.lock());
        u64 pending = process.signals().pending();
        if (pending & (signals::bit(signals::SIGCONT) | signals::bit(signals::SIGKILL)))
            break;
        (void)process.child_events().wait(process.lock(), 50);
    }
    SpinlockGuard guard(process.lock());
    process.set_state(ProcessState::Running);
}

bool push_handler_frame(arch::UserRegisters& registers, signals::Delivery const& delivery, u64 blocked_before)
{
    u64 sp = arch::user_stack_pointer(registers) - RED_ZONE;
    sp = (sp - sizeof(SignalFrame)) & ~u64(15);
    u64 frame_address = sp;
    SignalFrame frame { registers, blocked_before, SIGNAL_FRAME_MAGIC };
    if (arch::copy_to_user(frame_address, &frame, sizeof(frame)).is_error())
        return false;
    // The restorer is the handler's return address: rsp % 16 == 8 at entry.
    sp -= 8;
    if (arch::copy_to_user(sp, &delivery.action.restorer, sizeof(u64)).is_error())
        return false;
    arch::enter_signal_handler(registers, delivery.action.handler, sp, delivery.signal);
    return true;
}

} // namespace

bool current_has_deliverable_signal()
{
    Process* process = current_process();
    if (!process)
        return false;
    SpinlockGuard guard(process->lock());
    return process->signals().pending() & ~process->signals().blocked();
}

// Calls SA_RESTART does not restart: their timeouts would start over (POSIX
// leaves nanosleep, poll and select interrupted whatever the flag says).
static bool is_restartable(u64 number)
{
    return number != UNUM_SYS_NANOSLEEP && number != UNUM_SYS_POLL && number != UNUM_SYS_SELECT
        && number != UNUM_SYS_SIGRETURN;
}

bool deliver_pending_signals(arch::UserRegisters& registers, InterruptedCall const* interrupted)
{
    Process* process = current_process();
    if (!process)
        return false;
    for (;;) {
        signals::Delivery delivery;
        u64 blocked_before;
        {
            SpinlockGuard guard(process->lock());
            blocked_before = process->signals().blocked();
            delivery = process->signals().take_next();
            if (delivery.disposition == signals::Disposition::Handle) {
                u64 mask = blocked_before | delivery.action.mask;
                if (!(delivery.action.flags & UNUM_SA_NODEFER))
                    mask |= signals::bit(delivery.signal);
                process->signals().set_blocked(mask);
                if (delivery.action.flags & UNUM_SA_RESETHAND)
                    (void)process->signals().set_action(delivery.signal, {});
            }
        }
        switch (delivery.disposition) {
        case signals::Disposition::None:
            return false;
        case signals::Disposition::Ignore:
        case signals::Disposition::Continue:
            continue;
        case signals::Disposition::Terminate:
            exit_current_process(UNUM_W_SIGNALED(delivery.signal));
        case signals::Disposition::CoreDump:
            exit_current_process(UNUM_W_SIGNALED(delivery.signal) | 0x80);
        case signals::Disposition::Stop:
            stop_current(*process, delivery.signal);
            continue;
        case signals::Disposition::Handle:
            if (interrupted && (delivery.action.flags & UNUM_SA_RESTART) && is_restartable(interrupted->number))
                arch::restart_system_call(registers, interrupted->number);
            if (!delivery.action.restorer || !push_handler_frame(registers, delivery, blocked_before))
                exit_current_process(UNUM_W_SIGNALED(signals::SIGSEGV)); // no way to run the handler
            return true; // one handler at a time; the rest are delivered at sigreturn
        }
    }
}

Result<u64> sys_sigaction(SyscallArgs const& args)
{
    Process* process = current_process();
    if (!process)
        return Error::NoSuchProcess;
    int signal = int(args.arg[0]);
    if (!signals::is_valid(signal))
        return Error::InvalidArgument;
    unum_sigaction new_action {};
    if (args.arg[1])
        new_action = TRY(UserPtr<unum_sigaction>(args.arg[1]).read());
    signals::Action old;
    {
        SpinlockGuard guard(process->lock());
        old = process->signals().action(signal);
        if (args.arg[1]) {
            signals::Action action { new_action.handler, new_action.mask, u32(new_action.flags), new_action.restorer };
            if (!process->signals().set_action(signal, action))
                return Error::InvalidArgument;
        }
    }
    if (args.arg[2]) {
        unum_sigaction out { old.handler, old.flags, old.restorer, old.mask };
        TRY(UserPtr<unum_sigaction>(args.arg[2]).write(out));
    }
    return 0;
}

Result<u64> sys_sigprocmask(SyscallArgs const& args)
{
    Process* process = current_process();
    if (!process)
        return Error::NoSuchProcess;
    u64 set = 0;
    if (args.arg[1])
        set = TRY(UserPtr<u64>(args.arg[1]).read());
    u64 old;
    {
        SpinlockGuard guard(process->lock());
        old = process->signals().blocked();
        if (args.arg[1]) {
            switch (args.arg[0]) {
            case UNUM_SIG_SETMASK: process->signals().set_blocked(set); break;
            case UNUM_SIG_BLOCK: process->signals().set_blocked(old | set); break;
            case UNUM_SIG_UNBLOCK: process->signals().set_blocked(old & ~set); break;
            default: return Error::InvalidArgument;
            }
        }
    }
    if (args.arg[2])
        TRY(UserPtr<u64>(args.arg[2]).write(old));
    return 0;
}

Result<u64> sys_sigreturn(SyscallArgs const& args)
{
    Process* process = current_process();
    if (!process || !args.registers)
        return Error::NoSuchProcess;
    // The handler's `ret` popped the restorer address: the frame is at rsp.
    SignalFrame frame = TRY(UserPtr<SignalFrame>(arch::user_stack_pointer(*args.registers)).read());
    if (frame.magic != SIGNAL_FRAME_MAGIC || !arch::sanitize_user_registers(frame.registers))
        exit_current_process(UNUM_W_SIGNALED(signals::SIGSEGV));
    *args.registers = frame.registers;
    {
        SpinlockGuard guard(process->lock());
        process->signals().set_blocked(frame.blocked);
    }
    return u64(SYSCALL_KEEP_REGISTERS);
}
