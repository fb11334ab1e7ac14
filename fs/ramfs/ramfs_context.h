// RamfsContext: what every vnode of one ramfs instance shares — the lock that
// guards the whole tree and all file data, the file system id and the inode
// counter. Vnodes hold it (not the Ramfs) so a vnode outliving its mount is safe.
#pragma once

#include <atomic>

#include "kernel/lib/ref_counted.h"
#include "kernel/lib/ref_ptr.h"
#include "kernel/sync/mutex.h"

class RamfsContext : public RefCounted<RamfsContext> {
public:
    static Result<NonnullRefPtr<RamfsContext>> create(u32 fs_id)
    {
        return adopt_ref_if_nonnull(new (std::nothrow) RamfsContext(fs_id));
    }

    u32 fs_id() const { return m_fs_id; }
    u64 allocate_inode() { return m_next_inode.fetch_add(1, std::memory_order_relaxed); }

    // One lock per instance: simple and enough for an in-memory tree; every
    // ramfs op takes it for its whole duration, so rename is atomic.
    Mutex lock;

private:
    explicit RamfsContext(u32 fs_id)
        : m_fs_id(fs_id)
    {
    }
    u32 m_fs_id;
    std::atomic<u64> m_next_inode { 1 };
};
