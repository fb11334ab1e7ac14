// NullDevice: /dev/null — reads end at once, writes vanish.
#pragma once

#include "fs/devfs/char_device.h"

class NullDevice final : public CharDevice {
public:
    static Result<NonnullRefPtr<NullDevice>> create() { return make_ref<NullDevice>(); }

    Result<usize> read(OpenFileDescription&, u64, u8*, usize) override { return 0; }
    Result<usize> write(OpenFileDescription&, u64, u8 const*, usize size) override { return size; }
};
