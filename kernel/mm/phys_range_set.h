// PhysRangeSet: a fixed-capacity set of physical address ranges, kept sorted and
// disjoint. The frame allocator uses it to normalise firmware memory maps, which
// may be unsorted, overlapping and full of holes, before it builds its free lists.
// Not synchronised: the owner serialises access.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

struct PhysRange {
    PhysAddr base;
    PhysAddr end; // exclusive

    constexpr u64 length() const { return end - base; }
};

class PhysRangeSet {
public:
    // Enough for any real memory map after merging (e820 maps have tens of entries).
    static constexpr usize CAPACITY = 128;

    constexpr PhysRangeSet() = default;

    // Adds [base, end), merging with overlapping or adjacent ranges.
    // Fails with NoSpace (set unchanged) if the result would need more than CAPACITY ranges.
    Result<void> add(PhysAddr base, PhysAddr end);
    // Removes [base, end) from the set. Fails with NoSpace (set unchanged) if
    // splitting a range would overflow the capacity.
    Result<void> remove(PhysAddr base, PhysAddr end);
    // True if any byte of [base, end) is in the set.
    bool intersects(PhysAddr base, PhysAddr end) const;
    // True if every byte of [base, end) is in the set.
    bool contains(PhysAddr base, PhysAddr end) const;

    usize count() const { return m_count; }
    PhysRange const& operator[](usize index) const { return m_ranges[index]; }
    u64 total_bytes() const;
    void clear() { m_count = 0; }

private:
    void erase_at(usize index, usize how_many);
    void insert_at(usize index, PhysRange range);

    PhysRange m_ranges[CAPACITY] {};
    usize m_count { 0 };
};
