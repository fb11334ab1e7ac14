// Multiboot2 boot information decoder. Walks the 8-byte-aligned tag list with
// explicit bounds on every read; fields are loaded byte-wise (the buffer may be
// misaligned under the fuzzer) and copied into the fixed arrays of BootInfo.
#include "kernel/boot/multiboot2.h"

#include <new>

#include "kernel/boot/byte_order.h"

namespace {

constexpr usize HEADER_SIZE = 8;     // total_size, reserved
constexpr usize TAG_HEADER_SIZE = 8; // type, size
constexpr usize TAG_ALIGN = 8;
constexpr usize MEMORY_MAP_ENTRY_MIN = 24; // base u64, length u64, type u32, reserved u32
constexpr usize RSDP_V1_SIZE = 20;
constexpr usize RSDP_V2_SIZE = 36;
constexpr usize FRAMEBUFFER_COMMON = 22; // through framebuffer_type, after the tag header
constexpr usize FRAMEBUFFER_COLOR_INFO = 24;
constexpr usize FRAMEBUFFER_RGB_INFO = 6;

// Copies a NUL-terminated string that may lack its NUL (then the tag's end bounds
// it) into a buffer of capacity + 1 bytes. Returns false when it had to truncate.
bool copy_string(u8 const* source, usize source_size, char* buffer, usize capacity, usize& out_length)
{
    usize length = 0;
    while (length < source_size && source[length] != 0)
        ++length;
    bool fits = length <= capacity;
    if (!fits)
        length = capacity;
    for (usize i = 0; i < length; ++i)
        buffer[i] = char(source[i]);
    buffer[length] = '\0';
    out_length = length;
    return fits;
}

void copy_rsdp(AcpiRsdp& rsdp, u8 const* body, usize body_size)
{
    usize length = body_size < AcpiRsdp::MAX_SIZE ? body_size : AcpiRsdp::MAX_SIZE;
    for (usize i = 0; i < length; ++i)
        rsdp.bytes[i] = body[i];
    rsdp.length = length;
}

} // namespace

Result<BootInfo> Multiboot2::parse(u8 const* data, usize max_size)
{
    BootInfo info;
    TRY(parse_into(info, data, max_size));
    return info;
}

Result<void> Multiboot2::parse_into(BootInfo& out, u8 const* data, usize max_size)
{
    // Value-initialise in place: a BootInfo temporary would cost 8 KiB of boot stack.
    new (&out) BootInfo();
    if (data == nullptr || max_size < HEADER_SIZE)
        return Error::BadMessage;
    usize total_size = load_le32(data);
    if (total_size < HEADER_SIZE + TAG_HEADER_SIZE)
        return Error::BadMessage;
    usize limit = total_size < max_size ? total_size : max_size;

    usize offset = HEADER_SIZE;
    while (true) {
        if (limit - offset < TAG_HEADER_SIZE)
            return Error::BadMessage; // ran out before the end tag
        u32 type = load_le32(data + offset);
        usize size = load_le32(data + offset + 4);
        if (size < TAG_HEADER_SIZE || size > limit - offset)
            return Error::BadMessage;
        if (type == TagEnd)
            break;
        TRY(parse_tag(out, type, data + offset + TAG_HEADER_SIZE, size - TAG_HEADER_SIZE));
        // size <= limit - offset, so this cannot wrap; it may step past limit,
        // which the check at the top of the loop catches.
        usize next = align_up(offset + size, TAG_ALIGN);
        if (next > limit)
            return Error::BadMessage;
        offset = next;
    }
    out.sort_memory_regions();
    return {};
}

