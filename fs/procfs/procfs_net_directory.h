// ProcfsNetDirectory: /proc/net/ — `interfaces`, one line per network interface
// of the node (net/stack/interface_info.h has the format), and `stats`, one line
// per protocol layer (net/stack/protocol_stats.h), from the SystemInfoProvider
// like the other system files.
#pragma once

#include "fs/procfs/procfs_context.h"
#include "fs/vfs/vnode.h"

// Locks: none; immutable. Made afresh by each lookup of /proc/net.
class ProcfsNetDirectory final : public Vnode {
public:
    // parent is /proc itself (what ".." names).
    static Result<NonnullRefPtr<ProcfsNetDirectory>> create(NonnullRefPtr<ProcfsContext> context,
        NonnullRefPtr<Vnode> parent);

    Result<VnodeStat> stat() override;
    Result<NonnullRefPtr<Vnode>> lookup(StringView name) override;
    Result<usize> readdir(u64& cookie, DirectoryEntry* entries, usize capacity) override;
    Result<NonnullRefPtr<Vnode>> create(StringView, VnodeKind, u32, Credentials const&) override
    {
        return Error::PermissionDenied;
    }
    Result<NonnullRefPtr<Vnode>> mkdir(StringView, u32, Credentials const&) override
    {
        return Error::PermissionDenied;
    }
    Result<void> unlink(StringView) override { return Error::PermissionDenied; }
    Result<void> rmdir(StringView) override { return Error::PermissionDenied; }
    Result<void> rename(StringView, Vnode&, StringView) override { return Error::PermissionDenied; }
    Result<void> set_mode(u32) override { return Error::PermissionDenied; }
    Result<void> set_owner(u32, u32) override { return Error::PermissionDenied; }

private:
    ProcfsNetDirectory(NonnullRefPtr<ProcfsContext> context, NonnullRefPtr<Vnode> parent);

    NonnullRefPtr<ProcfsContext> m_context;
    NonnullRefPtr<Vnode> m_parent;
};
