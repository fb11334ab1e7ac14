// PID routing, kill(2) target selection and waitpid(2) (see vproc.h).
#include "kernel/vproc/vproc.h"

#include "kernel/abi/unum_types.h"
#include "kernel/lib/vector.h"
#include "kernel/proc/process.h"
#include "kernel/proc/process_table.h"
#include "kernel/proc/signal_delivery.h"
#include "kernel/vproc/local_vproc.h"

namespace vproc {
namespace {

struct Selection {
    Pid which;
    Pid parent; // 0: any parent
    Vector<Pid> pids;
};

bool matches(Process& process, Pid which)
{
    if (which > 0)
        return process.pid() == which;
    if (which == -1)
        return true;
    return process.process_group() == -which;
}

void collect(Process& process, void* raw)
{
    auto& selection = *static_cast<Selection*>(raw);
    if (selection.parent && process.parent_pid() != selection.parent)
        return;
    if (matches(process, selection.which))
        (void)selection.pids.try_append(process.pid());
}

} // namespace

VprocOps& route(Pid) { return local_vproc(); }

Result<void> send_signal(Pid pid, int signal, Credentials const& sender, Pid sender_group)
{
    if (pid > 0)
        return route(pid).signal(pid, signal, sender);
    Selection selection { pid == 0 ? -sender_group : pid, 0, {} };
    process_table::for_each(collect, &selection);
    bool any_sent = false;
    for (Pid target : selection.pids) {
        if (!route(target).signal(target, signal, sender).is_error())
            any_sent = true;
    }
    if (selection.pids.is_empty())
        return Error::NoSuchProcess;
    return any_sent ? Result<void>() : Result<void>(Error::PermissionDenied);
}

Result<Reaped> wait_for_child(Process& parent, Pid which, u32 options)
{
    Pid selector = which == 0 ? -parent.process_group() : which;
    for (;;) {
        Selection children { selector, parent.pid(), {} };
        process_table::for_each(collect, &children);
        if (children.pids.is_empty())
            return Error::NoChild;
        for (Pid pid : children.pids) {
            RefPtr<Process> child = process_table::find(pid);
            if (child && child->state() == ProcessState::Zombie) {
                int status = child->wait_status();
                process_table::remove(pid);
                return Reaped { pid, status };
            }
            if (child && child->state() == ProcessState::Stopped && (options & UNUM_WUNTRACED)
                && !child->stop_reported()) {
                child->set_stop_reported(true);
                return Reaped { pid, child->wait_status() };
            }
        }
        if (options & UNUM_WNOHANG)
            return Reaped { 0, 0 };
        // Sleep until a child exits (the exit path wakes child_events under our
        // lock). A child that exited between the scan and this wait is caught by
        // the timeout, which bounds that window to one rescan.
        if (current_has_deliverable_signal())
            return Error::Interrupted;
        SpinlockGuard guard(parent.lock());
        (void)parent.child_events().wait(parent.lock(), 100);
    }
}

} // namespace vproc
