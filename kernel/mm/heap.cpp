// Heap: routes requests to a slab cache by size, or to the buddy allocator for large
// ones. kfree() needs no header: the frame allocator's per-frame state tells which
// block holds a pointer and whether it is a slab or a large block.
#include "kernel/mm/heap.h"

#include "kernel/arch/memory.h"
#include "kernel/panic.h"

namespace {

constinit Heap s_kernel_heap;

constexpr usize class_index(usize size)
{
    usize index = 0;
    while ((usize(16) << index) < size)
        ++index;
    return index;
}

constexpr bool is_power_of_two(usize value) { return value != 0 && (value & (value - 1)) == 0; }

} // namespace

static_assert(class_index(0) == 0 && class_index(16) == 0 && class_index(17) == 1);
static_assert(class_index(Heap::MAX_CLASS_SIZE) == Heap::CLASS_COUNT - 1);

Heap& kernel_heap() { return s_kernel_heap; }
void* kmalloc(usize size) { return s_kernel_heap.allocate(size); }
void* kmalloc_aligned(usize size, usize alignment) { return s_kernel_heap.allocate_aligned(size, alignment); }
void kfree(void* ptr) { s_kernel_heap.free(ptr); }
HeapStats heap_stats() { return s_kernel_heap.stats(); }

void* Heap::allocate_large(u32 order)
{
    if (order > FrameAllocator::MAX_ORDER) {
        m_large_failed.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    auto phys = frames().allocate(order, FrameUse::HeapLarge);
    if (phys.is_error()) {
        m_large_failed.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    m_large_in_use.fetch_add(1, std::memory_order_relaxed);
    m_large_frames.fetch_add(1ull << order, std::memory_order_relaxed);
    m_large_allocations.fetch_add(1, std::memory_order_relaxed);
    return arch::phys_to_virt(phys.value());
}

void* Heap::allocate(usize size)
{
    if (size <= MAX_CLASS_SIZE)
        return m_caches[class_index(size)].allocate(frames());
    if (size > MAX_ALLOCATION) {
        m_large_failed.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    return allocate_large(FrameAllocator::order_for_bytes(size));
}

void* Heap::allocate_aligned(usize size, usize alignment)
{
    if (!is_power_of_two(alignment) || alignment > MAX_ALLOCATION || size > MAX_ALLOCATION) {
        m_large_failed.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    // Slab objects are aligned to their class size and buddy blocks to their own
    // size, so asking for max(size, alignment) gives the alignment for free.
    usize effective = size > alignment ? size : alignment;
    if (effective <= MAX_CLASS_SIZE)
        return m_caches[class_index(effective)].allocate(frames());
    return allocate_large(FrameAllocator::order_for_bytes(effective));
}

SlabCache* Heap::cache_for(void* slab_base)
{
    SlabCache* cache = SlabCache::owner_of(slab_base);
    for (auto& candidate : m_caches) {
        if (cache == &candidate)
            return cache;
    }
    return nullptr;
}

Result<void> Heap::try_free(void* ptr)
{
    if (!ptr)
        return {};
    auto block = frames().allocated_block_containing(arch::virt_to_phys(ptr));
    if (block.is_error())
        return Error::InvalidArgument;
    void* base = arch::phys_to_virt(block.value().base);
    switch (block.value().use) {
    case FrameUse::HeapSlab: {
        SlabCache* cache = cache_for(base);
        if (!cache)
            return Error::InvalidArgument;
        return cache->free(frames(), base, ptr);
    }
    case FrameUse::HeapLarge: {
        if (ptr != base)
            return Error::InvalidArgument;
        u32 order = block.value().order;
        TRY(frames().try_free(block.value().base, order, FrameUse::HeapLarge));
        m_large_in_use.fetch_sub(1, std::memory_order_relaxed);
        m_large_frames.fetch_sub(1ull << order, std::memory_order_relaxed);
        m_large_frees.fetch_add(1, std::memory_order_relaxed);
        return {};
    }
    default:
        return Error::InvalidArgument;
    }
}

void Heap::free(void* ptr)
{
    if (try_free(ptr).is_error())
        panic("kfree: %p is not a live heap allocation (double free or foreign pointer)", ptr);
}

Result<usize> Heap::usable_size(void* ptr)
{
    auto block = TRY(frames().allocated_block_containing(arch::virt_to_phys(ptr)));
    if (block.use == FrameUse::HeapLarge)
        return usize(PAGE_SIZE) << block.order;
    if (block.use != FrameUse::HeapSlab)
        return Error::InvalidArgument;
    SlabCache* cache = cache_for(arch::phys_to_virt(block.base));
    if (!cache)
        return Error::InvalidArgument;
    return usize(cache->object_size());
}

HeapStats Heap::stats() const
{
    HeapStats out {};
    for (usize i = 0; i < CLASS_COUNT; ++i) {
        HeapClassStats c = m_caches[i].stats();
        out.classes[i] = c;
        out.bytes_in_use += c.objects_in_use * c.object_size;
        out.frames_held += c.slabs * c.slab_frames;
        out.allocations += c.allocations;
        out.frees += c.frees;
        out.failed_allocations += m_caches[i].failed_allocations();
    }
    u64 large_frames = m_large_frames.load(std::memory_order_relaxed);
    out.large_allocations_in_use = m_large_in_use.load(std::memory_order_relaxed);
    out.large_bytes_in_use = large_frames * PAGE_SIZE;
    out.bytes_in_use += out.large_bytes_in_use;
    out.frames_held += large_frames;
    out.allocations += m_large_allocations.load(std::memory_order_relaxed);
    out.frees += m_large_frees.load(std::memory_order_relaxed);
    out.failed_allocations += m_large_failed.load(std::memory_order_relaxed);
    return out;
}

u64 Heap::trim()
{
    u64 released = 0;
    for (auto& cache : m_caches)
        released += cache.trim(frames());
    return released;
}
