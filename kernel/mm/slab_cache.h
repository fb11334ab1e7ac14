// SlabCache: one kernel heap size class. Objects of one power-of-two size are carved
// from slabs (naturally aligned buddy blocks tagged FrameUse::HeapSlab) whose first
// bytes hold a header with a free list and a free bitmap (for double-free detection).
// Locking: each cache has its own spinlock, taken inside every method; the frame
// allocator is never called with it held.
#pragma once

#include <atomic>

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/mm/frame_allocator.h"
#include "kernel/sync/spinlock.h"

struct HeapClassStats {
    u32 object_size;
    u32 slab_frames;      // frames per slab
    u32 objects_per_slab;
    u64 slabs;
    u64 objects_in_use;
    u64 objects_free;     // free slots in the slabs this cache holds
    u64 allocations;
    u64 frees;
};

class SlabCache {
public:
    struct Slab;

    // object_size: a power of two, 16..2048; objects are aligned to it.
    constexpr SlabCache(u32 object_size, u32 slab_order)
        : m_object_size(object_size)
        , m_slab_order(slab_order)
    {
    }
    SlabCache(SlabCache const&) = delete;
    SlabCache& operator=(SlabCache const&) = delete;

    u32 object_size() const { return m_object_size; }
    u32 slab_order() const { return m_slab_order; }

    // nullptr when no slab can be had from frames.
    void* allocate(FrameAllocator& frames);
    // ptr lies in the slab whose block starts at slab_base. InvalidArgument if it
    // is not an object boundary of this cache's slab or is already free.
    Result<void> free(FrameAllocator& frames, void* slab_base, void* ptr);
    // The cache that owns the slab at slab_base, or nullptr if it is not a slab header.
    static SlabCache* owner_of(void* slab_base);

    HeapClassStats stats() const;
    u64 failed_allocations() const { return m_failed.load(std::memory_order_relaxed); }
    // Returns every wholly free slab to frames; returns the frames released.
    u64 trim(FrameAllocator& frames);

private:
    struct SlabList {
        Slab* head { nullptr };
        u64 count { 0 };
        void push(Slab* slab);
        void remove(Slab* slab);
    };

    Slab* create_slab(FrameAllocator& frames);
    void* take_object(Slab* slab);
    // Moves slab to the list that matches its fill level. Caller must hold m_lock.
    void relist(Slab* slab);

    u32 m_object_size;
    u32 m_slab_order;
    mutable Spinlock m_lock;
    SlabList m_partial;
    SlabList m_full;
    SlabList m_empty;
    u64 m_objects_in_use { 0 };
    u64 m_objects_free { 0 };
    u64 m_allocations { 0 };
    u64 m_frees { 0 };
    std::atomic<u64> m_failed { 0 };
};
