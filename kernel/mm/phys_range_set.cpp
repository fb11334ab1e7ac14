// PhysRangeSet: sorted, disjoint range arithmetic over a fixed array. Sets are small
// (tens of entries) and used at boot, so linear scans and shifting are the right cost.
#include "kernel/mm/phys_range_set.h"

void PhysRangeSet::erase_at(usize index, usize how_many)
{
    for (usize i = index; i + how_many < m_count; ++i)
        m_ranges[i] = m_ranges[i + how_many];
    m_count -= how_many;
}

void PhysRangeSet::insert_at(usize index, PhysRange range)
{
    for (usize i = m_count; i > index; --i)
        m_ranges[i] = m_ranges[i - 1];
    m_ranges[index] = range;
    ++m_count;
}

Result<void> PhysRangeSet::add(PhysAddr base, PhysAddr end)
{
    if (base >= end)
        return {};
    // First range that ends at or after base: everything before it stays untouched.
    usize first = 0;
    while (first < m_count && m_ranges[first].end < base)
        ++first;
    // Ranges [first, last) touch or overlap the new one and merge into it.
    usize last = first;
    PhysRange merged { base, end };
    while (last < m_count && m_ranges[last].base <= end) {
        if (m_ranges[last].base < merged.base)
            merged.base = m_ranges[last].base;
        if (m_ranges[last].end > merged.end)
            merged.end = m_ranges[last].end;
        ++last;
    }
    if (last == first) {
        if (m_count == CAPACITY)
            return Error::NoSpace;
        insert_at(first, merged);
        return {};
    }
    m_ranges[first] = merged;
    erase_at(first + 1, last - first - 1);
    return {};
}

Result<void> PhysRangeSet::remove(PhysAddr base, PhysAddr end)
{
    if (base >= end)
        return {};
    for (usize i = 0; i < m_count;) {
        PhysRange& r = m_ranges[i];
        if (r.end <= base || r.base >= end) {
            ++i;
            continue;
        }
        bool keep_low = r.base < base;
        bool keep_high = r.end > end;
        if (keep_low && keep_high) {
            if (m_count == CAPACITY)
                return Error::NoSpace;
            PhysRange high { end, r.end };
            r.end = base;
            insert_at(i + 1, high);
            return {}; // ranges are disjoint: nothing further can overlap
        }
        if (keep_low) {
            r.end = base;
            ++i;
        } else if (keep_high) {
            r.base = end;
            ++i;
        } else {
            erase_at(i, 1);
        }
    }
    return {};
}

bool PhysRangeSet::intersects(PhysAddr base, PhysAddr end) const
{
    for (usize i = 0; i < m_count; ++i) {
        if (m_ranges[i].base < end && m_ranges[i].end > base)
            return true;
    }
    return false;
}

bool PhysRangeSet::contains(PhysAddr base, PhysAddr end) const
{
    if (base >= end)
        return true;
    for (usize i = 0; i < m_count; ++i) {
        if (m_ranges[i].base <= base && m_ranges[i].end >= end)
            return true;
    }
    return false;
}

u64 PhysRangeSet::total_bytes() const
{
    u64 total = 0;
    for (usize i = 0; i < m_count; ++i)
        total += m_ranges[i].length();
    return total;
}
