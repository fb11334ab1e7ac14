// ProcfsFile: one read-only /proc file (meminfo, uptime, cpuinfo, or a
// process's stat, status, cmdline). open() renders the whole text once from
// the providers and keeps it with the open file, so a reader sees one
// consistent snapshot across reads and seeks; stat() reports size 0, as Linux.
#pragma once

#include "fs/procfs/procfs_context.h"
#include "fs/procfs/procfs_file_kind.h"
#include "fs/vfs/open_file_description.h"

// Locks: none; the vnode is immutable and each snapshot is written once, in
// open(), before the description is shared.
class ProcfsFile final : public Vnode {
public:
    // pid is 0 for /proc's own files. uid:gid own the file (the process's).
    static Result<NonnullRefPtr<ProcfsFile>> create(NonnullRefPtr<ProcfsContext> context, ProcfsFileKind kind,
        i32 pid, u32 uid, u32 gid);

    ProcfsFileKind file_kind() const { return m_file_kind; }

    Result<VnodeStat> stat() override;
    // NoEntry if the process is gone; AccessDenied when opened for writing
    // (root passes the mode check, but nothing here is writable).
    Result<void> open(OpenFileDescription& description) override;
    Result<usize> read(OpenFileDescription& description, u64 offset, u8* buffer, usize size) override;
    Result<usize> write(OpenFileDescription&, u64&, u8 const*, usize) override { return Error::BadFd; }
    Result<void> truncate(u64) override { return Error::AccessDenied; }
    Result<void> set_mode(u32) override { return Error::PermissionDenied; }
    Result<void> set_owner(u32, u32) override { return Error::PermissionDenied; }

private:
    ProcfsFile(NonnullRefPtr<ProcfsContext> context, ProcfsFileKind kind, i32 pid, u32 uid, u32 gid);

    // The file's text now, from the providers.
    Result<Vector<u8>> render();

    NonnullRefPtr<ProcfsContext> m_context;
    ProcfsFileKind m_file_kind;
    i32 m_pid;
    u32 m_uid;
    u32 m_gid;
};
