// Process construction, naming and ownership of its resources (see process.h).
#include "kernel/proc/process.h"

#include "fs/vfs/fd_table.h"
#include "fs/vfs/vnode.h"
#include "kernel/arch/time.h"
#include "kernel/proc/process_table.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/thread.h"
#include "kernel/vm/address_space.h"

Process::Process(Pid pid, Pid parent, Credentials credentials)
    : m_pid(pid)
    , m_parent(parent)
    , m_process_group(pid)
    , m_session(pid)
    , m_credentials(credentials)
    , m_start_ns(arch::monotonic_ns())
{
}

Process::~Process() = default;

Result<NonnullRefPtr<Process>> Process::create(char const* name, Pid parent, Credentials credentials)
{
    Pid pid = TRY(process_table::allocate_pid());
    auto* raw = new (std::nothrow) Process(pid, parent, credentials);
    if (!raw)
        return Error::NoMemory;
    NonnullRefPtr<Process> process = adopt_ref(*raw);
    process->set_name(name);
    TRY(process_table::add(process));
    return process;
}

void Process::set_name(char const* name)
{
    usize i = 0;
    for (; name && name[i] && i + 1 < NAME_CAPACITY; ++i)
        m_name[i] = name[i];
    m_name[i] = 0;
}

void Process::set_command_line(StringView const* arguments, usize count)
{
    usize length = 0;
    for (usize i = 0; i < count; ++i) {
        for (usize k = 0; k < arguments[i].length() && length < COMMAND_LINE_CAPACITY; ++k)
            m_command_line[length++] = u8(arguments[i][k]);
        if (length < COMMAND_LINE_CAPACITY)
            m_command_line[length++] = 0;
    }
    m_command_line_length = length;
}

void Process::copy_command_line_from(Process const& other)
{
    __builtin_memcpy(m_command_line, other.m_command_line, other.m_command_line_length);
    m_command_line_length = other.m_command_line_length;
}

void Process::set_address_space(RefPtr<AddressSpace> space) { m_address_space = std::move(space); }
void Process::set_fds(OwnPtr<FdTable> fds) { m_fds = std::move(fds); }
void Process::set_cwd(RefPtr<Vnode> cwd) { m_cwd = std::move(cwd); }
void Process::set_main_thread(RefPtr<Thread> thread) { m_main_thread = std::move(thread); }

Process* current_process()
{
    Thread* thread = sched::current_or_null();
    return thread ? static_cast<Process*>(thread->owner_process()) : nullptr;
}
