// FileSystem: one mounted (or mountable) file system instance — a ramfs, the
// devfs, later a clusterfs view of another node. It owns its root vnode and a
// cluster-unique-on-this-node id that every one of its vnodes carries.
#pragma once

#include "fs/vfs/vnode.h"
#include "kernel/lib/ref_counted.h"
#include "kernel/lib/ref_ptr.h"

class FileSystem : public RefCounted<FileSystem> {
public:
    virtual ~FileSystem() = default;

    u32 id() const { return m_id; }
    virtual char const* name() const = 0;
    virtual NonnullRefPtr<Vnode> root() = 0;

protected:
    FileSystem()
        : m_id(allocate_id())
    {
    }

private:
    // Ids start at 1 and are never reused while the kernel runs.
    static u32 allocate_id();
    u32 m_id;
};
