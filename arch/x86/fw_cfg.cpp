// fw_cfg port I/O: write a selector to 0x510, then read the item's bytes one at
// a time from 0x511. The directory's bytes are decoded by the portable
// FwCfgDirectory, one entry at a time, so no buffer for the whole directory is needed.
#include "arch/x86/fw_cfg.h"

#include "arch/x86/io.h"
#include "kernel/boot/fw_cfg_directory.h"
#include "kernel/lib/string_view.h"
#include "kernel/sync/spinlock.h"

namespace x86 {

namespace {

constexpr u16 SELECTOR_PORT = 0x510;
constexpr u16 DATA_PORT = 0x511;
constexpr u16 SIGNATURE_ITEM = 0x0000;
// Far above what QEMU exposes; bounds the scan if the device answers garbage.
constexpr u32 MAX_DIRECTORY_SCAN = 4096;

// The selector is device-global state: a select and the reads after it must not interleave.
Spinlock s_lock;

void select_item(u16 item) { outw(SELECTOR_PORT, item); }

void read_bytes(u8* buffer, usize count)
{
    for (usize i = 0; i < count; ++i)
        buffer[i] = inb(DATA_PORT);
}

// Caller must hold s_lock.
bool present_locked()
{
    select_item(SIGNATURE_ITEM);
    u8 signature[4];
    read_bytes(signature, sizeof(signature));
    return signature[0] == 'Q' && signature[1] == 'E' && signature[2] == 'M' && signature[3] == 'U';
}

} // namespace

bool fw_cfg_present()
{
    SpinlockGuard guard(s_lock);
    return present_locked();
}

Result<usize> fw_cfg_read_file(char const* name, u8* buffer, usize capacity)
{
    StringView wanted(name);
    SpinlockGuard guard(s_lock);
    if (!present_locked())
        return Error::NoDevice;

    select_item(FwCfgDirectory::SELECTOR);
    u8 count_bytes[FwCfgDirectory::COUNT_SIZE];
    read_bytes(count_bytes, sizeof(count_bytes));
    u32 count = FwCfgDirectory::decode_count(count_bytes);
    if (count > MAX_DIRECTORY_SCAN)
        return Error::BadMessage;

    for (u32 i = 0; i < count; ++i) {
        u8 entry[FwCfgDirectory::ENTRY_SIZE];
        read_bytes(entry, sizeof(entry));
        auto file = FwCfgDirectory::decode_entry(entry, sizeof(entry));
        if (file.is_error() || file.value().name() != wanted)
            continue;
        usize size = file.value().size;
        if (size > capacity)
            return Error::NoBufferSpace;
        select_item(file.value().select);
        read_bytes(buffer, size);
        return size;
    }
    return Error::NoEntry;
}

} // namespace x86
