// Multiboot2 decoder tests: well-formed structures as GRUB builds them, then
// each kind of damage the parser must reject without reading out of bounds.
#include <catch2/catch.hpp>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "kernel/boot/multiboot2.h"
#include "tests/host/kernel/boot/multiboot2_builder.h"

namespace {

using B = Multiboot2Builder;

// Parses from a heap copy of exactly `size` bytes so ASan flags any overread.
Result<void> parse_exact(BootInfo& info, std::vector<u8> const& bytes, size_t size)
{
    std::unique_ptr<u8[]> copy(new u8[size ? size : 1]);
    std::memcpy(copy.get(), bytes.data(), size);
    return Multiboot2::parse_into(info, copy.get(), size);
}

std::vector<u8> rsdp_body(size_t size, u8 fill)
{
    std::vector<u8> body(size, fill);
    std::memcpy(body.data(), "RSD PTR ", 8);
    return body;
}

std::vector<u8> framebuffer_body(u8 type, bool with_rgb)
{
    std::vector<u8> body;
    B::put_u64(body, 0xfd000000);
    B::put_u32(body, 4096);
    B::put_u32(body, 1024);
    B::put_u32(body, 768);
    body.push_back(32);
    body.push_back(type);
    B::put_u16(body, 0);
    if (with_rgb) {
        for (u8 v : { 16, 8, 8, 8, 0, 8 })
            body.push_back(v);
    }
    return body;
}

std::vector<u8> full_structure()
{
    B b;
    std::vector<u8> meminfo, efi64, base;
    B::put_u32(meminfo, 639);
    B::put_u32(meminfo, 130048);
    B::put_u64(efi64, 0x7fe0d000);
    B::put_u32(base, 0x200000);
    b.string_tag(1, "loglevel=3 selftest")
        .string_tag(2, "GRUB 2.06")
        .module(0x400000, 0x480000, "/boot/initrd.cpio initrd")
        .module(0x480000, 0x481000, "/boot/unum.cfg")
        .tag(4, meminfo)
        .memory_map({ { 0x100000, 0x7ee0000, 1 }, { 0x0, 0x9fc00, 1 }, { 0x9fc00, 0x400, 2 },
            { 0xf0000, 0x10000, 2 }, { 0x7fe0000, 0x20000, 3 } })
        .tag(8, framebuffer_body(1, true))
        .tag(14, rsdp_body(20, 0x11))
        .tag(15, rsdp_body(36, 0x22))
        .tag(12, efi64)
        .tag(18, {})
        .tag(21, base)
        .string_tag(99, "a tag from the future");
    return b.finish();
}

} // namespace

TEST_CASE("multiboot2 parses every tag of a well-formed structure")
{
    auto bytes = full_structure();
    auto result = Multiboot2::parse(bytes.data(), bytes.size());
    REQUIRE(!result.is_error());
    BootInfo const& info = result.value();

    CHECK(info.command_line() == "loglevel=3 selftest"_sv);
    CHECK(!info.command_line_truncated());
    CHECK(info.boot_loader_name() == "GRUB 2.06"_sv);

    REQUIRE(info.module_count() == 2);
    CHECK(info.module(0).start == 0x400000);
    CHECK(info.module(0).end == 0x480000);
    CHECK(info.module(0).name() == "/boot/initrd.cpio initrd"_sv);
    CHECK(info.module(1).name() == "/boot/unum.cfg"_sv);
    CHECK(info.modules_dropped() == 0);

    CHECK(info.has_basic_memory());
    CHECK(info.memory_lower_kib() == 639);
    CHECK(info.memory_upper_kib() == 130048);

    REQUIRE(info.has_memory_map());
    REQUIRE(info.memory_region_count() == 5);
    CHECK(info.memory_region(0).base == 0);
    CHECK(info.memory_region(4).base == 0x7fe0000);
    CHECK(info.memory_region(4).type == u32(MemoryType::AcpiReclaimable));

    FramebufferInfo const* fb = info.framebuffer();
    REQUIRE(fb != nullptr);
    CHECK(fb->address == 0xfd000000);
    CHECK(fb->pitch == 4096);
    CHECK(fb->width == 1024);
    CHECK(fb->height == 768);
    CHECK(fb->bpp == 32);
    CHECK(fb->type == FramebufferType::Rgb);
    CHECK(fb->red_position == 16);
    CHECK(fb->red_size == 8);
    CHECK(fb->green_position == 8);
    CHECK(fb->blue_position == 0);
    CHECK(fb->blue_size == 8);

    REQUIRE(info.acpi_rsdp_v1() != nullptr);
    REQUIRE(info.acpi_rsdp_v2() != nullptr);
    CHECK(info.acpi_rsdp_v1()->length == 20);
    CHECK(info.acpi_rsdp_v2()->length == 36);
    CHECK(info.acpi_rsdp() == info.acpi_rsdp_v2());
    CHECK(std::memcmp(info.acpi_rsdp()->bytes, "RSD PTR ", 8) == 0);
    CHECK(info.acpi_rsdp()->bytes[35] == 0x22);

    CHECK(info.efi_system_table() == 0x7fe0d000);
    CHECK(info.efi_boot_services_active());
    CHECK(!info.has_efi_memory_map());
    CHECK(info.has_load_base());
    CHECK(info.load_base() == 0x200000);
}

