// Tests of the kernel heap over a host arena: alignment per size class, no overlap
// (checked by patterns), large blocks, statistics, exhaustion, misuse reporting,
// slab release, and concurrent use from several threads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <random>
#include <set>
#include <thread>
#include <vector>

#include "kernel/arch/memory.h"
#include "kernel/mm/heap.h"
#include "test_arena.h"

namespace {

constexpr usize ARENA_SIZE = 64 * MiB;

struct HeapFixture {
    TestArena arena { ARENA_SIZE };
    FrameAllocator frames;
    Heap heap { frames };

    HeapFixture()
    {
        frames.add_range(arena.base(), arena.size());
        frames.reserve_range(arena.base(), 1 * MiB);
        REQUIRE(!frames.finalize().is_error());
    }
};

usize expected_alignment(usize size)
{
    if (size > Heap::MAX_CLASS_SIZE)
        return PAGE_SIZE;
    usize a = 16;
    while (a < size)
        a <<= 1;
    return a;
}

struct Live {
    u8* ptr;
    usize size;
    u8 fill;
};

void fill(Live const& l) { std::memset(l.ptr, l.fill, l.size); }
bool intact(Live const& l)
{
    for (usize i = 0; i < l.size; ++i) {
        if (l.ptr[i] != l.fill)
            return false;
    }
    return true;
}

} // namespace

TEST_CASE("Heap aligns every object to its size class", "[mm][heap]")
{
    HeapFixture f;
    std::vector<void*> ptrs;
    for (usize size = 0; size <= 3 * PAGE_SIZE; size += (size < 300 ? 1 : 97)) {
        void* p = f.heap.allocate(size);
        REQUIRE(p != nullptr);
        REQUIRE(reinterpret_cast<uptr>(p) % expected_alignment(size) == 0);
        REQUIRE(f.heap.usable_size(p).value() >= size);
        ptrs.push_back(p);
    }
    std::set<void*> distinct(ptrs.begin(), ptrs.end());
    REQUIRE(distinct.size() == ptrs.size()); // including size 0
    for (void* p : ptrs)
        f.heap.free(p);
    REQUIRE(f.heap.stats().bytes_in_use == 0);
}

TEST_CASE("Heap objects never overlap under random alloc/free", "[mm][heap]")
{
    HeapFixture f;
    u64 frames_before = f.frames.free_frames();
    std::mt19937_64 rng(424242);
    std::vector<Live> live;
    for (int step = 0; step < 30000; ++step) {
        if (live.empty() || rng() % 100 < 60) {
            usize size = rng() % 100 < 90 ? 1 + rng() % 512 : 1 + rng() % (20 * 1024);
            auto* p = static_cast<u8*>(f.heap.allocate(size));
            REQUIRE(p != nullptr);
            Live l { p, size, u8(step) };
            fill(l);
            live.push_back(l);
        } else {
            usize i = rng() % live.size();
            REQUIRE(intact(live[i]));
            f.heap.free(live[i].ptr);
            live[i] = live.back();
            live.pop_back();
        }
    }
    for (Live const& l : live) {
        REQUIRE(intact(l));
        f.heap.free(l.ptr);
    }
    HeapStats s = f.heap.stats();
    REQUIRE(s.bytes_in_use == 0);
    REQUIRE(s.allocations == s.frees);
    f.heap.trim();
    REQUIRE(f.heap.stats().frames_held == 0);
    REQUIRE(f.frames.free_frames() == frames_before);
}

