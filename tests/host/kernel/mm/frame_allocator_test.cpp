// Tests of FrameAllocator over a host arena: reserved ranges are never handed out,
// blocks split and coalesce back exactly, exhaustion and misuse are reported, and
// free counts stay exact under a fixed-seed random workload.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <vector>

#include "kernel/arch/memory.h"
#include "kernel/mm/frame_allocator.h"
#include "test_arena.h"

namespace {

constexpr usize ARENA_SIZE = 64 * MiB;

bool same_free_blocks(FrameStats const& a, FrameStats const& b)
{
    for (u32 k = 0; k < FrameStats::ORDER_COUNT; ++k) {
        if (a.free_blocks[k] != b.free_blocks[k])
            return false;
    }
    return a.free_frames == b.free_frames;
}

u64 free_frames_from_blocks(FrameStats const& s)
{
    u64 total = 0;
    for (u32 k = 0; k < FrameStats::ORDER_COUNT; ++k)
        total += s.free_blocks[k] << k;
    return total;
}

std::vector<PhysAddr> drain(FrameAllocator& fa, u32 order)
{
    std::vector<PhysAddr> out;
    for (;;) {
        auto r = fa.allocate(order);
        if (r.is_error()) {
            REQUIRE(r.error() == Error::NoMemory);
            return out;
        }
        out.push_back(r.value());
    }
}

} // namespace

TEST_CASE("FrameAllocator counts usable frames exactly", "[mm][frames]")
{
    TestArena arena(ARENA_SIZE);
    FrameAllocator fa;
    fa.add_range(arena.base(), arena.size());
    fa.reserve_range(arena.base(), 1 * MiB);
    REQUIRE(!fa.finalize().is_error());
    FrameStats s = fa.stats();
    // One state byte per frame of the span past the reservation, then one bitmap word
    // (the span has 16 max-order blocks).
    u64 span = arena.frames() - 256;
    u64 meta = align_up(align_up(span, 8) + 8, PAGE_SIZE) / PAGE_SIZE;
    REQUIRE(s.metadata_frames == meta);
    REQUIRE(s.total_frames == span - meta);
    REQUIRE(s.free_frames == s.total_frames);
    REQUIRE(free_frames_from_blocks(s) == s.free_frames);
    REQUIRE(s.used_frames == 0);
    REQUIRE(fa.finalize().error() == Error::Exists);
}

TEST_CASE("FrameAllocator never hands out reserved frames", "[mm][frames]")
{
    TestArena arena(ARENA_SIZE);
    FrameAllocator fa;
    // Reservations before and after add, unaligned, so rounding outward is exercised.
    fa.reserve_range(arena.base() + 0x123456, 0x10000);
    fa.add_range(arena.base(), arena.size());
    fa.reserve_range(arena.base(), 0x100000);
    fa.reserve_range(arena.base() + 40 * MiB + 1, 1);
    REQUIRE(!fa.finalize().is_error());
    struct Span {
        PhysAddr base, end;
    };
    std::vector<Span> reserved = {
        { arena.base() + 0x123000, arena.base() + 0x134000 },
        { arena.base(), arena.base() + 0x100000 },
        { arena.base() + 40 * MiB, arena.base() + 40 * MiB + PAGE_SIZE },
    };
    u64 total = fa.total_frames();
    std::vector<PhysAddr> frames = drain(fa, 0);
    REQUIRE(frames.size() == total);
    REQUIRE(fa.free_frames() == 0);
    std::set<PhysAddr> distinct(frames.begin(), frames.end());
    REQUIRE(distinct.size() == frames.size());
    for (PhysAddr f : frames) {
        REQUIRE(f % PAGE_SIZE == 0);
        REQUIRE(f >= arena.base());
        REQUIRE(f + PAGE_SIZE <= arena.end());
        for (Span const& r : reserved)
            REQUIRE((f + PAGE_SIZE <= r.base || f >= r.end));
    }
    for (PhysAddr f : frames)
        fa.free(f);
    REQUIRE(fa.free_frames() == total);
}

