// fork and execve (see fork.h).
#include "kernel/proc/fork.h"

#include "fs/vfs/fd_table.h"
#include "fs/vfs/vnode.h"
#include "kernel/abi/unum_types.h"
#include "kernel/proc/exec.h"
#include "kernel/proc/process.h"
#include "kernel/proc/process_table.h"
#include "kernel/proc/system_vfs.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/thread.h"
#include "kernel/syscall/user_ptr.h"
#include "kernel/vm/address_space.h"

namespace {

struct ForkStart {
    Process* process;
    arch::UserRegisters registers;
};

void fork_child_start(void* raw)
{
    ForkStart start = *static_cast<ForkStart*>(raw);
    delete static_cast<ForkStart*>(raw);
    sched::current().set_owner_process(start.process);
    start.process->address_space()->activate();
    arch::resume_user_mode(start.registers);
}

struct UserCount {
    u32 uid;
    usize count;
};

void count_user(Process& process, void* raw)
{
    auto* counter = static_cast<UserCount*>(raw);
    if (process.credentials().uid == counter->uid)
        ++counter->count;
}

Result<void> check_process_limits(Credentials const& credentials)
{
    if (process_table::count() >= MAX_PROCESSES)
        return Error::TryAgain;
    if (credentials.is_superuser())
        return {};
    UserCount counter { credentials.uid, 0 };
    process_table::for_each(count_user, &counter);
    if (counter.count >= MAX_PROCESSES_PER_USER)
        return Error::TryAgain;
    return {};
}

// Copies argv or envp (a NULL-terminated array of string pointers) into arena,
// recording each string's offset. E2BIG past the limits.
constexpr usize MAX_STRINGS = 1024;
constexpr usize MAX_STRING_BYTES = 128 * KiB;

Result<void> copy_string_array(u64 user_array, Vector<char>& arena, Vector<usize>& offsets)
{
    if (!user_array)
        return {};
    for (usize i = 0;; ++i) {
        if (i == MAX_STRINGS)
            return Error::ArgListTooLong;
        u64 pointer = TRY(UserPtr<u64>(user_array).offset(i).read());
        if (!pointer)
            return {};
        char buffer[4096];
        usize length = TRY(copy_string_from_user(pointer, buffer, sizeof(buffer)));
        if (arena.size() + length + 1 > MAX_STRING_BYTES)
            return Error::ArgListTooLong;
        TRY(offsets.try_append(arena.size()));
        TRY(arena.try_append(buffer, length + 1));
    }
}

Result<Vector<StringView>> views_of(Vector<char> const& arena, Vector<usize> const& offsets)
{
    Vector<StringView> views;
    for (usize offset : offsets)
        TRY(views.try_append(StringView(arena.data() + offset)));
    return views;
}

} // namespace

Result<u64> sys_fork(SyscallArgs const& args)
{
    Process* parent = current_process();
    if (!parent || !args.registers || !parent->address_space())
        return Error::NoSuchProcess;
    TRY(check_process_limits(parent->credentials()));

    auto child = TRY(Process::create(parent->name(), parent->pid(), parent->credentials()));
    auto cleanup = [&child] { process_table::remove(child->pid()); };
    auto space = parent->address_space()->clone_for_fork();
    auto fds = parent->fds() ? parent->fds()->clone() : FdTable::create();
    if (space.is_error() || fds.is_error()) {
        cleanup();
        return space.is_error() ? space.error() : fds.error();
    }
    child->set_address_space(space.release_value());
    child->set_fds(fds.release_value());
    child->set_cwd(parent->cwd());
    child->copy_command_line_from(*parent);
    child->set_process_group(parent->process_group());
    child->set_session(parent->session());
    {
        SpinlockGuard guard(parent->lock());
        child->signals() = parent->signals();
    }
    child->signals().clear_pending();

    auto* start = new (std::nothrow) ForkStart { child.ptr(), *args.registers };
    if (!start) {
        cleanup();
        return Error::NoMemory;
    }
    arch::set_user_return_value(start->registers, 0);
    auto thread = Thread::create(child->name(), fork_child_start, start, sched::PRIORITY_NORMAL);
    if (thread.is_error()) {
        delete start;
        cleanup();
        return thread.error();
    }
    child->set_main_thread(thread.release_value());
    return u64(child->pid());
}

Result<u64> sys_execve(SyscallArgs const& args)
{
    Process* process = current_process();
    Vfs* vfs = system_vfs();
    if (!process || !args.registers || !vfs)
        return Error::NoSuchProcess;
    char path[UNUM_PATH_MAX];
    usize path_length = TRY(copy_string_from_user(args.arg[0], path, sizeof(path)));
    if (path_length == 0)
        return Error::NoEntry;
    Vector<char> argument_arena, environment_arena;
    Vector<usize> argument_offsets, environment_offsets;
    TRY(copy_string_array(args.arg[1], argument_arena, argument_offsets));
    TRY(copy_string_array(args.arg[2], environment_arena, environment_offsets));
    auto arguments = TRY(views_of(argument_arena, argument_offsets));
    auto environment = TRY(views_of(environment_arena, environment_offsets));

    RefPtr<Vnode> cwd = process->cwd();
    if (!cwd)
        cwd = vfs->root();
    LoadedProgram program = TRY(load_program(StringView(path, path_length), *cwd, process->credentials(),
        arguments.data(), arguments.size(), environment.data(), environment.size()));

    // Past the point of no return: the old program is gone.
    RefPtr<AddressSpace> old_space = process->address_space();
    process->set_address_space(program.address_space);
    program.address_space->activate();
    old_space = nullptr;
    {
        SpinlockGuard guard(process->lock());
        process->signals().reset_for_exec();
    }
    if (process->fds())
        process->fds()->close_on_exec_fds();
    StringView name = StringView(path, path_length);
    if (auto slash = name.find_last('/'))
        name = name.substring(*slash + 1);
    char short_name[Process::NAME_CAPACITY];
    usize n = name.length() < sizeof(short_name) - 1 ? name.length() : sizeof(short_name) - 1;
    __builtin_memcpy(short_name, name.characters(), n);
    short_name[n] = 0;
    process->set_name(short_name);
    process->set_command_line(arguments.data(), arguments.size());
    arch::reset_user_registers(*args.registers, program.entry, program.stack_pointer);
    return u64(SYSCALL_KEEP_REGISTERS);
}
