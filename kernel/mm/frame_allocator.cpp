// FrameAllocator: buddy allocation with doubly linked free lists threaded through
// the free blocks themselves and one state byte per frame of the physical span.
// The state array is what makes coalescing O(1) per level and misuse detectable.
#include "kernel/mm/frame_allocator.h"

#include "kernel/arch/memory.h"
#include "kernel/panic.h"

static_assert(FrameStats::ORDER_COUNT == FrameAllocator::ORDER_COUNT);

namespace {

// Per-frame state byte. Only block heads carry an order; every other frame of a
// block (free or allocated) is TAIL, so a head byte is exact and merging two blocks
// rewrites one byte.
constexpr u8 STATE_UNAVAILABLE = 0x00; // hole, reserved, or the state array itself
constexpr u8 STATE_TAIL = 0x20;
constexpr u8 STATE_FREE = 0x40;        // | order
constexpr u8 STATE_ALLOCATED = 0x80;   // | use << 4 | order
constexpr u8 STATE_ORDER_MASK = 0x0f;
constexpr u64 NO_FRAME = ~0ull;

constexpr u8 free_state(u32 order) { return u8(STATE_FREE | order); }
constexpr u8 allocated_state(u32 order, FrameUse use) { return u8(STATE_ALLOCATED | (u32(use) << 4) | order); }
constexpr bool is_allocated(u8 s) { return (s & STATE_ALLOCATED) != 0; }
constexpr u32 order_of(u8 s) { return s & STATE_ORDER_MASK; }

constinit FrameAllocator s_frame_allocator;

} // namespace

FrameAllocator& frame_allocator() { return s_frame_allocator; }

// Relaxed atomics: allocated_block_containing() reads without the lock.
u8 FrameAllocator::state(u64 pfn) const { return __atomic_load_n(&m_meta[pfn - m_base_pfn], __ATOMIC_RELAXED); }
void FrameAllocator::set_state(u64 pfn, u8 value) { __atomic_store_n(&m_meta[pfn - m_base_pfn], value, __ATOMIC_RELAXED); }

FrameAllocator::FreeBlock* FrameAllocator::block_at(u64 pfn) const
{
    return static_cast<FreeBlock*>(arch::phys_to_virt(pfn * PAGE_SIZE));
}

u64 FrameAllocator::pfn_of(FreeBlock const* block) const { return arch::virt_to_phys(block) / PAGE_SIZE; }

void FrameAllocator::push_free(u64 pfn, u32 order)
{
    if (order == MAX_ORDER) {
        u64 index = (pfn - m_max_base_pfn) >> MAX_ORDER;
        m_max_bitmap[index / 64] |= 1ull << (index % 64);
        if (index / 64 < m_max_hint)
            m_max_hint = index / 64;
        ++m_free_counts[order];
        set_state(pfn, free_state(order));
        return;
    }
    FreeBlock* block = block_at(pfn);
    block->prev = nullptr;
    block->next = m_free_lists[order];
    if (block->next)
        block->next->prev = block;
    m_free_lists[order] = block;
    ++m_free_counts[order];
    set_state(pfn, free_state(order));
}

void FrameAllocator::unlink_free(u64 pfn, u32 order)
{
    if (order == MAX_ORDER) {
        u64 index = (pfn - m_max_base_pfn) >> MAX_ORDER;
        m_max_bitmap[index / 64] &= ~(1ull << (index % 64));
        --m_free_counts[order];
        set_state(pfn, STATE_TAIL);
        return;
    }
    FreeBlock* block = block_at(pfn);
    if (block->prev)
        block->prev->next = block->next;
    else
        m_free_lists[order] = block->next;
    if (block->next)
        block->next->prev = block->prev;
    --m_free_counts[order];
    set_state(pfn, STATE_TAIL);
}