TEST_CASE("FrameAllocator splits and coalesces back to the initial blocks", "[mm][frames]")
{
    TestArena arena(ARENA_SIZE);
    FrameAllocator fa;
    fa.add_range(arena.base(), arena.size());
    REQUIRE(!fa.finalize().is_error());
    FrameStats initial = fa.stats();
    REQUIRE(initial.free_blocks[FrameAllocator::MAX_ORDER] > 0);

    for (u32 order = 0; order <= FrameAllocator::MAX_ORDER; ++order) {
        auto block = fa.allocate(order);
        REQUIRE(!block.is_error());
        REQUIRE(block.value() % (PAGE_SIZE << order) == 0);
        REQUIRE(fa.free_frames() == initial.free_frames - (1ull << order));
        fa.free(block.value(), order);
        REQUIRE(same_free_blocks(fa.stats(), initial));
    }

    // Every order-0 frame of one max block, freed in a scrambled order, rebuilds it.
    std::vector<PhysAddr> pieces;
    for (u64 i = 0; i < (1ull << FrameAllocator::MAX_ORDER); ++i)
        pieces.push_back(fa.allocate(0).value());
    std::mt19937_64 rng(7);
    std::shuffle(pieces.begin(), pieces.end(), rng);
    for (PhysAddr p : pieces)
        fa.free(p);
    REQUIRE(same_free_blocks(fa.stats(), initial));
}

TEST_CASE("FrameAllocator reports exhaustion and bad orders", "[mm][frames]")
{
    TestArena arena(8 * MiB);
    FrameAllocator fa;
    REQUIRE(fa.allocate(0).error() == Error::NoMemory); // not finalized yet
    fa.add_range(arena.base(), arena.size());
    REQUIRE(!fa.finalize().is_error());
    REQUIRE(fa.allocate(FrameAllocator::MAX_ORDER + 1).error() == Error::InvalidArgument);
    auto big = drain(fa, FrameAllocator::MAX_ORDER);
    REQUIRE(!big.empty());
    auto small = drain(fa, 0);
    REQUIRE(fa.free_frames() == 0);
    REQUIRE(big.size() * (1ull << FrameAllocator::MAX_ORDER) + small.size() == fa.total_frames());
    REQUIRE(fa.allocate(0).error() == Error::NoMemory);
    for (PhysAddr p : small)
        fa.free(p);
    for (PhysAddr p : big)
        fa.free(p, FrameAllocator::MAX_ORDER);
    REQUIRE(fa.free_frames() == fa.total_frames());
}

TEST_CASE("FrameAllocator copes with unsorted, overlapping memory maps with holes", "[mm][frames]")
{
    TestArena arena(ARENA_SIZE);
    PhysAddr b = arena.base();
    FrameAllocator fa;
    // Expected usable frames, computed independently of the allocator.
    std::vector<bool> usable(arena.frames(), false);
    auto mark = [&](PhysAddr base, u64 len, bool value, bool inward) {
        PhysAddr first = inward ? align_up(base, PAGE_SIZE) : align_down(base, PAGE_SIZE);
        PhysAddr last = inward ? align_down(base + len, PAGE_SIZE) : align_up(base + len, PAGE_SIZE);
        for (PhysAddr p = first; p < last; p += PAGE_SIZE)
            usable[(p - b) / PAGE_SIZE] = value;
    };
    struct Entry {
        u64 off, len;
    };
    std::vector<Entry> added = {
        { 30 * MiB + 0x800, 10 * MiB },   // unaligned start
        { 2 * MiB, 6 * MiB },
        { 5 * MiB, 4 * MiB },             // overlaps the previous one
        { 50 * MiB, 14 * MiB - 0x10 },    // unaligned end
        { 9 * MiB, 1 * MiB },             // adjacent to the merged 2..9 MiB range
        { 20 * MiB + 0x10, 0xff0 },       // shrinks to nothing
    };
    std::vector<Entry> reserved = { { 3 * MiB + 0x10, 0x20 }, { 52 * MiB, 3 * MiB }, { 100 * MiB, 1 * MiB } };
    for (Entry e : added) {
        fa.add_range(b + e.off, e.len);
        mark(b + e.off, e.len, true, true);
    }
    for (Entry e : reserved) {
        fa.reserve_range(b + e.off, e.len);
        if (e.off < ARENA_SIZE)
            mark(b + e.off, e.len, false, false);
    }
    REQUIRE(!fa.finalize().is_error());
    u64 expected = std::count(usable.begin(), usable.end(), true);
    FrameStats s = fa.stats();
    REQUIRE(s.total_frames + s.metadata_frames == expected);

    std::vector<PhysAddr> frames = drain(fa, 0);
    REQUIRE(frames.size() == s.total_frames);
    std::set<PhysAddr> distinct(frames.begin(), frames.end());
    REQUIRE(distinct.size() == frames.size());
    for (PhysAddr f : frames)
        REQUIRE(usable[(f - b) / PAGE_SIZE]);
}

