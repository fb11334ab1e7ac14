// libFuzzer target: QEMU fw_cfg file directories from arbitrary bytes, both as a
// whole blob and entry by entry as arch/x86/fw_cfg.cpp streams them.
#include <cstddef>
#include <cstdint>

#include "kernel/boot/fw_cfg_directory.h"

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    volatile u64 sink = 0;
    auto directory = FwCfgDirectory::parse(data, size);
    if (!directory.is_error()) {
        FwCfgDirectory const& dir = directory.value();
        for (usize i = 0; i < dir.file_count(); ++i) {
            FwCfgFile const& file = dir.file(i);
            if (dir.find(file.name()) == nullptr)
                __builtin_trap();
            sink = sink + file.size + file.select;
        }
        (void)dir.find("opt/unum/cmdline"_sv);
    }
    for (size_t offset = 0; offset < size; offset += FwCfgDirectory::ENTRY_SIZE) {
        auto file = FwCfgDirectory::decode_entry(data + offset, size - offset);
        if (!file.is_error())
            sink = sink + file.value().name().length();
    }
    return 0;
}
