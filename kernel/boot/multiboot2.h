// Multiboot2: decodes the boot information structure GRUB leaves in memory into a
// BootInfo. The bytes are untrusted: every length is checked and nothing is read
// outside [data, data + min(total_size, max_size)). No allocation; usable at boot.
#pragma once

#include "kernel/boot/boot_info.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

class Multiboot2 {
public:
    // The value a Multiboot2 loader leaves in EAX (the info's address is in EBX).
    static constexpr u32 BOOTLOADER_MAGIC = 0x36d76289;

    enum TagType : u32 {
        TagEnd = 0,
        TagCommandLine = 1,
        TagBootLoaderName = 2,
        TagModule = 3,
        TagBasicMemory = 4,
        TagBootDevice = 5,
        TagMemoryMap = 6,
        TagVbe = 7,
        TagFramebuffer = 8,
        TagElfSections = 9,
        TagApm = 10,
        TagEfi32SystemTable = 11,
        TagEfi64SystemTable = 12,
        TagSmbios = 13,
        TagAcpiOldRsdp = 14,
        TagAcpiNewRsdp = 15,
        TagNetwork = 16,
        TagEfiMemoryMap = 17,
        TagEfiBootServicesActive = 18,
        TagEfi32ImageHandle = 19,
        TagEfi64ImageHandle = 20,
        TagLoadBaseAddress = 21,
    };

    // Error::BadMessage when the structure is malformed: total_size too small,
    // a tag smaller than its header or than its fixed fields, a tag crossing the
    // end, a memory map entry_size too small, a module ending before it starts,
    // or no end tag. Unknown tags are skipped.
    static Result<BootInfo> parse(u8 const* data, usize max_size);

    // Same, into a caller-provided BootInfo (about 8 KiB): early boot code should
    // use this with a static object rather than move a BootInfo across its stack.
    static Result<void> parse_into(BootInfo& out, u8 const* data, usize max_size);

private:
    static Result<void> parse_tag(BootInfo& out, u32 type, u8 const* body, usize body_size);
    static Result<void> parse_memory_map(BootInfo& out, u8 const* body, usize body_size);
    static Result<void> parse_module(BootInfo& out, u8 const* body, usize body_size);
    static Result<void> parse_framebuffer(BootInfo& out, u8 const* body, usize body_size);
};