u64 FrameAllocator::take_first_max_block()
{
    for (u64 word = m_max_hint; word < m_max_words; ++word) {
        if (m_max_bitmap[word]) {
            m_max_hint = word;
            u64 pfn = m_max_base_pfn + ((word * 64 + u64(__builtin_ctzll(m_max_bitmap[word]))) << MAX_ORDER);
            unlink_free(pfn, MAX_ORDER);
            return pfn;
        }
    }
    panic("frame allocator: MAX_ORDER count and bitmap disagree");
}

u64 FrameAllocator::find_head(u64 pfn) const
{
    if (!in_span(pfn))
        return NO_FRAME;
    // The head of pfn's block is pfn rounded down to the block's size; candidates
    // below that size are inside the block and therefore TAIL.
    for (u32 k = 0; k <= MAX_ORDER; ++k) {
        u64 head = pfn & ~((1ull << k) - 1);
        if (head < m_base_pfn)
            return NO_FRAME;
        u8 s = state(head);
        if (s == STATE_TAIL)
            continue;
        if (s == STATE_UNAVAILABLE)
            return NO_FRAME;
        return head + (1ull << order_of(s)) > pfn ? head : NO_FRAME;
    }
    return NO_FRAME;
}

void FrameAllocator::add_range(PhysAddr base, u64 length)
{
    SpinlockGuard guard(m_lock);
    KASSERT(!is_finalized());
    PhysAddr end = length > ~0ull - base ? ~0ull : base + length;
    if (end > MAX_PHYS)
        end = MAX_PHYS;
    PhysAddr first = align_up(base, PAGE_SIZE);
    PhysAddr last = align_down(end, PAGE_SIZE);
    if (first >= last)
        return;
    // Losing a usable range only costs memory, so a full table is not fatal.
    if (m_usable.add(first, last).is_error())
        ++m_dropped_ranges;
}

void FrameAllocator::reserve_range(PhysAddr base, u64 length)
{
    SpinlockGuard guard(m_lock);
    PhysAddr end = length > ~0ull - base ? ~0ull : base + length;
    PhysAddr first = align_down(base, PAGE_SIZE);
    PhysAddr last = end > ~0ull - PAGE_SIZE ? align_down(end, PAGE_SIZE) : align_up(end, PAGE_SIZE);
    if (first >= last)
        return;
    if (!is_finalized()) {
        // Forgetting a reservation would hand out the kernel image: fatal.
        if (m_reserved.add(first, last).is_error())
            panic("frame allocator: too many reserved ranges");
        return;
    }
    (void)m_reserved.add(first, last); // a record only, once the free lists exist
    if (m_unmapped.remove(first, last).is_error())
        panic("frame allocator: too many held-back ranges");
    u64 first_pfn = first / PAGE_SIZE < m_base_pfn ? m_base_pfn : first / PAGE_SIZE;
    u64 last_pfn = last / PAGE_SIZE > m_end_pfn ? m_end_pfn : last / PAGE_SIZE;
    for (u64 pfn = first_pfn; pfn < last_pfn; ++pfn)
        carve_frame(pfn);
}

void FrameAllocator::carve_frame(u64 pfn)
{
    if (state(pfn) == STATE_UNAVAILABLE)
        return;
    u64 head = find_head(pfn);
    if (head == NO_FRAME)
        panic("frame allocator: state corrupt at frame 0x%llx", (unsigned long long)pfn);
    u8 s = state(head);
    if (is_allocated(s))
        panic("frame allocator: reserve_range over allocated frame 0x%llx", (unsigned long long)(pfn * PAGE_SIZE));
    u32 order = order_of(s);
    unlink_free(head, order);
    // Split down to the single frame, giving back the halves that do not hold it.
    while (order > 0) {
        --order;
        u64 half = 1ull << order;
        if (pfn >= head + half) {
            push_free(head, order);
            head += half;
        } else {
            push_free(head + half, order);
        }
    }
    set_state(pfn, STATE_UNAVAILABLE);
    --m_free_frames;
    --m_total_frames;
}

