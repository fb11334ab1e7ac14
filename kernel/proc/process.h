// Process: a user program's state on the node where it runs now — its address
// space, open files, credentials, signals and family links (by PID, not pointer,
// so the links survive the process or its relatives moving to other nodes).
// Reached from other code through the VPROC layer (kernel/vproc/).
// Locking: m_lock guards everything mutable below unless noted.
#pragma once

#include "fs/vfs/credentials.h"
#include "kernel/lib/own_ptr.h"
#include "kernel/lib/ref_ptr.h"
#include "kernel/lib/string_view.h"
#include "kernel/proc/pid.h"
#include "kernel/proc/signal_state.h"
#include "kernel/sync/spinlock.h"
#include "kernel/sync/wait_queue.h"

class AddressSpace;
class FdTable;
class Thread;
class Vnode;

enum class ProcessState : u8 { Running, Stopped, Zombie };

class Process : public RefCounted<Process> {
public:
    static constexpr usize NAME_CAPACITY = 32;

    // A process with a fresh PID, registered in the process table.
    static Result<NonnullRefPtr<Process>> create(char const* name, Pid parent, Credentials credentials);
    ~Process();

    Pid pid() const { return m_pid; }
    Pid parent_pid() const { return m_parent; }
    void set_parent_pid(Pid parent) { m_parent = parent; }
    Pid process_group() const { return m_process_group; }
    void set_process_group(Pid pgid) { m_process_group = pgid; }
    Pid session() const { return m_session; }
    void set_session(Pid sid) { m_session = sid; }

    char const* name() const { return m_name; }
    void set_name(char const* name);
    // argv as /proc/<pid>/cmdline shows it: each argument followed by a NUL
    // (bounded by COMMAND_LINE_CAPACITY; kept from the last exec).
    static constexpr usize COMMAND_LINE_CAPACITY = 4096;
    u8 const* command_line() const { return m_command_line; }
    usize command_line_length() const { return m_command_line_length; }
    void set_command_line(StringView const* arguments, usize count);
    void copy_command_line_from(Process const& other);

    Credentials credentials() const { return m_credentials; }
    void set_credentials(Credentials credentials) { m_credentials = credentials; }

    ProcessState state() const { return m_state; }
    void set_state(ProcessState state) { m_state = state; }
    // Wait status as waitpid() reports it (exit code << 8, or the signal number).
    int wait_status() const { return m_wait_status; }
    void set_wait_status(int status) { m_wait_status = status; }
    u64 start_ns() const { return m_start_ns; }
    // waitpid(WUNTRACED) reports a stop once; cleared when the process continues.
    bool stop_reported() const { return m_stop_reported; }
    void set_stop_reported(bool reported) { m_stop_reported = reported; }

    signals::SignalState& signals() { return m_signals; }
    Spinlock& lock() { return m_lock; }
    // Parents sleep here in waitpid(); woken when a child exits or stops.
    WaitQueue& child_events() { return m_child_events; }

    AddressSpace* address_space() { return m_address_space.ptr(); }
    void set_address_space(RefPtr<AddressSpace> space);
    FdTable* fds() { return m_fds.ptr(); }
    void set_fds(OwnPtr<FdTable> fds);
    Vnode* cwd() { return m_cwd.ptr(); }
    void set_cwd(RefPtr<Vnode> cwd);

    Thread* main_thread() { return m_main_thread.ptr(); }
    void set_main_thread(RefPtr<Thread> thread);

private:
    Process(Pid pid, Pid parent, Credentials credentials);

    Pid m_pid;
    Pid m_parent;
    Pid m_process_group;
    Pid m_session;
    char m_name[NAME_CAPACITY] {};
    u8 m_command_line[COMMAND_LINE_CAPACITY] {};
    usize m_command_line_length { 0 };
    Credentials m_credentials;
    ProcessState m_state { ProcessState::Running };
    int m_wait_status { 0 };
    bool m_stop_reported { false };
    u64 m_start_ns { 0 };

    Spinlock m_lock;
    WaitQueue m_child_events;
    signals::SignalState m_signals;
    RefPtr<AddressSpace> m_address_space;
    OwnPtr<FdTable> m_fds;
    RefPtr<Vnode> m_cwd;
    RefPtr<Thread> m_main_thread;
};

// The process the current thread runs for; null in kernel threads.
Process* current_process();
