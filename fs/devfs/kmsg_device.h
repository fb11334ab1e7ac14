// KmsgDevice: /dev/kmsg — reading gives the kernel log from its oldest kept
// record on, each open with its own cursor; a read at the end returns 0 (end of
// file) so `cat /dev/kmsg` ends. Writing logs the text at Info level.
#pragma once

#include "fs/devfs/char_device.h"

class KmsgDevice final : public CharDevice {
public:
    static Result<NonnullRefPtr<KmsgDevice>> create() { return make_ref<KmsgDevice>(); }

    Result<void> open(OpenFileDescription& description) override;
    Result<usize> read(OpenFileDescription& description, u64 offset, u8* buffer, usize size) override;
    Result<usize> write(OpenFileDescription& description, u64 offset, u8 const* data, usize size) override;
};