Result<void> FrameAllocator::place_state_array(PhysRangeSet& free_ranges, PhysAddr mapped_end)
{
    u64 span_frames = m_end_pfn - m_base_pfn;
    m_max_base_pfn = align_down(m_base_pfn, 1ull << MAX_ORDER);
    m_max_words = ((m_end_pfn - m_max_base_pfn) >> MAX_ORDER) / 64 + 1;
    // State bytes, then the MAX_ORDER bitmap on an 8-byte boundary.
    u64 bitmap_offset = align_up(span_frames, 8);
    u64 bytes = align_up(bitmap_offset + m_max_words * 8, PAGE_SIZE);
    for (usize i = 0; i < free_ranges.count(); ++i) {
        PhysRange r = free_ranges[i];
        if (r.length() < bytes || r.base + bytes > mapped_end)
            continue;
        auto* meta = static_cast<u8*>(arch::phys_to_virt(r.base));
        if (!meta)
            return Error::NoMemory;
        TRY(free_ranges.remove(r.base, r.base + bytes));
        (void)m_reserved.add(r.base, r.base + bytes);
        m_meta_frames = bytes / PAGE_SIZE;
        __builtin_memset(meta, STATE_UNAVAILABLE, span_frames);
        m_max_bitmap = reinterpret_cast<u64*>(meta + bitmap_offset);
        __builtin_memset(m_max_bitmap, 0, m_max_words * 8);
        m_max_hint = 0;
        m_meta = meta;
        return {};
    }
    return Error::NoMemory;
}

void FrameAllocator::add_free_frames(u64 pfn, u64 end_pfn)
{
    __builtin_memset(m_meta + (pfn - m_base_pfn), STATE_TAIL, end_pfn - pfn);
    m_total_frames += end_pfn - pfn;
    m_free_frames += end_pfn - pfn;
    // Greedy maximal blocks: the largest order that is both aligned and fits. They
    // still coalesce, for a range cut at mapped_end and released in two steps.
    while (pfn < end_pfn) {
        u32 order = 0;
        while (order < MAX_ORDER && (pfn & ((2ull << order) - 1)) == 0 && pfn + (2ull << order) <= end_pfn)
            ++order;
        coalesce_and_push(pfn, order);
        pfn += 1ull << order;
    }
}

void FrameAllocator::release_unmapped(PhysAddr mapped_end)
{
    mapped_end = align_down(mapped_end, PAGE_SIZE);
    while (m_unmapped.count() > 0 && m_unmapped[0].base < mapped_end) {
        PhysRange r = m_unmapped[0];
        PhysAddr end = r.end < mapped_end ? r.end : mapped_end;
        // Removing a prefix never splits a range, so this cannot run out of space.
        (void)m_unmapped.remove(r.base, end);
        add_free_frames(r.base / PAGE_SIZE, end / PAGE_SIZE);
    }
}

Result<void> FrameAllocator::finalize(PhysAddr mapped_end)
{
    SpinlockGuard guard(m_lock);
    if (is_finalized())
        return Error::Exists;
    PhysRangeSet free_ranges = m_usable;
    for (usize i = 0; i < m_reserved.count(); ++i)
        TRY(free_ranges.remove(m_reserved[i].base, m_reserved[i].end));
    if (free_ranges.count() == 0)
        return Error::NoMemory;
    m_base_pfn = free_ranges[0].base / PAGE_SIZE;
    m_end_pfn = free_ranges[free_ranges.count() - 1].end / PAGE_SIZE;
    TRY(place_state_array(free_ranges, mapped_end));
    m_unmapped = free_ranges;
    release_unmapped(mapped_end);
    return {};
}

void FrameAllocator::extend_mapped(PhysAddr mapped_end)
{
    SpinlockGuard guard(m_lock);
    KASSERT(is_finalized());
    release_unmapped(mapped_end);
}

