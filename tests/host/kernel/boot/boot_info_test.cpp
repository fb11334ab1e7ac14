// BootInfo queries: sorting of the memory map, the available-range iterator and
// highest_usable_address, including lengths that would wrap a 64-bit address.
#include <catch2/catch.hpp>

#include <vector>

#include "kernel/boot/multiboot2.h"
#include "tests/host/kernel/boot/multiboot2_builder.h"

namespace {

BootInfo parse_map(std::vector<Multiboot2Builder::Entry> const& entries)
{
    Multiboot2Builder b;
    b.memory_map(entries);
    auto bytes = b.finish();
    auto result = Multiboot2::parse(bytes.data(), bytes.size());
    REQUIRE(!result.is_error());
    return result.release_value();
}

} // namespace

TEST_CASE("boot info sorts the memory map by base address")
{
    BootInfo info = parse_map({ { 0x300000, 0x1000, 1 }, { 0x1000, 0x1000, 2 }, { 0x200000, 0x1000, 1 } });
    REQUIRE(info.memory_region_count() == 3);
    CHECK(info.memory_region(0).base == 0x1000);
    CHECK(info.memory_region(0).type == u32(MemoryType::Reserved));
    CHECK(info.memory_region(1).base == 0x200000);
    CHECK(info.memory_region(2).base == 0x300000);
}

TEST_CASE("boot info iterates only available, non-empty ranges")
{
    BootInfo info = parse_map({ { 0x0, 0x9f000, 1 }, { 0x9f000, 0x1000, 2 }, { 0x100000, 0, 1 },
        { 0x200000, 0x100000, 1 }, { 0x300000, 0x1000, 4 }, { 0x400000, 0x1000, 5 }, { 0x500000, 0x1000, 9 } });
    std::vector<PhysAddr> bases;
    for (MemoryRegion const& region : info.available_ranges())
        bases.push_back(region.base);
    CHECK(bases == std::vector<PhysAddr> { 0x0, 0x200000 });
    CHECK(info.highest_usable_address() == 0x300000);
}

TEST_CASE("boot info ignores reserved memory above the last usable byte")
{
    BootInfo info = parse_map({ { 0x100000, 0x1000000, 1 }, { 0xfd000000, 0x1000000, 2 } });
    CHECK(info.highest_usable_address() == 0x1100000);
}

TEST_CASE("boot info saturates a region whose length wraps the address space")
{
    BootInfo info = parse_map({ { 0xffffffff00000000ull, 0x200000000ull, 1 } });
    CHECK(info.memory_region(0).end() == ~u64(0));
    CHECK(info.highest_usable_address() == ~u64(0));
}

TEST_CASE("boot info with no available memory iterates nothing")
{
    BootInfo info = parse_map({ { 0x0, 0x1000, 2 }, { 0x1000, 0x1000, 3 } });
    CHECK(info.available_ranges().begin() == info.available_ranges().end());
    CHECK(info.highest_usable_address() == 0);
}