TEST_CASE("Heap statistics track objects, bytes and frames", "[mm][heap]")
{
    HeapFixture f;
    std::vector<void*> small;
    for (int i = 0; i < 100; ++i)
        small.push_back(f.heap.allocate(64));
    void* large = f.heap.allocate(10000); // a 16 KiB block
    HeapStats s = f.heap.stats();
    HeapClassStats const& c64 = s.classes[2];
    REQUIRE(c64.object_size == 64);
    REQUIRE(c64.objects_in_use == 100);
    REQUIRE(c64.allocations == 100);
    REQUIRE(c64.slabs == (100 + c64.objects_per_slab - 1) / c64.objects_per_slab);
    REQUIRE(c64.objects_free == c64.slabs * c64.objects_per_slab - 100);
    REQUIRE(s.large_allocations_in_use == 1);
    REQUIRE(s.large_bytes_in_use == 16384);
    REQUIRE(s.bytes_in_use == 100 * 64 + 16384);
    REQUIRE(s.frames_held == c64.slabs * c64.slab_frames + 4);
    REQUIRE(s.allocations == 101);
    REQUIRE(f.heap.usable_size(large).value() == 16384);
    for (void* p : small)
        f.heap.free(p);
    f.heap.free(large);
    s = f.heap.stats();
    REQUIRE(s.classes[2].objects_in_use == 0);
    REQUIRE(s.classes[2].frees == 100);
    REQUIRE(s.frees == 101);
    REQUIRE(s.large_allocations_in_use == 0);
    REQUIRE(s.bytes_in_use == 0);
    REQUIRE(s.failed_allocations == 0);
}

TEST_CASE("Heap returns empty slabs to the frame allocator", "[mm][heap]")
{
    HeapFixture f;
    u64 frames_before = f.frames.free_frames();
    std::vector<void*> ptrs;
    for (int i = 0; i < 1000; ++i)
        ptrs.push_back(f.heap.allocate(16));
    REQUIRE(f.heap.stats().classes[0].slabs >= 4);
    for (void* p : ptrs)
        f.heap.free(p);
    // One empty slab stays cached against thrashing; trim releases it.
    REQUIRE(f.heap.stats().classes[0].slabs == 1);
    REQUIRE(f.heap.trim() == 1);
    REQUIRE(f.heap.stats().classes[0].slabs == 0);
    REQUIRE(f.frames.free_frames() == frames_before);
}

TEST_CASE("Heap large allocations are whole buddy blocks", "[mm][heap]")
{
    HeapFixture f;
    u64 frames_before = f.frames.free_frames();
    void* a = f.heap.allocate(Heap::MAX_CLASS_SIZE + 1);
    void* b = f.heap.allocate(Heap::MAX_ALLOCATION);
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    REQUIRE(f.heap.usable_size(a).value() == PAGE_SIZE);
    REQUIRE(reinterpret_cast<uptr>(b) % Heap::MAX_ALLOCATION == 0);
    std::memset(b, 0xab, Heap::MAX_ALLOCATION);
    REQUIRE(f.frames.free_frames() == frames_before - 1 - (1u << FrameAllocator::MAX_ORDER));
    REQUIRE(f.heap.allocate(Heap::MAX_ALLOCATION + 1) == nullptr);
    REQUIRE(f.heap.stats().failed_allocations == 1);
    f.heap.free(a);
    f.heap.free(b);
    REQUIRE(f.frames.free_frames() == frames_before);
}

TEST_CASE("Heap allocate_aligned honours the alignment", "[mm][heap]")
{
    HeapFixture f;
    struct Case {
        usize size, alignment;
    };
    for (Case c : { Case { 8, 8 }, Case { 8, 256 }, Case { 100, 2048 }, Case { 100, 4096 }, Case { 5000, 65536 },
             Case { 3000, 16 } }) {
        void* p = f.heap.allocate_aligned(c.size, c.alignment);
        REQUIRE(p != nullptr);
        REQUIRE(reinterpret_cast<uptr>(p) % c.alignment == 0);
        REQUIRE(f.heap.usable_size(p).value() >= c.size);
        f.heap.free(p);
    }
    REQUIRE(f.heap.allocate_aligned(16, 48) == nullptr);
    REQUIRE(f.heap.allocate_aligned(16, 0) == nullptr);
}

