// Devfs: the /dev file system — a flat directory of character devices that
// drivers register by name. register_standard_devices() adds the built-in
// null, zero, random and kmsg; consoles and TTYs register themselves.
#pragma once

#include "fs/devfs/char_device.h"
#include "fs/devfs/devfs_directory.h"
#include "fs/devfs/random_device.h"
#include "fs/vfs/file_system.h"

class Devfs final : public FileSystem {
public:
    static Result<NonnullRefPtr<Devfs>> create();

    char const* name() const override { return "devfs"; }
    NonnullRefPtr<Vnode> root() override { return NonnullRefPtr<Vnode>(*m_root); }

    // Makes /dev/<name> (mode permissions, owned by uid:gid). Exists if taken.
    Result<void> register_char_device(StringView name, NonnullRefPtr<CharDevice> device, u32 permissions = 0666,
        u32 uid = 0, u32 gid = 0);
    Result<void> unregister_char_device(StringView name);

    // null, zero, random (entropy may be null: see RandomDevice) and kmsg.
    Result<void> register_standard_devices(RandomDevice::EntropySource entropy = nullptr);

private:
    Devfs() = default;

    RefPtr<DevfsDirectory> m_root; // set by create()
    std::atomic<u64> m_next_inode { DevfsDirectory::ROOT_INODE + 1 };
};
