// In-kernel self-tests of memory management on the real machine: every buddy order,
// random frame and heap stress with pattern checks, and misuse detection. Bookkeeping
// lives in static arrays so the tests do not depend on the allocator under test.
#include <new>

#include "kernel/arch/memory.h"
#include "kernel/mm/frame_allocator.h"
#include "kernel/mm/heap.h"
#include "kernel/selftest/selftest.h"

namespace {

// xorshift64*: deterministic, so a failure replays the same way.
class TestRandom {
public:
    explicit TestRandom(u64 seed)
        : m_state(seed)
    {
    }
    u64 next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545f4914f6cdd1dull;
    }
    u64 below(u64 bound) { return next() % bound; }

private:
    u64 m_state;
};

u64* block_words(PhysAddr base) { return static_cast<u64*>(arch::phys_to_virt(base)); }

void stamp_block(PhysAddr base, u32 order, u64 tag)
{
    u64* words = block_words(base);
    words[0] = tag;
    words[(PAGE_SIZE << order) / 8 - 1] = ~tag;
}

bool block_intact(PhysAddr base, u32 order, u64 tag)
{
    u64* words = block_words(base);
    return words[0] == tag && words[(PAGE_SIZE << order) / 8 - 1] == ~tag;
}

struct LiveBlock {
    PhysAddr base;
    u32 order;
    u64 tag;
};

struct LiveObject {
    u8* ptr;
    usize size;
    u8 fill;
};

// Small objects are filled entirely; big ones only at both ends, to keep TCG fast.
constexpr usize FULL_FILL_LIMIT = 512;
constexpr usize EDGE_BYTES = 64;

void fill_object(LiveObject const& o)
{
    for (usize i = 0; i < o.size; ++i) {
        if (o.size <= FULL_FILL_LIMIT || i < EDGE_BYTES || i >= o.size - EDGE_BYTES)
            o.ptr[i] = u8(o.fill + i);
    }
}

bool object_intact(LiveObject const& o)
{
    for (usize i = 0; i < o.size; ++i) {
        if ((o.size <= FULL_FILL_LIMIT || i < EDGE_BYTES || i >= o.size - EDGE_BYTES) && o.ptr[i] != u8(o.fill + i))
            return false;
    }
    return true;
}

LiveBlock s_blocks[64];
LiveObject s_objects[256];

} // namespace

SELFTEST("mm: frame allocator serves and takes back every order")
{
    FrameAllocator& frames = frame_allocator();
    u64 start = frames.free_frames();
    for (u32 order = 0; order <= FrameAllocator::MAX_ORDER; ++order) {
        PhysAddr held[4];
        u32 count = 0;
        for (; count < 4; ++count) {
            auto block = frames.allocate(order);
            if (block.is_error())
                break;
            held[count] = block.value();
            ST_EXPECT(held[count] % (PAGE_SIZE << order) == 0);
            stamp_block(held[count], order, order * 16 + count);
        }
        ST_EXPECT(count > 0);
        for (u32 i = 0; i < count; ++i) {
            ST_EXPECT(block_intact(held[i], order, order * 16 + i));
            frames.free(held[i], order);
        }
    }
    ST_EXPECT(frames.free_frames() == start);
}

SELFTEST("mm: frame allocator random stress keeps exact counts")
{
    FrameAllocator& frames = frame_allocator();
    TestRandom random(0x5eed0001);
    u64 start = frames.free_frames();
    usize live = 0;
    u64 held_frames = 0;
    for (u64 step = 0; step < 4000; ++step) {
        bool allocate = live == 0 || (live < 64 && random.below(100) < 55);
        if (allocate) {
            u32 order = u32(random.below(100) < 85 ? random.below(3) : random.below(7));
            auto block = frames.allocate(order);
            if (block.is_error())
                continue;
            s_blocks[live] = { block.value(), order, step * 0x9e3779b97f4a7c15ull };
            stamp_block(s_blocks[live].base, order, s_blocks[live].tag);
            held_frames += 1ull << order;
            ++live;
        } else {
            usize i = usize(random.below(live));
            ST_EXPECT(block_intact(s_blocks[i].base, s_blocks[i].order, s_blocks[i].tag));
            frames.free(s_blocks[i].base, s_blocks[i].order);
            held_frames -= 1ull << s_blocks[i].order;
            s_blocks[i] = s_blocks[--live];
        }
    }
    ST_EXPECT(frames.free_frames() == start - held_frames);
    while (live > 0) {
        --live;
        ST_EXPECT(block_intact(s_blocks[live].base, s_blocks[live].order, s_blocks[live].tag));
        frames.free(s_blocks[live].base, s_blocks[live].order);
    }
    ST_EXPECT(frames.free_frames() == start);
}

SELFTEST("mm: kmalloc random sizes keep their contents")
{
    TestRandom random(0x5eed0002);
    HeapStats before = heap_stats();
    usize live = 0;
    u32 failures = 0;
    u64 ours = 0;
    for (u64 step = 0; step < 6000; ++step) {
        bool allocate = live == 0 || (live < 256 && random.below(100) < 55);
        if (allocate) {
            u64 pick = random.below(100);
            usize size = pick < 80 ? 1 + random.below(256) : pick < 97 ? 1 + random.below(4096) : 1 + random.below(64 * KiB);
            auto* p = static_cast<u8*>(kmalloc(size));
            if (!p) {
                ++failures;
                continue;
            }
            usize align = size > Heap::MAX_CLASS_SIZE ? PAGE_SIZE : 16;
            ST_EXPECT(reinterpret_cast<uptr>(p) % align == 0);
            s_objects[live] = { p, size, u8(step) };
            fill_object(s_objects[live]);
            ++live;
            ++ours;
        } else {
            usize i = usize(random.below(live));
            ST_EXPECT(object_intact(s_objects[i]));
            kfree(s_objects[i].ptr);
            s_objects[i] = s_objects[--live];
        }
    }
    while (live > 0) {
        --live;
        ST_EXPECT(object_intact(s_objects[live]));
        kfree(s_objects[live].ptr);
    }
    ST_EXPECT(failures == 0);
    // Other threads may use the heap meanwhile, so only lower bounds are exact.
    HeapStats after = heap_stats();
    ST_EXPECT(ours >= 3000);
    ST_EXPECT(after.allocations - before.allocations >= ours);
    ST_EXPECT(after.frees - before.frees >= ours);
}

SELFTEST("mm: heap and frame allocator reject double frees")
{
    void* p = kmalloc(48);
    ST_EXPECT(p != nullptr);
    ST_EXPECT(!kernel_heap().try_free(p).is_error());
    ST_EXPECT(kernel_heap().try_free(p).error() == Error::InvalidArgument);

    auto frame = frame_allocator().allocate(1);
    ST_EXPECT(!frame.is_error());
    if (!frame.is_error()) {
        ST_EXPECT(!frame_allocator().try_free(frame.value(), 1).is_error());
        ST_EXPECT(frame_allocator().try_free(frame.value(), 1).error() == Error::InvalidArgument);
    }
}

SELFTEST("mm: nothrow new and delete go through the heap")
{
    u64 allocations = heap_stats().allocations;
    auto* values = new (std::nothrow) u64[100];
    ST_EXPECT(values != nullptr);
    if (values) {
        for (u64 i = 0; i < 100; ++i)
            values[i] = i * i;
        ST_EXPECT(values[99] == 99 * 99);
        delete[] values;
    }
    ST_EXPECT(heap_stats().allocations > allocations);
}
