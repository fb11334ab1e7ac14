// Starting and ending user processes on this node: spawning a program in a new
// process (the first process, and later `on NODE CMD`), exit with its zombie
// state and SIGCHLD, and the address-space switch when a thread is scheduled.
#pragma once

#include "kernel/lib/string_view.h"
#include "kernel/proc/process.h"

struct SpawnRequest {
    StringView path;
    StringView const* arguments { nullptr };
    usize argument_count { 0 };
    StringView const* environment { nullptr };
    usize environment_count { 0 };
    Credentials credentials {};
    Pid parent { 0 };
    // Descriptors the new process starts with (null: none).
    OwnPtr<FdTable> fds;
};

// Creates a process running path; it is runnable when this returns.
Result<NonnullRefPtr<Process>> spawn_process(SpawnRequest request);

// Ends the calling process with a waitpid() status (exit code << 8, or a signal
// number): closes its files, frees its memory, leaves a zombie for the parent,
// sends it SIGCHLD, and hands children to the first process.
[[noreturn]] void exit_current_process(int wait_status);

// Installs the scheduler hook that switches address spaces between processes.
void process_lifecycle_init();
