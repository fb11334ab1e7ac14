// FrameAllocator: the physical frame allocator, a binary buddy allocator over 4 KiB
// frames (orders 0..MAX_ORDER). Free lists live inside the free blocks, reached
// through the direct map (free MAX_ORDER blocks are a bitmap instead); one state
// byte per frame, carved from RAM at finalize(), records block heads, so double
// frees and frees of reserved frames are caught.
// Locking: every public method takes m_lock (an interrupt-safe spinlock) itself;
// callers hold nothing. Boot: add_range()/reserve_range() in any order, then finalize().
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/mm/phys_range_set.h"
#include "kernel/sync/spinlock.h"

// Who owns an allocated block; recorded so kfree() can tell heap blocks from others.
enum class FrameUse : u8 {
    General = 0,
    HeapSlab = 1,
    HeapLarge = 2,
};

struct AllocatedBlock {
    PhysAddr base;
    u32 order;
    FrameUse use;
};

struct FrameStats {
    static constexpr u32 ORDER_COUNT = 11;
    u64 total_frames;     // frames handed to the allocator and not reserved
    u64 free_frames;
    u64 used_frames;      // total_frames - free_frames
    u64 metadata_frames;  // frames holding the per-frame state array
    u64 unmapped_frames;  // usable but held back until extend_mapped()
    u64 free_blocks[ORDER_COUNT];
    u64 dropped_ranges;   // add_range() calls lost to a full range table or above MAX_PHYS
};

class FrameAllocator {
public:
    static constexpr u32 MAX_ORDER = 10; // largest block: 4 MiB
    static constexpr u32 ORDER_COUNT = MAX_ORDER + 1;
    // Memory above this is ignored (state array would cost 1/4096 of the span).
    static constexpr PhysAddr MAX_PHYS = 1ull << 40;

    constexpr FrameAllocator() = default;
    FrameAllocator(FrameAllocator const&) = delete;
    FrameAllocator& operator=(FrameAllocator const&) = delete;

    // Declares usable RAM (shrunk inward to whole frames). Before finalize() only.
    void add_range(PhysAddr base, u64 length);
    // Declares memory that must never be handed out (grown outward to whole frames).
    // Before finalize() it is simply excluded; afterwards the frames are taken out of
    // the free lists. Panics if a frame in the range is already allocated.
    void reserve_range(PhysAddr base, u64 length);
    // Places the per-frame state array in usable RAM and builds the free lists.
    // Only memory below mapped_end (what arch::phys_to_virt can reach yet, e.g. the
    // boot page tables' 4 GiB) is made allocatable now: the free lists live inside
    // the free blocks. The rest waits for extend_mapped().
    // Fails with NoMemory if there is no usable memory or nowhere to put the array.
    Result<void> finalize(PhysAddr mapped_end = MAX_PHYS);
    // The direct map now reaches mapped_end: frees the usable memory below it that
    // finalize() held back. After finalize() only.
    void extend_mapped(PhysAddr mapped_end);
    bool is_finalized() const { return m_meta != nullptr; }

    // A naturally aligned block of 2^order frames. NoMemory when none is free,
    // InvalidArgument for order > MAX_ORDER.
    Result<PhysAddr> allocate(u32 order = 0, FrameUse use = FrameUse::General);
    Result<PhysAddr> allocate_zeroed(u32 order = 0, FrameUse use = FrameUse::General);
    // Returns a block from allocate(). Panics on a double free, a wrong order or use,
    // or an address that was never allocated (reserved, out of range, misaligned).
    void free(PhysAddr base, u32 order = 0, FrameUse use = FrameUse::General);
    // free() that reports misuse as InvalidArgument instead of panicking.
    Result<void> try_free(PhysAddr base, u32 order = 0, FrameUse use = FrameUse::General);

    // The allocated block containing addr, or NoEntry. Lock-free: exact for any
    // address inside a block the caller owns (its state bytes cannot change under it).
    Result<AllocatedBlock> allocated_block_containing(PhysAddr addr) const;

    FrameStats stats() const;
    u64 total_frames() const;
    u64 free_frames() const;
    u64 used_frames() const { return total_frames() - free_frames(); }

    static constexpr u32 order_for_bytes(u64 bytes)
    {
        u32 order = 0;
        while ((PAGE_SIZE << order) < bytes)
            ++order;
        return order;
    }

private:
    struct FreeBlock {
        FreeBlock* next;
        FreeBlock* prev;
    };

    u8 state(u64 pfn) const;
    void set_state(u64 pfn, u8 value);
    bool in_span(u64 pfn) const { return pfn >= m_base_pfn && pfn < m_end_pfn; }
    FreeBlock* block_at(u64 pfn) const;
    u64 pfn_of(FreeBlock const* block) const;
    void push_free(u64 pfn, u32 order);
    void unlink_free(u64 pfn, u32 order);
    // Merges the free block at pfn with free buddies, then lists it. Its head must not
    // be on a list yet. Caller holds m_lock.
    void coalesce_and_push(u64 pfn, u32 order);
    // Head pfn of the block containing pfn, or ~0 if pfn is not inside a block.
    u64 find_head(u64 pfn) const;
    void carve_frame(u64 pfn);
    Result<void> free_locked(u64 pfn, u32 order, FrameUse use);
    Result<void> place_state_array(PhysRangeSet& free_ranges, PhysAddr mapped_end);
    // Makes [pfn, end_pfn) free: TAIL state, then maximal aligned blocks. Caller holds m_lock.
    void add_free_frames(u64 pfn, u64 end_pfn);
    // Frees the held-back ranges below mapped_end. Caller holds m_lock.
    void release_unmapped(PhysAddr mapped_end);

    mutable Spinlock m_lock;
    PhysRangeSet m_usable;
    PhysRangeSet m_reserved;
    PhysRangeSet m_unmapped; // usable, free, not yet reachable through the direct map
    // Lowest set bit of the MAX_ORDER bitmap, scanning from m_max_hint. Caller holds m_lock.
    u64 take_first_max_block();

    // Free MAX_ORDER blocks are a bitmap, not a list, so building the free lists
    // touches none of the free memory (it may not even be backed yet under QEMU).
    u64* m_max_bitmap { nullptr };
    u64 m_max_base_pfn { 0 };
    u64 m_max_words { 0 };
    u64 m_max_hint { 0 }; // no set bit in words below this
    FreeBlock* m_free_lists[ORDER_COUNT] {};
    u64 m_free_counts[ORDER_COUNT] {};
    u8* m_meta { nullptr };
    u64 m_base_pfn { 0 };
    u64 m_end_pfn { 0 };
    u64 m_total_frames { 0 };
    u64 m_free_frames { 0 };
    u64 m_meta_frames { 0 };
    u64 m_dropped_ranges { 0 };
};

// The kernel's frame allocator. Constant-initialised: usable before any constructor runs.
FrameAllocator& frame_allocator();
