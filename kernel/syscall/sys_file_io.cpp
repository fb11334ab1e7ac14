// File I/O system calls: read, write, lseek, close, dup, dup2, fcntl, ioctl. Data
// moves through a kernel bounce buffer, one chunk at a time, so a user buffer is
// never touched directly and a bad one fails with EFAULT.
#include "fs/vfs/fd_table.h"
#include "fs/vfs/file_flags.h"
#include "fs/vfs/open_file_description.h"
#include "kernel/abi/unum_types.h"
#include "kernel/lib/own_ptr.h"
#include "kernel/proc/process.h"
#include "kernel/syscall/current_files.h"
#include "kernel/syscall/syscall_families.h"
#include "kernel/syscall/user_ptr.h"

namespace {

// The largest heap size class: a bounce buffer that is a slab object, not a page
// from the frame allocator on every read and write.
constexpr usize CHUNK = 2048;

struct Bounce {
    u8* bytes;
    Bounce()
        : bytes(new (std::nothrow) u8[CHUNK])
    {
    }
    ~Bounce() { delete[] bytes; }
};

} // namespace

Result<u64> sys_read(SyscallArgs const& args)
{
    auto file = TRY(file_for(args.arg[0]));
    u64 user = args.arg[1];
    usize length = args.arg[2];
    if (!file->is_readable())
        return Error::BadFd;
    Bounce buffer;
    if (!buffer.bytes)
        return Error::NoMemory;
    usize done = 0;
    while (done < length) {
        usize want = length - done < CHUNK ? length - done : CHUNK;
        auto n = file->read(buffer.bytes, want);
        if (n.is_error())
            return done ? Result<u64>(done) : Result<u64>(n.error());
        TRY(arch::copy_to_user(user + done, buffer.bytes, n.value()));
        done += n.value();
        // A short read (terminal line, pipe, end of file) ends the call.
        if (n.value() < want)
            break;
    }
    return done;
}

Result<u64> sys_write(SyscallArgs const& args)
{
    auto file = TRY(file_for(args.arg[0]));
    u64 user = args.arg[1];
    usize length = args.arg[2];
    if (!file->is_writable())
        return Error::BadFd;
    Bounce buffer;
    if (!buffer.bytes)
        return Error::NoMemory;
    usize done = 0;
    while (done < length) {
        usize chunk = length - done < CHUNK ? length - done : CHUNK;
        TRY(arch::copy_from_user(buffer.bytes, user + done, chunk));
        auto n = file->write(buffer.bytes, chunk);
        if (n.is_error()) {
            if (n.error() == Error::BrokenPipe)
                signal_broken_pipe();
            return done ? Result<u64>(done) : Result<u64>(n.error());
        }
        done += n.value();
        if (n.value() < chunk)
            break;
    }
    return done;
}

Result<u64> sys_lseek(SyscallArgs const& args)
{
    auto file = TRY(file_for(args.arg[0]));
    if (args.arg[2] > UNUM_SEEK_END)
        return Error::InvalidArgument;
    return file->seek(i64(args.arg[1]), SeekWhence(args.arg[2]));
}

Result<u64> sys_close(SyscallArgs const& args)
{
    if (args.arg[0] > 0x7fffffff)
        return Error::BadFd;
    FdTable* fds = TRY(current_fds());
    TRY(fds->close(int(args.arg[0])));
    return 0;
}

Result<u64> sys_dup(SyscallArgs const& args)
{
    if (args.arg[0] > 0x7fffffff)
        return Error::BadFd;
    FdTable* fds = TRY(current_fds());
    return u64(TRY(fds->dup(int(args.arg[0]))));
}

Result<u64> sys_dup2(SyscallArgs const& args)
{
    if (args.arg[0] > 0x7fffffff || args.arg[1] > 0x7fffffff)
        return Error::BadFd;
    FdTable* fds = TRY(current_fds());
    return u64(TRY(fds->dup2(int(args.arg[0]), int(args.arg[1]))));
}

Result<u64> sys_fcntl(SyscallArgs const& args)
{
    if (args.arg[0] > 0x7fffffff)
        return Error::BadFd;
    int fd = int(args.arg[0]);
    FdTable* fds = TRY(current_fds());
    auto file = TRY(fds->get(fd));
    switch (args.arg[1]) {
    case UNUM_F_DUPFD:
    case UNUM_F_DUPFD_CLOEXEC:
        if (args.arg[2] > 0x7fffffff)
            return Error::InvalidArgument;
        return u64(TRY(fds->dup(fd, int(args.arg[2]), args.arg[1] == UNUM_F_DUPFD_CLOEXEC)));
    case UNUM_F_GETFD:
        return TRY(fds->close_on_exec(fd)) ? 1 : 0;
    case UNUM_F_SETFD:
        TRY(fds->set_close_on_exec(fd, args.arg[2] & 1));
        return 0;
    case UNUM_F_GETFL:
        return file->flags();
    case UNUM_F_SETFL:
        file->set_status_flags(u32(args.arg[2]));
        return 0;
    default:
        return Error::InvalidArgument;
    }
}

Result<u64> sys_ioctl(SyscallArgs const& args)
{
    auto file = TRY(file_for(args.arg[0]));
    return u64(TRY(file->ioctl(u32(args.arg[1]), uptr(args.arg[2]))));
}
