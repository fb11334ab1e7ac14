// current_fds/file_for: the calling process's files.
#include "kernel/syscall/current_files.h"

#include "kernel/proc/process.h"
#include "kernel/proc/signal_state.h"
#include "kernel/vproc/vproc.h"

Result<FdTable*> current_fds()
{
    Process* process = current_process();
    if (!process || !process->fds())
        return Error::BadFd;
    return process->fds();
}

Result<NonnullRefPtr<OpenFileDescription>> file_for(u64 fd)
{
    if (fd > 0x7fffffff)
        return Error::BadFd;
    FdTable* fds = TRY(current_fds());
    return fds->get(int(fd));
}

void signal_broken_pipe()
{
    if (Process* process = current_process())
        (void)vproc::send_signal(process->pid(), signals::SIGPIPE, Credentials::root());
}