Result<PhysAddr> FrameAllocator::allocate(u32 order, FrameUse use)
{
    if (order > MAX_ORDER)
        return Error::InvalidArgument;
    SpinlockGuard guard(m_lock);
    u32 k = order;
    while (k <= MAX_ORDER && m_free_counts[k] == 0)
        ++k;
    if (k > MAX_ORDER)
        return Error::NoMemory;
    u64 pfn;
    if (k == MAX_ORDER) {
        pfn = take_first_max_block();
    } else {
        pfn = pfn_of(m_free_lists[k]);
        unlink_free(pfn, k);
    }
    while (k > order) {
        --k;
        push_free(pfn + (1ull << k), k);
    }
    set_state(pfn, allocated_state(order, use));
    m_free_frames -= 1ull << order;
    return pfn * PAGE_SIZE;
}

Result<PhysAddr> FrameAllocator::allocate_zeroed(u32 order, FrameUse use)
{
    PhysAddr base = TRY(allocate(order, use));
    __builtin_memset(arch::phys_to_virt(base), 0, PAGE_SIZE << order);
    return base;
}

Result<void> FrameAllocator::free_locked(u64 pfn, u32 order, FrameUse use)
{
    if (!is_finalized() || order > MAX_ORDER || !in_span(pfn) || (pfn & ((1ull << order) - 1)) != 0)
        return Error::InvalidArgument;
    if (state(pfn) != allocated_state(order, use))
        return Error::InvalidArgument;
    set_state(pfn, STATE_TAIL);
    m_free_frames += 1ull << order;
    coalesce_and_push(pfn, order);
    return {};
}

void FrameAllocator::coalesce_and_push(u64 pfn, u32 order)
{
    while (order < MAX_ORDER) {
        u64 buddy = pfn ^ (1ull << order);
        if (!in_span(buddy) || state(buddy) != free_state(order))
            break;
        unlink_free(buddy, order);
        if (buddy < pfn)
            pfn = buddy;
        ++order;
    }
    push_free(pfn, order);
}

Result<void> FrameAllocator::try_free(PhysAddr base, u32 order, FrameUse use)
{
    if (!is_aligned(base, PAGE_SIZE))
        return Error::InvalidArgument;
    SpinlockGuard guard(m_lock);
    return free_locked(base / PAGE_SIZE, order, use);
}

void FrameAllocator::free(PhysAddr base, u32 order, FrameUse use)
{
    if (try_free(base, order, use).is_error())
        panic("frame allocator: bad free of 0x%llx order %u (double free, wrong order, or never allocated)",
            (unsigned long long)base, order);
}

Result<AllocatedBlock> FrameAllocator::allocated_block_containing(PhysAddr addr) const
{
    if (!is_finalized())
        return Error::NoEntry;
    u64 head = find_head(addr / PAGE_SIZE);
    if (head == NO_FRAME)
        return Error::NoEntry;
    u8 s = state(head);
    if (!is_allocated(s))
        return Error::NoEntry;
    return AllocatedBlock { head * PAGE_SIZE, order_of(s), FrameUse((s >> 4) & 3) };
}

FrameStats FrameAllocator::stats() const
{
    SpinlockGuard guard(m_lock);
    FrameStats out {};
    out.total_frames = m_total_frames;
    out.free_frames = m_free_frames;
    out.used_frames = m_total_frames - m_free_frames;
    out.metadata_frames = m_meta_frames;
    out.unmapped_frames = m_unmapped.total_bytes() / PAGE_SIZE;
    out.dropped_ranges = m_dropped_ranges;
    for (u32 k = 0; k < ORDER_COUNT; ++k)
        out.free_blocks[k] = m_free_counts[k];
    return out;
}

u64 FrameAllocator::total_frames() const
{
    SpinlockGuard guard(m_lock);
    return m_total_frames;
}

u64 FrameAllocator::free_frames() const
{
    SpinlockGuard guard(m_lock);
    return m_free_frames;
}