TEST_CASE("Heap reports bad frees instead of corrupting itself", "[mm][heap]")
{
    HeapFixture f;
    auto* p = static_cast<u8*>(f.heap.allocate(100));
    auto* large = static_cast<u8*>(f.heap.allocate(3 * PAGE_SIZE));
    REQUIRE(!f.heap.try_free(nullptr).is_error());
    REQUIRE(f.heap.try_free(p + 1).error() == Error::InvalidArgument);     // interior
    REQUIRE(f.heap.try_free(large + 16).error() == Error::InvalidArgument); // interior
    REQUIRE(!f.heap.try_free(p).is_error());
    REQUIRE(f.heap.try_free(p).error() == Error::InvalidArgument); // double free, slab
    REQUIRE(!f.heap.try_free(large).is_error());
    REQUIRE(f.heap.try_free(large).error() == Error::InvalidArgument); // double free, large

    PhysAddr raw = f.frames.allocate(0).value(); // not the heap's
    REQUIRE(f.heap.try_free(arch::phys_to_virt(raw)).error() == Error::InvalidArgument);
    REQUIRE(f.heap.try_free(arch::phys_to_virt(f.arena.base())).error() == Error::InvalidArgument); // reserved

    // A slab of another heap over the same frames is not ours to free.
    Heap other(f.frames);
    void* foreign = other.allocate(32);
    REQUIRE(f.heap.try_free(foreign).error() == Error::InvalidArgument);
    other.free(foreign);
    REQUIRE(f.heap.stats().bytes_in_use == 0);
}

TEST_CASE("Heap returns nullptr on exhaustion and recovers", "[mm][heap]")
{
    TestArena arena(8 * MiB);
    FrameAllocator frames;
    frames.add_range(arena.base(), arena.size());
    REQUIRE(!frames.finalize().is_error());
    Heap heap(frames);
    u64 frames_before = frames.free_frames();
    std::vector<void*> ptrs;
    for (;;) {
        void* p = heap.allocate(2048);
        if (!p)
            break;
        ptrs.push_back(p);
    }
    REQUIRE(!ptrs.empty());
    REQUIRE(heap.stats().failed_allocations == 1);
    // Smaller blocks are still left for smaller requests; use them up too.
    for (;;) {
        void* p = heap.allocate(16);
        if (!p)
            break;
        ptrs.push_back(p);
    }
    REQUIRE(heap.stats().failed_allocations == 2);
    REQUIRE(frames.free_frames() == 0);
    REQUIRE(heap.allocate(5000) == nullptr);
    REQUIRE(heap.stats().failed_allocations == 3);
    for (void* p : ptrs)
        heap.free(p);
    heap.trim();
    REQUIRE(frames.free_frames() == frames_before);
    REQUIRE(heap.allocate(2048) != nullptr);
}

TEST_CASE("Heap stays consistent under concurrent use", "[mm][heap]")
{
    HeapFixture f;
    constexpr int THREADS = 4;
    std::vector<std::thread> threads;
    std::vector<int> corrupt(THREADS, 0);
    for (int t = 0; t < THREADS; ++t) {
        threads.emplace_back([&, t] {
            std::mt19937_64 rng(1000 + t);
            std::vector<Live> live;
            for (int step = 0; step < 20000; ++step) {
                if (live.empty() || rng() % 2) {
                    usize size = 1 + rng() % (rng() % 10 == 0 ? 8192 : 256);
                    auto* p = static_cast<u8*>(f.heap.allocate(size));
                    if (!p)
                        continue;
                    Live l { p, size, u8(t * 64 + step % 64) };
                    fill(l);
                    live.push_back(l);
                } else {
                    usize i = rng() % live.size();
                    if (!intact(live[i]))
                        ++corrupt[t];
                    f.heap.free(live[i].ptr);
                    live[i] = live.back();
                    live.pop_back();
                }
            }
            for (Live const& l : live) {
                if (!intact(l))
                    ++corrupt[t];
                f.heap.free(l.ptr);
            }
        });
    }
    for (auto& th : threads)
        th.join();
    for (int t = 0; t < THREADS; ++t)
        REQUIRE(corrupt[t] == 0);
    HeapStats s = f.heap.stats();
    REQUIRE(s.bytes_in_use == 0);
    REQUIRE(s.allocations == s.frees);
}

TEST_CASE("kmalloc and kfree use the kernel heap over frame_allocator()", "[mm][heap]")
{
    global_test_arena();
    HeapStats before = heap_stats();
    void* p = kmalloc(200);
    void* q = kmalloc_aligned(64, 1024);
    void* r = kmalloc(100000);
    REQUIRE(p != nullptr);
    REQUIRE(reinterpret_cast<uptr>(q) % 1024 == 0);
    REQUIRE(r != nullptr);
    REQUIRE(heap_stats().allocations == before.allocations + 3);
    kfree(p);
    kfree(q);
    kfree(r);
    kfree(nullptr);
    REQUIRE(heap_stats().bytes_in_use == before.bytes_in_use);
}