TEST_CASE("FrameAllocator ignores memory above MAX_PHYS and rejects an empty map", "[mm][frames]")
{
    TestArena arena(8 * MiB);
    FrameAllocator empty;
    REQUIRE(empty.finalize().error() == Error::NoMemory);

    FrameAllocator fa;
    fa.add_range(FrameAllocator::MAX_PHYS, 64 * GiB); // never touched
    fa.add_range(arena.base(), arena.size());
    fa.add_range(~0ull - PAGE_SIZE, 10 * PAGE_SIZE); // wraps: clipped, not overflowed
    REQUIRE(!fa.finalize().is_error());
    FrameStats s = fa.stats();
    REQUIRE(s.total_frames + s.metadata_frames == arena.frames());
}

TEST_CASE("FrameAllocator reports misuse through try_free", "[mm][frames]")
{
    TestArena arena(ARENA_SIZE);
    FrameAllocator fa;
    fa.add_range(arena.base(), arena.size());
    fa.reserve_range(arena.base(), 1 * MiB);
    REQUIRE(!fa.finalize().is_error());
    u64 free_before = fa.free_frames();

    PhysAddr block = fa.allocate(3).value();
    REQUIRE(fa.try_free(block, 2).error() == Error::InvalidArgument);             // wrong order
    REQUIRE(fa.try_free(block + PAGE_SIZE, 0).error() == Error::InvalidArgument); // interior frame
    REQUIRE(fa.try_free(block + 8, 3).error() == Error::InvalidArgument);         // misaligned
    REQUIRE(fa.try_free(block, 3, FrameUse::HeapLarge).error() == Error::InvalidArgument);
    REQUIRE(!fa.try_free(block, 3).is_error());
    REQUIRE(fa.try_free(block, 3).error() == Error::InvalidArgument); // double free
    REQUIRE(fa.try_free(arena.base(), 0).error() == Error::InvalidArgument); // reserved
    REQUIRE(fa.try_free(arena.end() + 64 * MiB, 0).error() == Error::InvalidArgument); // outside
    REQUIRE(fa.free_frames() == free_before);
}

TEST_CASE("FrameAllocator finds the allocated block that contains an address", "[mm][frames]")
{
    TestArena arena(ARENA_SIZE);
    FrameAllocator fa;
    fa.add_range(arena.base(), arena.size());
    REQUIRE(!fa.finalize().is_error());
    PhysAddr block = fa.allocate(3, FrameUse::HeapSlab).value();
    auto found = fa.allocated_block_containing(block + 5 * PAGE_SIZE + 123);
    REQUIRE(!found.is_error());
    REQUIRE(found.value().base == block);
    REQUIRE(found.value().order == 3);
    REQUIRE(found.value().use == FrameUse::HeapSlab);
    REQUIRE(fa.allocated_block_containing(block + 8 * PAGE_SIZE).error() == Error::NoEntry); // free buddy
    fa.free(block, 3, FrameUse::HeapSlab);
    REQUIRE(fa.allocated_block_containing(block).error() == Error::NoEntry);
}

TEST_CASE("FrameAllocator reserve_range after finalize takes frames out of the free lists", "[mm][frames]")
{
    TestArena arena(ARENA_SIZE);
    FrameAllocator fa;
    fa.add_range(arena.base(), arena.size());
    REQUIRE(!fa.finalize().is_error());
    u64 total = fa.total_frames();
    PhysAddr hole = arena.base() + 33 * MiB + 3 * PAGE_SIZE;
    fa.reserve_range(hole, 5 * PAGE_SIZE);
    REQUIRE(fa.total_frames() == total - 5);
    REQUIRE(fa.free_frames() == total - 5);
    FrameStats s = fa.stats();
    REQUIRE(free_frames_from_blocks(s) == s.free_frames);
    fa.reserve_range(hole, 5 * PAGE_SIZE); // idempotent
    REQUIRE(fa.total_frames() == total - 5);
    std::vector<PhysAddr> frames = drain(fa, 0);
    REQUIRE(frames.size() == total - 5);
    for (PhysAddr f : frames)
        REQUIRE((f < hole || f >= hole + 5 * PAGE_SIZE));
}

TEST_CASE("FrameAllocator allocate_zeroed clears the block", "[mm][frames]")
{
    TestArena arena(8 * MiB);
    FrameAllocator fa;
    fa.add_range(arena.base(), arena.size());
    REQUIRE(!fa.finalize().is_error());
    PhysAddr block = fa.allocate_zeroed(2).value();
    auto* bytes = static_cast<u8*>(arch::phys_to_virt(block));
    for (usize i = 0; i < 4 * PAGE_SIZE; ++i)
        REQUIRE(bytes[i] == 0);
}

