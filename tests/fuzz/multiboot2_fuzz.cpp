// libFuzzer target: Multiboot2 boot information from arbitrary bytes. The parser
// must never read outside the input, loop forever or trip a sanitizer.
#include <cstddef>
#include <cstdint>

#include "kernel/boot/multiboot2.h"

static BootInfo s_info;

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    if (Multiboot2::parse_into(s_info, data, size).is_error())
        return 0;
    // Walk everything the kernel would read so stale or bogus lengths show up.
    volatile u64 sink = s_info.highest_usable_address();
    for (MemoryRegion const& region : s_info.available_ranges())
        sink = sink + region.end();
    for (usize i = 0; i < s_info.memory_region_count(); ++i)
        sink = sink + s_info.memory_region(i).type;
    for (usize i = 0; i < s_info.module_count(); ++i) {
        StringView name = s_info.module(i).name();
        for (char c : name)
            sink = sink + u8(c);
    }
    for (char c : s_info.command_line())
        sink = sink + u8(c);
    for (char c : s_info.boot_loader_name())
        sink = sink + u8(c);
    if (AcpiRsdp const* rsdp = s_info.acpi_rsdp())
        sink = sink + rsdp->bytes[rsdp->length - 1];
    if (FramebufferInfo const* fb = s_info.framebuffer())
        sink = sink + fb->pitch;
    return 0;
}
