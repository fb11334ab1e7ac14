// FrameRefCounts: how many page-table entries map each user frame, so that fork
// can share frames copy-on-write and a frame is freed when its last mapping goes.
// A frame mapped once has no entry (count 1 is implicit), so the table holds only
// shared frames. Locking: every method takes m_lock (a Mutex: thread context only).
// Lock order: AddressSpace::m_lock, then this.
#pragma once

#include "kernel/lib/hash_map.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/sync/mutex.h"

class FrameRefCounts {
public:
    FrameRefCounts() = default;
    FrameRefCounts(FrameRefCounts const&) = delete;
    FrameRefCounts& operator=(FrameRefCounts const&) = delete;

    // One more mapping of frame (which already has at least one). NoMemory.
    Result<void> add_reference(PhysAddr frame);
    // One mapping of frame went away; frees the frame through frame_allocator()
    // when it was the last. Returns true if it freed it.
    bool release(PhysAddr frame);
    // Mappings of frame (1 for a frame without an entry).
    u32 count(PhysAddr frame) const;
    // Frames currently mapped more than once.
    usize shared_frame_count() const;

private:
    mutable Mutex m_lock;
    HashMap<PhysAddr, u32> m_counts; // only counts >= 2
};

// The one table for every address space on this node.
FrameRefCounts& frame_ref_counts();
