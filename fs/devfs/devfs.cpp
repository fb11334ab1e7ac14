// Devfs: registration of device nodes and the built-in devices.
#include "fs/devfs/devfs.h"

#include "fs/devfs/kmsg_device.h"
#include "fs/devfs/null_device.h"
#include "fs/devfs/zero_device.h"

namespace {
// Device numbers: one major for every devfs device, minors in registration order.
constexpr u32 DEVFS_MAJOR = 1;
} // namespace

Result<NonnullRefPtr<Devfs>> Devfs::create()
{
    auto fs = TRY(adopt_ref_if_nonnull(new (std::nothrow) Devfs()));
    fs->m_root = TRY(DevfsDirectory::create(fs->id()));
    return fs;
}

Result<void> Devfs::register_char_device(StringView name, NonnullRefPtr<CharDevice> device, u32 permissions,
    u32 uid, u32 gid)
{
    u64 inode = m_next_inode.fetch_add(1, std::memory_order_relaxed);
    u32 rdev = (DEVFS_MAJOR << 8) | static_cast<u32>(inode & 0xff);
    auto node = TRY(DevfsDeviceNode::create(id(), inode, std::move(device), permissions, uid, gid, rdev));
    return m_root->add(name, std::move(node));
}

Result<void> Devfs::unregister_char_device(StringView name) { return m_root->remove(name); }

Result<void> Devfs::register_standard_devices(RandomDevice::EntropySource entropy)
{
    auto null_device = TRY(NullDevice::create());
    TRY(register_char_device("null"_sv, std::move(null_device)));
    auto zero_device = TRY(ZeroDevice::create());
    TRY(register_char_device("zero"_sv, std::move(zero_device)));
    auto random_device = TRY(RandomDevice::create(entropy));
    TRY(register_char_device("random"_sv, std::move(random_device)));
    // Root reads the kernel log; others may not (it can hold addresses).
    auto kmsg_device = TRY(KmsgDevice::create());
    TRY(register_char_device("kmsg"_sv, std::move(kmsg_device), 0600));
    return {};
}
