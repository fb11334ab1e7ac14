// System calls that name files by path, plus the descriptor-level stat, getdents
// and pipe: open, stat, fstat, mkdir, rmdir, unlink, rename, chdir, getcwd,
// getdents, pipe. Paths are copied in (bounded by UNUM_PATH_MAX) before use.
#include "fs/pipe/pipe.h"
#include "fs/vfs/fd_table.h"
#include "fs/vfs/file_flags.h"
#include "fs/vfs/open_file_description.h"
#include "fs/vfs/vnode.h"
#include "kernel/abi/unum_types.h"
#include "kernel/proc/process.h"
#include "kernel/proc/system_vfs.h"
#include "kernel/syscall/syscall_families.h"
#include "kernel/syscall/user_ptr.h"

namespace {

struct PathArgument {
    char text[UNUM_PATH_MAX];
    usize length { 0 };
    StringView view() const { return { text, length }; }
};

Result<void> copy_path(u64 user, PathArgument& out)
{
    out.length = TRY(copy_string_from_user(user, out.text, sizeof(out.text)));
    if (out.length == 0)
        return Error::NoEntry;
    return {};
}

struct Context {
    Process* process;
    Vfs* vfs;
    NonnullRefPtr<Vnode> cwd;
};

Result<Context> context()
{
    Process* process = current_process();
    Vfs* vfs = system_vfs();
    if (!process || !vfs)
        return Error::NoEntry;
    RefPtr<Vnode> cwd = process->cwd();
    if (!cwd)
        cwd = vfs->root();
    return Context { process, vfs, cwd.release_nonnull() };
}

unum_stat to_user_stat(VnodeStat const& s)
{
    unum_stat out {};
    out.st_dev = u16(s.fs_id);
    out.st_ino = u16(s.inode); // newlib's st_ino is 16 bits
    out.st_mode = s.mode;
    out.st_nlink = u16(s.nlink);
    out.st_uid = u16(s.uid);
    out.st_gid = u16(s.gid);
    out.st_rdev = u16(s.rdev);
    out.st_size = long(s.size);
    out.st_mtim.tv_sec = long(s.mtime);
    out.st_atim = out.st_mtim;
    out.st_ctim = out.st_mtim;
    out.st_blksize = long(s.block_size);
    out.st_blocks = long(s.blocks);
    return out;
}

u8 dirent_type(VnodeKind kind)
{
    switch (kind) {
    case VnodeKind::Regular: return UNUM_DT_REG;
    case VnodeKind::Directory: return UNUM_DT_DIR;
    case VnodeKind::CharDevice: return UNUM_DT_CHR;
    case VnodeKind::Fifo: return UNUM_DT_FIFO;
    case VnodeKind::Symlink: return UNUM_DT_LNK;
    case VnodeKind::Socket: return UNUM_DT_SOCK;
    }
    return UNUM_DT_UNKNOWN;
}

} // namespace

Result<u64> sys_open(SyscallArgs const& args)
{
    PathArgument path;
    TRY(copy_path(args.arg[0], path));
    Context c = TRY(context());
    u32 flags = u32(args.arg[1]);
    auto file = TRY(c.vfs->open(path.view(), flags, u32(args.arg[2]) & 07777, c.process->credentials(), *c.cwd));
    return u64(TRY(c.process->fds()->allocate(file, flags & UNUM_O_CLOEXEC)));
}

Result<u64> sys_stat(SyscallArgs const& args)
{
    PathArgument path;
    TRY(copy_path(args.arg[0], path));
    Context c = TRY(context());
    VnodeStat s = TRY(c.vfs->stat(path.view(), c.process->credentials(), *c.cwd));
    TRY(UserPtr<unum_stat>(args.arg[1]).write(to_user_stat(s)));
    return 0;
}

Result<u64> sys_fstat(SyscallArgs const& args)
{
    Context c = TRY(context());
    if (args.arg[0] > 0x7fffffff)
        return Error::BadFd;
    auto file = TRY(c.process->fds()->get(int(args.arg[0])));
    VnodeStat s = TRY(file->stat());
    TRY(UserPtr<unum_stat>(args.arg[1]).write(to_user_stat(s)));
    return 0;
}

