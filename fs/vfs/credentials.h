// Credentials: who is asking (uid, gid) and the Unix permission check made
// against a vnode's owner and mode bits. A plain value, copied into each request
// so it can travel with an RPC to the node that holds the file.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

struct VnodeStat;

struct Credentials {
    u32 uid { 0 };
    u32 gid { 0 };

    static constexpr Credentials root() { return { 0, 0 }; }
    static constexpr Credentials user(u32 uid, u32 gid) { return { uid, gid }; }

    bool is_superuser() const { return uid == 0; }

    // True if access (a mask of Access::Read/Write/Execute) is allowed on a file
    // with this stat. The owner triplet applies to the owner, the group triplet to
    // group members, the other triplet to everyone else. uid 0 passes every check,
    // except that executing a non-directory needs at least one x bit set.
    bool may_access(VnodeStat const& stat, u32 access) const;

    // may_access() as a Result: AccessDenied (EACCES) when refused.
    Result<void> check_access(VnodeStat const& stat, u32 access) const;
};