TEST_CASE("multiboot2 accepts the smallest structure and reports nothing")
{
    auto bytes = B().finish();
    REQUIRE(bytes.size() == 16);
    BootInfo info;
    REQUIRE(!parse_exact(info, bytes, bytes.size()).is_error());
    CHECK(info.command_line().is_empty());
    CHECK(!info.has_memory_map());
    CHECK(info.highest_usable_address() == 0);
    CHECK(info.framebuffer() == nullptr);
    CHECK(info.acpi_rsdp() == nullptr);
    CHECK(!info.efi_boot_services_active());
}

TEST_CASE("multiboot2 rejects null, tiny and undersized headers")
{
    BootInfo info;
    CHECK(Multiboot2::parse_into(info, nullptr, 64).error() == Error::BadMessage);
    auto bytes = B().finish();
    CHECK(parse_exact(info, bytes, 7).error() == Error::BadMessage);
    CHECK(parse_exact(info, bytes, 0).error() == Error::BadMessage);
    auto small = B().finish(12);
    CHECK(parse_exact(info, small, small.size()).error() == Error::BadMessage);
}

TEST_CASE("multiboot2 rejects every truncation of a valid structure")
{
    auto bytes = full_structure();
    BootInfo info;
    for (size_t size = 0; size < bytes.size(); ++size) {
        INFO("size " << size);
        CHECK(parse_exact(info, bytes, size).error() == Error::BadMessage);
    }
    CHECK(!parse_exact(info, bytes, bytes.size()).is_error());
}

TEST_CASE("multiboot2 never reads past total_size even when the buffer is larger")
{
    auto bytes = full_structure();
    // Shrink total_size to cut the structure before its end tag; the bytes beyond
    // are still in the buffer but must not be used.
    u32 cut = 48;
    for (int i = 0; i < 4; ++i)
        bytes[i] = u8(cut >> (8 * i));
    BootInfo info;
    CHECK(parse_exact(info, bytes, bytes.size()).error() == Error::BadMessage);
}

TEST_CASE("multiboot2 rejects tags smaller than their header")
{
    for (u32 size : { 0u, 1u, 4u, 7u }) {
        INFO("tag size " << size);
        B b;
        b.tag(1, { 'a', 0, 0, 0, 0, 0, 0, 0 }, size);
        auto bytes = b.finish();
        BootInfo info;
        CHECK(parse_exact(info, bytes, bytes.size()).error() == Error::BadMessage);
    }
}

TEST_CASE("multiboot2 rejects a tag whose size runs past total_size")
{
    B b;
    b.tag(1, { 'a', 'b', 0 }, 4096);
    auto bytes = b.finish();
    BootInfo info;
    CHECK(parse_exact(info, bytes, bytes.size()).error() == Error::BadMessage);
}

TEST_CASE("multiboot2 rejects a tag size with the end tag's bytes inside it")
{
    // The end tag's type and size are swallowed by the command line tag.
    B b;
    b.tag(1, { 'a', 'b', 0 }, 8 + 8 + 8);
    auto bytes = b.finish();
    BootInfo info;
    CHECK(parse_exact(info, bytes, bytes.size()).error() == Error::BadMessage);
}

