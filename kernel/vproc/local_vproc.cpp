// Local process operations (see local_vproc.h).
#include "kernel/vproc/local_vproc.h"

#include "kernel/proc/process.h"
#include "kernel/proc/process_table.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/thread.h"

namespace vproc {

Result<void> LocalVproc::signal(Pid pid, int signal, Credentials const& sender)
{
    RefPtr<Process> target = process_table::find(pid);
    if (!target || target->state() == ProcessState::Zombie)
        return Error::NoSuchProcess;
    if (!sender.is_superuser() && sender.uid != target->credentials().uid)
        return Error::PermissionDenied;
    if (signal == 0)
        return {};
    SpinlockGuard guard(target->lock());
    target->signals().post(signal);
    return {};
}

LocalVproc& local_vproc()
{
    static LocalVproc instance;
    return instance;
}

} // namespace vproc
