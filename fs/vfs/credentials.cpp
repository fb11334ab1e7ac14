// The Unix permission check (owner, group, other triplets; root's bypass).
#include "fs/vfs/credentials.h"

#include "fs/vfs/file_flags.h"
#include "fs/vfs/vnode.h"

bool Credentials::may_access(VnodeStat const& stat, u32 access) const
{
    if (is_superuser()) {
        if (!(access & Access::Execute) || (stat.mode & FileMode::TypeMask) == FileMode::Directory)
            return true;
        return (stat.mode & 0111) != 0;
    }
    u32 granted;
    if (uid == stat.uid)
        granted = (stat.mode >> 6) & 7;
    else if (gid == stat.gid)
        granted = (stat.mode >> 3) & 7;
    else
        granted = stat.mode & 7;
    return (granted & access) == access;
}

Result<void> Credentials::check_access(VnodeStat const& stat, u32 access) const
{
    if (!may_access(stat, access))
        return Error::AccessDenied;
    return {};
}