TEST_CASE("FrameAllocator keeps exact counts under random alloc/free", "[mm][frames]")
{
    TestArena arena(ARENA_SIZE);
    FrameAllocator fa;
    fa.add_range(arena.base(), arena.size());
    fa.reserve_range(arena.base() + 17 * MiB, 3 * MiB + 5);
    REQUIRE(!fa.finalize().is_error());
    FrameStats initial = fa.stats();
    std::mt19937_64 rng(0xfeedbeef);
    std::map<PhysAddr, u32> live; // base -> order
    u64 used = 0;
    u64 tag = 1;
    auto stamp = [](PhysAddr p, u32 order, u64 value) {
        auto* words = static_cast<u64*>(arch::phys_to_virt(p));
        words[0] = value;
        words[((PAGE_SIZE << order) / 8) - 1] = ~value;
    };
    auto check = [](PhysAddr p, u32 order) {
        auto* words = static_cast<u64*>(arch::phys_to_virt(p));
        return words[0] == ~words[((PAGE_SIZE << order) / 8) - 1];
    };
    for (int step = 0; step < 20000; ++step) {
        bool do_alloc = live.empty() || rng() % 100 < 55;
        if (do_alloc) {
            u32 order = u32(rng() % 100 < 80 ? rng() % 3 : rng() % (FrameAllocator::MAX_ORDER + 1));
            auto r = fa.allocate(order);
            if (r.is_error()) {
                REQUIRE(r.error() == Error::NoMemory);
                continue;
            }
            PhysAddr p = r.value();
            REQUIRE(p % (PAGE_SIZE << order) == 0);
            // Must not overlap any live block.
            auto next = live.lower_bound(p);
            if (next != live.end())
                REQUIRE(p + (PAGE_SIZE << order) <= next->first);
            if (next != live.begin()) {
                auto prev = std::prev(next);
                REQUIRE(prev->first + (PAGE_SIZE << prev->second) <= p);
            }
            stamp(p, order, tag++);
            live[p] = order;
            used += 1ull << order;
        } else {
            auto it = live.begin();
            std::advance(it, rng() % live.size());
            REQUIRE(check(it->first, it->second));
            fa.free(it->first, it->second);
            used -= 1ull << it->second;
            live.erase(it);
        }
        REQUIRE(fa.free_frames() == initial.total_frames - used);
    }
    for (auto const& [p, order] : live) {
        REQUIRE(check(p, order));
        fa.free(p, order);
    }
    REQUIRE(same_free_blocks(fa.stats(), initial));
}

TEST_CASE("FrameAllocator holds back memory beyond the direct map until extend_mapped", "[mm][frames]")
{
    TestArena arena(ARENA_SIZE);
    FrameAllocator fa;
    fa.add_range(arena.base(), arena.size());
    // A cut that is not block-aligned, so blocks on both sides must merge later.
    PhysAddr cut = arena.base() + 16 * MiB + 2 * PAGE_SIZE;
    REQUIRE(!fa.finalize(cut).is_error());
    FrameStats s = fa.stats();
    u64 below = (cut - arena.base()) / PAGE_SIZE - s.metadata_frames;
    REQUIRE(s.total_frames == below);
    REQUIRE(s.unmapped_frames == arena.frames() - below - s.metadata_frames);
    REQUIRE(free_frames_from_blocks(s) == s.free_frames);

    // A late reservation in the held-back part must survive its release.
    PhysAddr late = arena.base() + 50 * MiB;
    fa.reserve_range(late, PAGE_SIZE);
    std::vector<PhysAddr> early = drain(fa, 0);
    REQUIRE(early.size() == below);
    for (PhysAddr f : early)
        REQUIRE(f < cut);

    fa.extend_mapped(arena.base() + 40 * MiB);
    fa.extend_mapped(arena.base() + 30 * MiB); // going back is a no-op
    REQUIRE(fa.total_frames() == (40 * MiB / PAGE_SIZE) - s.metadata_frames);
    fa.extend_mapped(FrameAllocator::MAX_PHYS);
    REQUIRE(fa.stats().unmapped_frames == 0);
    std::vector<PhysAddr> rest = drain(fa, 0);
    REQUIRE(rest.size() == arena.frames() - s.metadata_frames - below - 1);
    for (PhysAddr f : rest)
        REQUIRE(f != late);
    for (PhysAddr f : early)
        fa.free(f);
    for (PhysAddr f : rest)
        fa.free(f);
    // Everything coalesced: only the 4 MiB block holding the state array and the
    // late reservation's block stay broken.
    REQUIRE(fa.stats().free_blocks[FrameAllocator::MAX_ORDER] == ARENA_SIZE / (4 * MiB) - 2);
}
