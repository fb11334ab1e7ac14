// ZeroDevice: /dev/zero — reads give zeros, writes vanish.
#pragma once

#include "fs/devfs/char_device.h"
#include "kernel/lib/string.h"

class ZeroDevice final : public CharDevice {
public:
    static Result<NonnullRefPtr<ZeroDevice>> create() { return make_ref<ZeroDevice>(); }

    Result<usize> read(OpenFileDescription&, u64, u8* buffer, usize size) override
    {
        memset(buffer, 0, size);
        return size;
    }
    Result<usize> write(OpenFileDescription&, u64, u8 const*, usize size) override { return size; }
};
