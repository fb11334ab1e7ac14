// BootInfo: what the boot loader told the kernel (memory map, modules, command
// line, framebuffer, ACPI RSDP, EFI state), copied into fixed arrays so it is
// usable before any heap exists and outlives the loader's memory. Filled by Multiboot2.
#pragma once

#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"
#include "kernel/panic.h"

enum class MemoryType : u32 {
    Available = 1,
    Reserved = 2,
    AcpiReclaimable = 3,
    AcpiNvs = 4,
    BadMemory = 5,
};

struct MemoryRegion {
    PhysAddr base;
    u64 length;
    u32 type; // a MemoryType value; unknown values mean reserved

    bool is_available() const { return type == u32(MemoryType::Available); }
    // One past the last byte, saturated so a hostile length cannot wrap.
    PhysAddr end() const { return length > ~u64(0) - base ? ~u64(0) : base + length; }
};

struct BootModule {
    static constexpr usize MAX_NAME = 127;

    PhysAddr start;
    PhysAddr end; // exclusive, as the loader reports it
    char name_storage[MAX_NAME + 1];
    usize name_length;

    // The module's string from the loader (GRUB: the rest of its `module2` line).
    StringView name() const { return { name_storage, name_length }; }
};

enum class FramebufferType : u8 {
    Indexed = 0,
    Rgb = 1,
    EgaText = 2,
};

struct FramebufferInfo {
    PhysAddr address;
    u32 pitch; // bytes per line
    u32 width; // pixels, or characters for EgaText
    u32 height;
    u8 bpp;
    FramebufferType type;
    // Meaningful only for Rgb.
    u8 red_position, red_size;
    u8 green_position, green_size;
    u8 blue_position, blue_size;
};

struct AcpiRsdp {
    static constexpr usize MAX_SIZE = 64;

    u8 bytes[MAX_SIZE];
    usize length; // as many bytes as the tag held, up to MAX_SIZE
};

class BootInfo {
public:
    static constexpr usize MAX_MEMORY_REGIONS = 128;
    static constexpr usize MAX_MODULES = 16;
    static constexpr usize MAX_COMMAND_LINE = 1023;
    static constexpr usize MAX_LOADER_NAME = 63;

    BootInfo() = default;

    StringView command_line() const { return { m_command_line, m_command_line_length }; }
    bool command_line_truncated() const { return m_command_line_truncated; }
    StringView boot_loader_name() const { return { m_loader_name, m_loader_name_length }; }

    // Basic memory information in KiB (lower: below 1 MiB; upper: above 1 MiB to the first hole).
    bool has_basic_memory() const { return m_has_basic_memory; }
    u32 memory_lower_kib() const { return m_memory_lower_kib; }
    u32 memory_upper_kib() const { return m_memory_upper_kib; }

    // The memory map, sorted by base address. Entries past MAX_MEMORY_REGIONS are
    // dropped and counted: losing RAM is safe, inventing it is not.
    bool has_memory_map() const { return m_has_memory_map; }
    usize memory_region_count() const { return m_region_count; }
    MemoryRegion const& memory_region(usize index) const
    {
        KASSERT(index < m_region_count);
        return m_regions[index];
    }
    usize memory_regions_dropped() const { return m_regions_dropped; }
    // One past the highest byte of available RAM (0 without a memory map).
    PhysAddr highest_usable_address() const;

    class AvailableRanges;
    // Iterates the available regions: for (MemoryRegion const& r : info.available_ranges()).
    AvailableRanges available_ranges() const;

    usize module_count() const { return m_module_count; }
    BootModule const& module(usize index) const
    {
        KASSERT(index < m_module_count);
        return m_modules[index];
    }
    usize modules_dropped() const { return m_modules_dropped; }

    FramebufferInfo const* framebuffer() const { return m_has_framebuffer ? &m_framebuffer : nullptr; }

    // Copies of the RSDP from the ACPI 1.0 (tag 14) and 2.0+ (tag 15) tags.
    AcpiRsdp const* acpi_rsdp_v1() const { return m_has_rsdp_v1 ? &m_rsdp_v1 : nullptr; }
    AcpiRsdp const* acpi_rsdp_v2() const { return m_has_rsdp_v2 ? &m_rsdp_v2 : nullptr; }
    // The newest RSDP the loader gave, or null.
    AcpiRsdp const* acpi_rsdp() const { return m_has_rsdp_v2 ? &m_rsdp_v2 : acpi_rsdp_v1(); }

    // Physical address of the EFI system table (0 under BIOS).
    PhysAddr efi_system_table() const { return m_efi_system_table; }
    bool has_efi_memory_map() const { return m_has_efi_memory_map; }
    // True when the loader left EFI boot services running (tag 18): the EFI memory
    // map then still belongs to firmware.
    bool efi_boot_services_active() const { return m_efi_boot_services_active; }
    // Physical load address of the image when the loader relocated it (tag 21).
    bool has_load_base() const { return m_has_load_base; }
    PhysAddr load_base() const { return m_load_base; }

private:
    friend class Multiboot2;

    void sort_memory_regions();

    char m_command_line[MAX_COMMAND_LINE + 1] {};
    usize m_command_line_length { 0 };
    bool m_command_line_truncated { false };
    char m_loader_name[MAX_LOADER_NAME + 1] {};
    usize m_loader_name_length { 0 };

    bool m_has_basic_memory { false };
    u32 m_memory_lower_kib { 0 };
    u32 m_memory_upper_kib { 0 };

    bool m_has_memory_map { false };
    MemoryRegion m_regions[MAX_MEMORY_REGIONS] {};
    usize m_region_count { 0 };
    usize m_regions_dropped { 0 };

    BootModule m_modules[MAX_MODULES] {};
    usize m_module_count { 0 };
    usize m_modules_dropped { 0 };

    bool m_has_framebuffer { false };
    FramebufferInfo m_framebuffer {};

    bool m_has_rsdp_v1 { false };
    bool m_has_rsdp_v2 { false };
    AcpiRsdp m_rsdp_v1 {};
    AcpiRsdp m_rsdp_v2 {};

    PhysAddr m_efi_system_table { 0 };
    bool m_has_efi_memory_map { false };
    bool m_efi_boot_services_active { false };
    bool m_has_load_base { false };
    PhysAddr m_load_base { 0 };
};

class BootInfo::AvailableRanges {
public:
    class Iterator {
    public:
        Iterator(BootInfo const& info, usize index)
            : m_info(&info)
            , m_index(index)
        {
            skip_unavailable();
        }
        MemoryRegion const& operator*() const { return m_info->memory_region(m_index); }
        Iterator& operator++()
        {
            ++m_index;
            skip_unavailable();
            return *this;
        }
        bool operator==(Iterator const& other) const { return m_index == other.m_index; }

    private:
        void skip_unavailable()
        {
            while (m_index < m_info->memory_region_count()
                && (!m_info->memory_region(m_index).is_available() || m_info->memory_region(m_index).length == 0))
                ++m_index;
        }
        BootInfo const* m_info;
        usize m_index;
    };

    explicit AvailableRanges(BootInfo const& info)
        : m_info(info)
    {
    }
    Iterator begin() const { return Iterator(m_info, 0); }
    Iterator end() const { return Iterator(m_info, m_info.memory_region_count()); }

private:
    BootInfo const& m_info;
};

inline BootInfo::AvailableRanges BootInfo::available_ranges() const { return AvailableRanges(*this); }
