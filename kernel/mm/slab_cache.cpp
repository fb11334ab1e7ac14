// SlabCache: slabs sit on one of three lists (partial, full, empty) by fill level;
// allocation prefers partial slabs so empty ones can go back to the frame allocator.
// One empty slab per cache is kept to avoid thrashing at a slab boundary.
#include "kernel/mm/slab_cache.h"

#include "kernel/arch/memory.h"
#include "kernel/panic.h"

namespace {

constexpr u64 SLAB_MAGIC = 0x534c4142'48454150ull; // "SLABHEAP"
constexpr u32 MAX_OBJECTS = 256;

struct FreeObject {
    FreeObject* next;
};

enum SlabListId : u8 { ListNone, ListPartial, ListFull, ListEmpty };

} // namespace

struct SlabCache::Slab {
    u64 magic;
    SlabCache* cache;
    Slab* next;
    Slab* prev;
    FreeObject* free_list;
    u16 in_use;
    u16 capacity;
    u16 first_offset;
    u8 list;
    // Bit set = slot free. Lets free() reject a double free exactly.
    u64 free_bits[MAX_OBJECTS / 64];
};

void SlabCache::SlabList::push(Slab* slab)
{
    slab->prev = nullptr;
    slab->next = head;
    if (head)
        head->prev = slab;
    head = slab;
    ++count;
}

void SlabCache::SlabList::remove(Slab* slab)
{
    if (slab->prev)
        slab->prev->next = slab->next;
    else
        head = slab->next;
    if (slab->next)
        slab->next->prev = slab->prev;
    slab->next = slab->prev = nullptr;
    --count;
}

SlabCache::Slab* SlabCache::create_slab(FrameAllocator& frames)
{
    auto phys = frames.allocate(m_slab_order, FrameUse::HeapSlab);
    if (phys.is_error())
        return nullptr;
    auto* slab = static_cast<Slab*>(arch::phys_to_virt(phys.value()));
    u64 bytes = PAGE_SIZE << m_slab_order;
    u64 first = align_up(sizeof(Slab), m_object_size);
    u64 capacity = (bytes - first) / m_object_size;
    KASSERT(capacity > 0 && capacity <= MAX_OBJECTS);

    slab->magic = SLAB_MAGIC;
    slab->cache = this;
    slab->next = slab->prev = nullptr;
    slab->in_use = 0;
    slab->capacity = u16(capacity);
    slab->first_offset = u16(first);
    slab->list = ListNone;
    for (u64& word : slab->free_bits)
        word = 0;
    // Built backwards so the lowest address is handed out first.
    slab->free_list = nullptr;
    auto* base = reinterpret_cast<u8*>(slab);
    for (u64 i = capacity; i-- > 0;) {
        auto* object = reinterpret_cast<FreeObject*>(base + first + i * m_object_size);
        object->next = slab->free_list;
        slab->free_list = object;
        slab->free_bits[i / 64] |= 1ull << (i % 64);
    }
    return slab;
}

void* SlabCache::take_object(Slab* slab)
{
    FreeObject* object = slab->free_list;
    KASSERT(object);
    slab->free_list = object->next;
    u64 index = (reinterpret_cast<u8*>(object) - reinterpret_cast<u8*>(slab) - slab->first_offset) / m_object_size;
    slab->free_bits[index / 64] &= ~(1ull << (index % 64));
    ++slab->in_use;
    return object;
}

void SlabCache::relist(Slab* slab)
{
    u8 target = slab->in_use == 0 ? ListEmpty : slab->in_use == slab->capacity ? ListFull : ListPartial;
    if (slab->list == target)
        return;
    SlabList* lists[] = { nullptr, &m_partial, &m_full, &m_empty };
    if (slab->list != ListNone)
        lists[slab->list]->remove(slab);
    lists[target]->push(slab);
    slab->list = target;
}

void* SlabCache::allocate(FrameAllocator& frames)
{
    for (;;) {
        {
            SpinlockGuard guard(m_lock);
            Slab* slab = m_partial.head ? m_partial.head : m_empty.head;
            if (slab) {
                void* object = take_object(slab);
                relist(slab);
                ++m_objects_in_use;
                --m_objects_free;
                ++m_allocations;
                return object;
            }
        }
        // Filled outside the lock; another CPU may add a slab meanwhile, which only
        // means one more cached slab.
        Slab* fresh = create_slab(frames);
        if (!fresh) {
            m_failed.fetch_add(1, std::memory_order_relaxed);
            return nullptr;
        }
        SpinlockGuard guard(m_lock);
        relist(fresh);
        m_objects_free += fresh->capacity;
    }
}

SlabCache* SlabCache::owner_of(void* slab_base)
{
    auto* slab = static_cast<Slab*>(slab_base);
    return slab->magic == SLAB_MAGIC ? slab->cache : nullptr;
}

Result<void> SlabCache::free(FrameAllocator& frames, void* slab_base, void* ptr)
{
    auto* slab = static_cast<Slab*>(slab_base);
    if (slab->magic != SLAB_MAGIC || slab->cache != this)
        return Error::InvalidArgument;
    u64 offset = u64(static_cast<u8*>(ptr) - static_cast<u8*>(slab_base));
    if (offset < slab->first_offset || (offset - slab->first_offset) % m_object_size != 0)
        return Error::InvalidArgument;
    u64 index = (offset - slab->first_offset) / m_object_size;
    if (index >= slab->capacity)
        return Error::InvalidArgument;

    bool release = false;
    {
        SpinlockGuard guard(m_lock);
        u64 bit = 1ull << (index % 64);
        if (slab->free_bits[index / 64] & bit)
            return Error::InvalidArgument; // double free
        slab->free_bits[index / 64] |= bit;
        auto* object = static_cast<FreeObject*>(ptr);
        object->next = slab->free_list;
        slab->free_list = object;
        --slab->in_use;
        --m_objects_in_use;
        ++m_objects_free;
        ++m_frees;
        if (slab->in_use == 0 && m_empty.count > 0) {
            SlabList* lists[] = { nullptr, &m_partial, &m_full, &m_empty };
            lists[slab->list]->remove(slab);
            slab->list = ListNone;
            m_objects_free -= slab->capacity;
            slab->magic = 0;
            release = true;
        } else {
            relist(slab);
        }
    }
    if (release)
        frames.free(arch::virt_to_phys(slab), m_slab_order, FrameUse::HeapSlab);
    return {};
}

u64 SlabCache::trim(FrameAllocator& frames)
{
    Slab* chain = nullptr;
    {
        SpinlockGuard guard(m_lock);
        while (Slab* slab = m_empty.head) {
            m_empty.remove(slab);
            m_objects_free -= slab->capacity;
            slab->magic = 0;
            slab->next = chain;
            chain = slab;
        }
    }
    u64 released = 0;
    while (chain) {
        Slab* next = chain->next;
        frames.free(arch::virt_to_phys(chain), m_slab_order, FrameUse::HeapSlab);
        released += 1ull << m_slab_order;
        chain = next;
    }
    return released;
}

HeapClassStats SlabCache::stats() const
{
    SpinlockGuard guard(m_lock);
    HeapClassStats out {};
    out.object_size = m_object_size;
    out.slab_frames = 1u << m_slab_order;
    out.objects_per_slab = u32(((PAGE_SIZE << m_slab_order) - align_up(sizeof(Slab), m_object_size)) / m_object_size);
    out.slabs = m_partial.count + m_full.count + m_empty.count;
    out.objects_in_use = m_objects_in_use;
    out.objects_free = m_objects_free;
    out.allocations = m_allocations;
    out.frees = m_frees;
    return out;
}
