// DevfsDirectory: the flat /dev directory — the registry of device nodes by
// name. Users cannot create or remove entries; drivers register them.
#pragma once

#include "fs/devfs/devfs_device_node.h"
#include "fs/vfs/file_name.h"
#include "fs/vfs/fixed_directory.h"
#include "kernel/lib/vector.h"
#include "kernel/sync/mutex.h"

// Locks: m_lock (a Mutex) guards the entries.
class DevfsDirectory final : public FixedDirectory {
public:
    static constexpr u64 ROOT_INODE = 1;

    static Result<NonnullRefPtr<DevfsDirectory>> create(u32 fs_id);

    // Exists if name is taken; InvalidArgument for an empty name, ".", ".." or
    // one containing '/'.
    Result<void> add(StringView name, NonnullRefPtr<DevfsDeviceNode> node);
    // NoEntry if name is not registered.
    Result<void> remove(StringView name);

    Result<VnodeStat> stat() override;
    Result<NonnullRefPtr<Vnode>> lookup(StringView name) override;
    Result<usize> readdir(u64& cookie, DirectoryEntry* entries, usize capacity) override;

private:
    explicit DevfsDirectory(u32 fs_id)
        : FixedDirectory(fs_id, ROOT_INODE)
    {
    }

    struct Entry {
        FileName name;
        NonnullRefPtr<DevfsDeviceNode> node;
        u64 cookie;
    };

    Mutex m_lock;
    Vector<Entry> m_entries;
    u64 m_next_cookie { 2 };
};