TEST_CASE("multiboot2 rejects a following tag that is not 8-byte aligned")
{
    // A command line tag of size 11 followed directly (no padding) by the end tag.
    std::vector<u8> bytes;
    B::put_u32(bytes, 0);
    B::put_u32(bytes, 0);
    B::put_u32(bytes, 1);
    B::put_u32(bytes, 11);
    bytes.insert(bytes.end(), { 'a', 'b', 0 });
    B::put_u32(bytes, 0);
    B::put_u32(bytes, 8);
    u32 total = u32(bytes.size());
    for (int i = 0; i < 4; ++i)
        bytes[i] = u8(total >> (8 * i));
    BootInfo info;
    CHECK(parse_exact(info, bytes, bytes.size()).error() == Error::BadMessage);
}

TEST_CASE("multiboot2 parses from a misaligned buffer")
{
    auto bytes = full_structure();
    std::vector<u8> shifted(bytes.size() + 3);
    std::memcpy(shifted.data() + 3, bytes.data(), bytes.size());
    BootInfo info;
    REQUIRE(!Multiboot2::parse_into(info, shifted.data() + 3, bytes.size()).is_error());
    CHECK(info.memory_region_count() == 5);
    CHECK(info.efi_system_table() == 0x7fe0d000);
}

TEST_CASE("multiboot2 rejects memory map entry sizes that cannot hold an entry")
{
    for (u32 entry_size : { 0u, 8u, 16u, 23u }) {
        INFO("entry_size " << entry_size);
        std::vector<u8> body;
        B::put_u32(body, entry_size);
        B::put_u32(body, 0);
        body.resize(body.size() + 48, 0);
        B b;
        b.tag(6, body);
        auto bytes = b.finish();
        BootInfo info;
        CHECK(parse_exact(info, bytes, bytes.size()).error() == Error::BadMessage);
    }
}

TEST_CASE("multiboot2 honours a larger memory map entry_size and ignores a partial entry")
{
    B b;
    b.memory_map({ { 0x1000, 0x2000, 1 }, { 0x100000, 0x100000, 1 } }, 32);
    auto bytes = b.finish();
    BootInfo info;
    REQUIRE(!parse_exact(info, bytes, bytes.size()).is_error());
    REQUIRE(info.memory_region_count() == 2);
    CHECK(info.memory_region(1).base == 0x100000);
    CHECK(info.memory_region(1).length == 0x100000);

    std::vector<u8> body;
    B::put_u32(body, 24);
    B::put_u32(body, 0);
    B::put_u64(body, 0x5000);
    B::put_u64(body, 0x1000);
    B::put_u32(body, 1);
    B::put_u32(body, 0);
    body.resize(body.size() + 20, 0xee); // less than one entry: must be ignored
    B partial;
    partial.tag(6, body);
    auto partial_bytes = partial.finish();
    REQUIRE(!parse_exact(info, partial_bytes, partial_bytes.size()).is_error());
    CHECK(info.memory_region_count() == 1);
}

TEST_CASE("multiboot2 keeps the first 128 memory regions and counts the rest")
{
    std::vector<B::Entry> entries;
    for (u64 i = 0; i < 200; ++i)
        entries.push_back({ i * 0x10000, 0x10000, 1 });
    B b;
    b.memory_map(entries);
    auto bytes = b.finish();
    BootInfo info;
    REQUIRE(!parse_exact(info, bytes, bytes.size()).is_error());
    CHECK(info.memory_region_count() == BootInfo::MAX_MEMORY_REGIONS);
    CHECK(info.memory_regions_dropped() == 72);
    CHECK(info.highest_usable_address() == 128 * 0x10000);
}

TEST_CASE("multiboot2 keeps the first 16 modules and counts the rest")
{
    B b;
    for (u32 i = 0; i < 20; ++i)
        b.module(0x1000 * i, 0x1000 * i + 0x800, "m" + std::to_string(i));
    auto bytes = b.finish();
    BootInfo info;
    REQUIRE(!parse_exact(info, bytes, bytes.size()).is_error());
    CHECK(info.module_count() == BootInfo::MAX_MODULES);
    CHECK(info.modules_dropped() == 4);
    CHECK(info.module(15).name() == "m15"_sv);
}