Result<void> Multiboot2::parse_tag(BootInfo& out, u32 type, u8 const* body, usize body_size)
{
    switch (type) {
    case TagCommandLine:
        out.m_command_line_truncated = !copy_string(
            body, body_size, out.m_command_line, BootInfo::MAX_COMMAND_LINE, out.m_command_line_length);
        return {};
    case TagBootLoaderName:
        copy_string(body, body_size, out.m_loader_name, BootInfo::MAX_LOADER_NAME, out.m_loader_name_length);
        return {};
    case TagModule:
        return parse_module(out, body, body_size);
    case TagBasicMemory:
        if (body_size < 8)
            return Error::BadMessage;
        out.m_has_basic_memory = true;
        out.m_memory_lower_kib = load_le32(body);
        out.m_memory_upper_kib = load_le32(body + 4);
        return {};
    case TagMemoryMap:
        return parse_memory_map(out, body, body_size);
    case TagFramebuffer:
        return parse_framebuffer(out, body, body_size);
    case TagEfi32SystemTable:
        if (body_size < 4)
            return Error::BadMessage;
        out.m_efi_system_table = load_le32(body);
        return {};
    case TagEfi64SystemTable:
        if (body_size < 8)
            return Error::BadMessage;
        out.m_efi_system_table = load_le64(body);
        return {};
    case TagAcpiOldRsdp:
        if (body_size < RSDP_V1_SIZE)
            return Error::BadMessage;
        copy_rsdp(out.m_rsdp_v1, body, body_size);
        out.m_has_rsdp_v1 = true;
        return {};
    case TagAcpiNewRsdp:
        if (body_size < RSDP_V2_SIZE)
            return Error::BadMessage;
        copy_rsdp(out.m_rsdp_v2, body, body_size);
        out.m_has_rsdp_v2 = true;
        return {};
    case TagEfiMemoryMap:
        out.m_has_efi_memory_map = true;
        return {};
    case TagEfiBootServicesActive:
        out.m_efi_boot_services_active = true;
        return {};
    case TagLoadBaseAddress:
        if (body_size < 4)
            return Error::BadMessage;
        out.m_has_load_base = true;
        out.m_load_base = load_le32(body);
        return {};
    default:
        // ELF sections, VBE, APM, SMBIOS, network, image handles: not needed (the
        // kernel embeds its own symbols), and unknown future tags are skipped.
        return {};
    }
}

Result<void> Multiboot2::parse_memory_map(BootInfo& out, u8 const* body, usize body_size)
{
    if (body_size < 8)
        return Error::BadMessage;
    usize entry_size = load_le32(body);
    // A zero entry_size would never advance; anything short would read past the entry.
    if (entry_size < MEMORY_MAP_ENTRY_MIN)
        return Error::BadMessage;
    // A second memory map tag replaces the first rather than mixing with it.
    out.m_has_memory_map = true;
    out.m_region_count = 0;
    out.m_regions_dropped = 0;
    // A trailing partial entry is ignored: entries are only read whole.
    for (usize offset = 8; body_size - offset >= entry_size; offset += entry_size) {
        if (out.m_region_count == BootInfo::MAX_MEMORY_REGIONS) {
            ++out.m_regions_dropped;
            continue;
        }
        u8 const* entry = body + offset;
        MemoryRegion& region = out.m_regions[out.m_region_count++];
        region.base = load_le64(entry);
        region.length = load_le64(entry + 8);
        region.type = load_le32(entry + 16);
    }
    return {};
}

Result<void> Multiboot2::parse_module(BootInfo& out, u8 const* body, usize body_size)
{
    if (body_size < 8)
        return Error::BadMessage;
    // An inverted range would turn into a huge size in every consumer.
    if (load_le32(body + 4) < load_le32(body))
        return Error::BadMessage;
    if (out.m_module_count == BootInfo::MAX_MODULES) {
        ++out.m_modules_dropped;
        return {};
    }
    BootModule& module = out.m_modules[out.m_module_count++];
    module.start = load_le32(body);
    module.end = load_le32(body + 4);
    copy_string(body + 8, body_size - 8, module.name_storage, BootModule::MAX_NAME, module.name_length);
    return {};
}

Result<void> Multiboot2::parse_framebuffer(BootInfo& out, u8 const* body, usize body_size)
{
    if (body_size < FRAMEBUFFER_COMMON)
        return Error::BadMessage;
    FramebufferInfo fb {};
    fb.address = load_le64(body);
    fb.pitch = load_le32(body + 8);
    fb.width = load_le32(body + 12);
    fb.height = load_le32(body + 16);
    fb.bpp = body[20];
    u8 type = body[21];
    // A type this kernel does not know cannot be drawn on; skip it, do not fail boot.
    if (type > u8(FramebufferType::EgaText))
        return {};
    fb.type = FramebufferType(type);
    if (fb.type == FramebufferType::Rgb) {
        if (body_size < FRAMEBUFFER_COLOR_INFO + FRAMEBUFFER_RGB_INFO)
            return Error::BadMessage;
        u8 const* color = body + FRAMEBUFFER_COLOR_INFO;
        fb.red_position = color[0];
        fb.red_size = color[1];
        fb.green_position = color[2];
        fb.green_size = color[3];
        fb.blue_position = color[4];
        fb.blue_size = color[5];
    }
    out.m_framebuffer = fb;
    out.m_has_framebuffer = true;
    return {};
}