Result<u64> sys_mkdir(SyscallArgs const& args)
{
    PathArgument path;
    TRY(copy_path(args.arg[0], path));
    Context c = TRY(context());
    TRY(c.vfs->mkdir(path.view(), u32(args.arg[1]) & 07777, c.process->credentials(), *c.cwd));
    return 0;
}

Result<u64> sys_rmdir(SyscallArgs const& args)
{
    PathArgument path;
    TRY(copy_path(args.arg[0], path));
    Context c = TRY(context());
    TRY(c.vfs->rmdir(path.view(), c.process->credentials(), *c.cwd));
    return 0;
}

Result<u64> sys_unlink(SyscallArgs const& args)
{
    PathArgument path;
    TRY(copy_path(args.arg[0], path));
    Context c = TRY(context());
    TRY(c.vfs->unlink(path.view(), c.process->credentials(), *c.cwd));
    return 0;
}

Result<u64> sys_rename(SyscallArgs const& args)
{
    PathArgument from;
    PathArgument to;
    TRY(copy_path(args.arg[0], from));
    TRY(copy_path(args.arg[1], to));
    Context c = TRY(context());
    TRY(c.vfs->rename(from.view(), to.view(), c.process->credentials(), *c.cwd));
    return 0;
}

Result<u64> sys_chdir(SyscallArgs const& args)
{
    PathArgument path;
    TRY(copy_path(args.arg[0], path));
    Context c = TRY(context());
    auto directory = TRY(c.vfs->chdir(path.view(), c.process->credentials(), *c.cwd));
    c.process->set_cwd(directory);
    return 0;
}

Result<u64> sys_getcwd(SyscallArgs const& args)
{
    Context c = TRY(context());
    char path[UNUM_PATH_MAX];
    usize length = TRY(c.vfs->getcwd(*c.cwd, path, sizeof(path)));
    if (length + 1 > args.arg[1])
        return Error::OutOfRange;
    TRY(arch::copy_to_user(args.arg[0], path, length + 1));
    return length + 1;
}

Result<u64> sys_getdents(SyscallArgs const& args)
{
    Context c = TRY(context());
    if (args.arg[0] > 0x7fffffff)
        return Error::BadFd;
    auto file = TRY(c.process->fds()->get(int(args.arg[0])));
    u64 user = args.arg[1];
    usize capacity = args.arg[2];
    usize used = 0;
    for (;;) {
        // One entry at a time, so an entry that does not fit stays for the next call.
        u64 before = file->offset();
        DirectoryEntry entry;
        usize n = TRY(file->read_directory(&entry, 1));
        if (n == 0)
            break;
        usize record = UNUM_DIRENT_RECLEN(entry.name_length);
        if (used + record > capacity) {
            TRY(file->seek(i64(before), SeekWhence::Set));
            if (used == 0)
                return Error::InvalidArgument;
            break;
        }
        u8 bytes[UNUM_DIRENT_RECLEN(UNUM_NAME_MAX)] {};
        unum_dirent header {};
        header.d_ino = entry.inode;
        header.d_reclen = u16(record);
        header.d_type = dirent_type(entry.kind);
        __builtin_memcpy(bytes, &header, UNUM_DIRENT_NAME_OFFSET);
        __builtin_memcpy(bytes + UNUM_DIRENT_NAME_OFFSET, entry.name, entry.name_length);
        TRY(arch::copy_to_user(user + used, bytes, record));
        used += record;
    }
    return used;
}

Result<u64> sys_pipe(SyscallArgs const& args)
{
    Context c = TRY(context());
    auto ends = TRY(Pipe::create_pair());
    int read_fd = TRY(c.process->fds()->allocate(ends.read_end));
    auto write_fd = c.process->fds()->allocate(ends.write_end);
    if (write_fd.is_error()) {
        (void)c.process->fds()->close(read_fd);
        return write_fd.error();
    }
    int fds[2] = { read_fd, write_fd.value() };
    if (auto copied = UserPtr<int>(args.arg[0]).write_array(fds, 2); copied.is_error()) {
        (void)c.process->fds()->close(read_fd);
        (void)c.process->fds()->close(write_fd.value());
        return copied.error();
    }
    return 0;
}