TEST_CASE("multiboot2 bounds strings by their tag and truncates long ones")
{
    SECTION("a string without its NUL stops at the tag's end")
    {
        B b;
        b.tag(1, { 'a', 'b', 'c' });
        b.raw().back() = 'x'; // padding byte after the tag; must not be read as text
        auto bytes = b.finish();
        BootInfo info;
        REQUIRE(!parse_exact(info, bytes, bytes.size()).is_error());
        CHECK(info.command_line() == "abc"_sv);
    }
    SECTION("a command line longer than the buffer is truncated and flagged")
    {
        std::string long_line(3000, 'k');
        B b;
        b.string_tag(1, long_line);
        auto bytes = b.finish();
        BootInfo info;
        REQUIRE(!parse_exact(info, bytes, bytes.size()).is_error());
        CHECK(info.command_line().length() == BootInfo::MAX_COMMAND_LINE);
        CHECK(info.command_line_truncated());
    }
    SECTION("a module name longer than its buffer is truncated")
    {
        B b;
        b.module(0, 0x1000, std::string(500, 'n'));
        auto bytes = b.finish();
        BootInfo info;
        REQUIRE(!parse_exact(info, bytes, bytes.size()).is_error());
        CHECK(info.module(0).name().length() == BootModule::MAX_NAME);
    }
}

TEST_CASE("multiboot2 rejects tags too short for their fixed fields")
{
    struct Case {
        u32 type;
        size_t body;
    };
    for (Case c : { Case { 3, 7 }, Case { 4, 4 }, Case { 6, 4 }, Case { 8, 21 }, Case { 11, 3 },
             Case { 12, 4 }, Case { 14, 19 }, Case { 15, 35 }, Case { 21, 2 } }) {
        INFO("type " << c.type << " body " << c.body);
        B b;
        b.tag(c.type, std::vector<u8>(c.body, 0));
        auto bytes = b.finish();
        BootInfo info;
        CHECK(parse_exact(info, bytes, bytes.size()).error() == Error::BadMessage);
    }
}

TEST_CASE("multiboot2 framebuffer kinds")
{
    SECTION("RGB without its colour fields is malformed")
    {
        B b;
        b.tag(8, framebuffer_body(1, false));
        auto bytes = b.finish();
        BootInfo info;
        CHECK(parse_exact(info, bytes, bytes.size()).error() == Error::BadMessage);
    }
    SECTION("EGA text needs no colour fields")
    {
        B b;
        b.tag(8, framebuffer_body(2, false));
        auto bytes = b.finish();
        BootInfo info;
        REQUIRE(!parse_exact(info, bytes, bytes.size()).is_error());
        REQUIRE(info.framebuffer() != nullptr);
        CHECK(info.framebuffer()->type == FramebufferType::EgaText);
    }
    SECTION("an unknown type is skipped, not fatal")
    {
        B b;
        b.tag(8, framebuffer_body(7, true));
        auto bytes = b.finish();
        BootInfo info;
        REQUIRE(!parse_exact(info, bytes, bytes.size()).is_error());
        CHECK(info.framebuffer() == nullptr);
    }
}

TEST_CASE("multiboot2 duplicate tags: a later memory map replaces, later strings override")
{
    B b;
    b.string_tag(1, "first")
        .memory_map({ { 0, 0x1000, 1 }, { 0x2000, 0x1000, 1 } })
        .string_tag(1, "second")
        .memory_map({ { 0x100000, 0x1000, 1 } });
    auto bytes = b.finish();
    BootInfo info;
    REQUIRE(!parse_exact(info, bytes, bytes.size()).is_error());
    CHECK(info.command_line() == "second"_sv);
    REQUIRE(info.memory_region_count() == 1);
    CHECK(info.memory_region(0).base == 0x100000);
}

TEST_CASE("multiboot2 parse_into clears what an earlier parse left")
{
    auto bytes = full_structure();
    BootInfo info;
    REQUIRE(!parse_exact(info, bytes, bytes.size()).is_error());
    auto empty = B().finish();
    REQUIRE(!parse_exact(info, empty, empty.size()).is_error());
    CHECK(info.module_count() == 0);
    CHECK(info.memory_region_count() == 0);
    CHECK(info.command_line().is_empty());
    CHECK(!info.efi_boot_services_active());
}

TEST_CASE("multiboot2 rejects a module that ends before it starts")
{
    B b;
    b.module(0x2000, 0x1000, "backwards");
    auto bytes = b.finish();
    BootInfo info;
    CHECK(parse_exact(info, bytes, bytes.size()).error() == Error::BadMessage);
}
