// The kernel heap: kmalloc/kfree over power-of-two slab caches (16..2048 bytes) and,
// above that, whole buddy blocks from the frame allocator. Never panics on
// exhaustion (returns nullptr); panics on a bad kfree. Interrupt-safe; callers hold
// no locks of their own requirement, and the heap never blocks.
#pragma once

#include <atomic>

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/mm/frame_allocator.h"
#include "kernel/mm/slab_cache.h"

struct HeapStats {
    static constexpr usize CLASS_COUNT = 8;
    HeapClassStats classes[CLASS_COUNT];
    u64 bytes_in_use;            // rounded-up sizes of live objects and large blocks
    u64 frames_held;             // slab and large-block frames owned by the heap
    u64 large_allocations_in_use;
    u64 large_bytes_in_use;
    u64 allocations;
    u64 frees;
    u64 failed_allocations;
};

class Heap {
public:
    static constexpr usize CLASS_COUNT = HeapStats::CLASS_COUNT;
    static constexpr usize MAX_CLASS_SIZE = 2048;
    // Largest request: one MAX_ORDER buddy block.
    static constexpr usize MAX_ALLOCATION = PAGE_SIZE << FrameAllocator::MAX_ORDER;

    // The kernel heap, drawing on frame_allocator().
    constexpr Heap() = default;
    // A heap over another frame allocator (host tests).
    constexpr explicit Heap(FrameAllocator& frames)
        : m_frames(&frames)
    {
    }
    Heap(Heap const&) = delete;
    Heap& operator=(Heap const&) = delete;

    // At least size bytes aligned to min(next power of two >= size, 4096) (16 at least).
    void* allocate(usize size);
    // alignment: a power of two up to MAX_ALLOCATION; nullptr otherwise.
    void* allocate_aligned(usize size, usize alignment);
    // Panics if ptr did not come from this heap or was already freed. nullptr is fine.
    void free(void* ptr);
    // free() that reports misuse as InvalidArgument instead of panicking.
    Result<void> try_free(void* ptr);
    // Bytes actually usable at ptr (its size class or block size).
    Result<usize> usable_size(void* ptr);

    HeapStats stats() const;
    // Returns cached empty slabs to the frame allocator; returns frames released.
    u64 trim();

private:
    FrameAllocator& frames() const { return m_frames ? *m_frames : frame_allocator(); }
    void* allocate_large(u32 order);
    SlabCache* cache_for(void* slab_base);

    FrameAllocator* m_frames { nullptr };
    SlabCache m_caches[CLASS_COUNT] {
        { 16, 0 }, { 32, 0 }, { 64, 0 }, { 128, 0 }, { 256, 0 }, { 512, 1 }, { 1024, 2 }, { 2048, 3 },
    };
    std::atomic<u64> m_large_in_use { 0 };
    std::atomic<u64> m_large_frames { 0 };
    std::atomic<u64> m_large_allocations { 0 };
    std::atomic<u64> m_large_frees { 0 };
    std::atomic<u64> m_large_failed { 0 };
};

// The kernel heap. Constant-initialised; works as soon as frame_allocator() is finalized
// (before that every kmalloc returns nullptr).
Heap& kernel_heap();

void* kmalloc(usize size);
void* kmalloc_aligned(usize size, usize alignment);
void kfree(void* ptr);
HeapStats heap_stats();
