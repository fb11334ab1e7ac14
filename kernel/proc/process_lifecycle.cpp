// Process start and exit on this node (see process_lifecycle.h).
#include "kernel/proc/process_lifecycle.h"

#include "fs/vfs/fd_table.h"
#include "fs/vfs/vnode.h"
#include "kernel/abi/unum_types.h"
#include "kernel/arch/user_memory.h"
#include "kernel/arch/user_mode.h"
#include "kernel/log/klog.h"
#include "kernel/proc/exec.h"
#include "kernel/proc/process_table.h"
#include "kernel/proc/signal_delivery.h"
#include "kernel/proc/system_vfs.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/thread.h"

namespace {

struct StartInfo {
    Process* process;
    VirtAddr entry;
    VirtAddr stack_pointer;
};

Pid g_first_process = 0;

// First code of a user process's main thread: adopt the process, switch to its
// address space, and leave for user mode.
void user_thread_start(void* raw)
{
    StartInfo info = *static_cast<StartInfo*>(raw);
    delete static_cast<StartInfo*>(raw);
    sched::current().set_owner_process(info.process);
    info.process->address_space()->activate();
    arch::enter_user_mode(info.entry, info.stack_pointer);
}

void switch_address_space(Thread& next)
{
    auto* process = static_cast<Process*>(next.owner_process());
    if (process && process->address_space())
        process->address_space()->activate_page_table();
}

StringView base_name(StringView path)
{
    auto slash = path.find_last('/');
    return slash ? path.substring(*slash + 1) : path;
}

void reparent_child(Process& child, void* context)
{
    auto const* exiting = static_cast<Process const*>(context);
    if (child.parent_pid() == exiting->pid())
        child.set_parent_pid(g_first_process);
}

} // namespace

void process_lifecycle_init()
{
    sched::set_switch_hook(switch_address_space);
    sched::set_interruption_check(current_has_deliverable_signal);
}

Result<NonnullRefPtr<Process>> spawn_process(SpawnRequest request)
{
    Vfs* vfs = system_vfs();
    if (!vfs)
        return Error::NoEntry;
    NonnullRefPtr<Vnode> root = vfs->root();
    LoadedProgram program = TRY(load_program(request.path, *root, request.credentials, request.arguments,
        request.argument_count, request.environment, request.environment_count));

    char name[Process::NAME_CAPACITY];
    StringView base = base_name(request.path);
    usize n = base.length() < sizeof(name) - 1 ? base.length() : sizeof(name) - 1;
    for (usize i = 0; i < n; ++i)
        name[i] = base[i];
    name[n] = 0;

    auto process = TRY(Process::create(name, request.parent, request.credentials));
    process->set_address_space(program.address_space);
    process->set_command_line(request.arguments, request.argument_count);
    if (!request.fds)
        request.fds = TRY(FdTable::create());
    process->set_fds(std::move(request.fds));
    process->set_cwd(root);
    if (g_first_process == 0)
        g_first_process = process->pid();

    auto* info = new (std::nothrow) StartInfo { process.ptr(), program.entry, program.stack_pointer };
    if (!info) {
        process_table::remove(process->pid());
        return Error::NoMemory;
    }
    auto thread = Thread::create(name, user_thread_start, info, sched::PRIORITY_NORMAL);
    if (thread.is_error()) {
        delete info;
        process_table::remove(process->pid());
        return thread.error();
    }
    process->set_main_thread(thread.release_value());
    return process;
}

[[noreturn]] void exit_current_process(int wait_status)
{
    Process* process = current_process();
    KASSERT(process);
    if (process->fds())
        process->fds()->close_all();
    // Leave the address space before freeing it; kernel threads run on any table.
    sched::current().set_owner_process(nullptr);
    arch::activate_kernel_page_table();
    process->set_address_space(nullptr);

    process_table::for_each(reparent_child, process);
    {
        SpinlockGuard guard(process->lock());
        process->set_wait_status(wait_status);
        process->set_state(ProcessState::Zombie);
    }
    if (process->pid() == g_first_process)
        log_error("the first process (pid %d) exited with status 0x%x", process->pid(), wait_status);
    if (RefPtr<Process> parent = process_table::find(process->parent_pid())) {
        SpinlockGuard guard(parent->lock());
        parent->signals().post(signals::SIGCHLD);
        parent->child_events().wake_all();
    }
    sched::thread_exit_current();
}
