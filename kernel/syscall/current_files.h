// The calling process's fd table and open files, for the syscall families that
// take file descriptors (file I/O, poll/select, sockets).
#pragma once

#include "fs/vfs/fd_table.h"
#include "fs/vfs/open_file_description.h"
#include "kernel/lib/result.h"

// BadFd when the caller has no fd table (a kernel thread).
Result<FdTable*> current_fds();
// The open file behind fd (a raw syscall argument); BadFd when not open.
Result<NonnullRefPtr<OpenFileDescription>> file_for(u64 fd);

// A write found no reader (EPIPE): the caller gets SIGPIPE as well, as POSIX says.
void signal_broken_pipe();
