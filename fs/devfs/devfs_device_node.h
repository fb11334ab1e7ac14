// DevfsDeviceNode: the vnode of one /dev entry, forwarding the data ops to its
// CharDevice and answering stat() from the registration (mode, owner, rdev).
#pragma once

#include "fs/devfs/char_device.h"
#include "fs/vfs/vnode.h"

// Locks: m_lock (a Mutex) guards the metadata; device ops run without it.
class DevfsDeviceNode final : public Vnode {
public:
    static Result<NonnullRefPtr<DevfsDeviceNode>> create(u32 fs_id, u64 inode, NonnullRefPtr<CharDevice> device,
        u32 permissions, u32 uid, u32 gid, u32 rdev);

    CharDevice& device() const { return *m_device; }

    Result<VnodeStat> stat() override;
    Result<void> set_mode(u32 permissions) override;
    Result<void> set_owner(u32 uid, u32 gid) override;
    Result<void> open(OpenFileDescription& description) override { return m_device->open(description); }
    void release(OpenFileDescription& description) override { m_device->release(description); }
    Result<usize> read(OpenFileDescription& description, u64 offset, u8* buffer, usize size) override
    {
        return m_device->read(description, offset, buffer, size);
    }
    Result<usize> write(OpenFileDescription& description, u64& offset, u8 const* data, usize size) override
    {
        return m_device->write(description, offset, data, size);
    }
    Result<void> truncate(u64) override { return {}; } // O_TRUNC on a device is a no-op
    Result<i64> ioctl(OpenFileDescription& description, u32 request, uptr argument) override
    {
        return m_device->ioctl(description, request, argument);
    }
    u32 poll(OpenFileDescription& description) override { return m_device->poll(description); }

private:
    DevfsDeviceNode(u32 fs_id, u64 inode, NonnullRefPtr<CharDevice> device, u32 permissions, u32 uid, u32 gid,
        u32 rdev);

    NonnullRefPtr<CharDevice> m_device;
    Mutex m_lock;
    u32 m_permissions;
    u32 m_uid;
    u32 m_gid;
    u32 m_rdev;
};
