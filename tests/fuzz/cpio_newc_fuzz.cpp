// libFuzzer target: the cpio newc reader on arbitrary bytes, then the same
// bytes unpacked into a fresh ramfs (the path the initrd takes at boot).
#include <memory>

#include "fs/initrd/cpio_newc_reader.h"
#include "fs/initrd/populate_from_cpio.h"
#include "fs/ramfs/ramfs.h"
#include "kernel/log/klog.h"

extern "C" int LLVMFuzzerTestOneInput(u8 const* data, usize size)
{
    static bool quiet = [] {
        klog_set_level(LogLevel::Error);
        return true;
    }();
    (void)quiet;

    auto entry = std::make_unique<CpioEntry>();
    CpioNewcReader reader(data, size);
    for (int i = 0; i < 10000; ++i) {
        auto more = reader.next(*entry);
        if (more.is_error() || !more.value())
            break;
        // Every entry's data lies inside the input; names are normalized.
        if (entry->data < data || entry->data + entry->data_size > data + size)
            __builtin_trap();
        if (entry->name_length >= sizeof(entry->name) || entry->name[entry->name_length] != '\0')
            __builtin_trap();
        if (entry->name_length > 0 && (entry->name[0] == '/' || entry->name[entry->name_length - 1] == '/'))
            __builtin_trap();
    }

    auto fs = Ramfs::create();
    if (!fs.is_error()) {
        auto root = fs.value()->root();
        (void)populate_from_cpio(*root, data, size);
    }
    return 0;
}
