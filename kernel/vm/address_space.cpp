// AddressSpace: regions are a sorted Vector (a process has few); the page table
// is the record of which pages are present. A page whose frame is shared with
// another address space (after fork) is mapped read-only even in a writable
// region; the write fault then copies it, or just re-enables writing when this is
// the last mapping left.
#include "kernel/vm/address_space.h"

#include "kernel/lib/string.h"
#include "kernel/mm/frame_allocator.h"
#include "kernel/vm/frame_ref_counts.h"

using namespace user_layout;

Result<NonnullRefPtr<AddressSpace>> AddressSpace::create()
{
    auto table = TRY(arch::UserPageTable::create());
    return adopt_ref_if_nonnull(new (std::nothrow) AddressSpace(std::move(table)));
}

AddressSpace::~AddressSpace()
{
    m_page_table->unmap_range(arch::USER_SPACE_BASE, arch::USER_SPACE_END,
        [&](VirtAddr, PhysAddr frame) { release_page(frame); });
}

void AddressSpace::release_page(PhysAddr frame)
{
    --m_resident_pages;
    frame_ref_counts().release(frame);
}

Region const* AddressSpace::find_region(VirtAddr va) const
{
    for (auto const& region : m_regions) {
        if (region.contains(va))
            return &region;
        if (region.start > va)
            break;
    }
    return nullptr;
}

bool AddressSpace::range_is_free(VirtAddr start, VirtAddr end) const
{
    if (start < arch::USER_SPACE_BASE || end > arch::USER_SPACE_END || start >= end)
        return false;
    for (auto const& region : m_regions) {
        if (region.overlaps(start, end))
            return false;
    }
    return true;
}

Result<void> AddressSpace::insert_region(Region region, bool mergeable)
{
    usize index = 0;
    while (index < m_regions.size() && m_regions[index].start < region.start)
        ++index;
    auto same = [&](Region const& other) {
        return mergeable && other.kind == region.kind && other.protection == region.protection;
    };
    bool merge_left = index > 0 && m_regions[index - 1].end == region.start && same(m_regions[index - 1]);
    bool merge_right = index < m_regions.size() && m_regions[index].start == region.end && same(m_regions[index]);
    if (merge_left && merge_right) {
        m_regions[index - 1].end = m_regions[index].end;
        m_regions.remove(index);
    } else if (merge_left) {
        m_regions[index - 1].end = region.end;
    } else if (merge_right) {
        m_regions[index].start = region.start;
    } else {
        if (m_regions.size() >= MAX_REGIONS)
            return Error::NoMemory;
        TRY(m_regions.try_insert(index, std::move(region)));
    }
    return {};
}

Result<void> AddressSpace::remove_range(VirtAddr start, VirtAddr end)
{
    // Build the new list first so a failed allocation changes nothing.
    Vector<Region> kept;
    TRY(kept.try_reserve(m_regions.size() + 1));
    usize mmap_removed = 0;
    for (auto const& region : m_regions) {
        if (!region.overlaps(start, end)) {
            TRY(kept.try_append(region));
            continue;
        }
        if (region.start < start)
            TRY(kept.try_append(Region { region.start, start, region.protection, region.kind }));
        if (region.end > end)
            TRY(kept.try_append(Region { end, region.end, region.protection, region.kind }));
        if (region.kind == RegionKind::Anonymous)
            mmap_removed += (region.end < end ? region.end : end) - (region.start > start ? region.start : start);
    }
    if (kept.size() > MAX_REGIONS)
        return Error::NoMemory;
    m_regions = std::move(kept);
    m_mmap_bytes -= mmap_removed;
    m_page_table->unmap_range(start, end, [&](VirtAddr, PhysAddr frame) { release_page(frame); });
    return {};
}

Result<PhysAddr> AddressSpace::present_page(Region const& region, VirtAddr page)
{
    arch::UserMapping mapping = m_page_table->query(page);
    if (mapping.present)
        return mapping.frame;
    PhysAddr frame = TRY(frame_allocator().allocate_zeroed(0));
    auto mapped = m_page_table->map(page, frame, region.page_flags());
    if (mapped.is_error()) {
        frame_allocator().free(frame);
        return mapped.error();
    }
    ++m_resident_pages;
    return frame;
}

Result<PhysAddr> AddressSpace::private_page(Region const& region, VirtAddr page)
{
    arch::UserMapping mapping = m_page_table->query(page);
    if (!mapping.present)
        return present_page(region, page);
    bool wants_write = (region.page_flags() & arch::PageWritable) != 0;
    if (mapping.writable || (!wants_write && frame_ref_counts().count(mapping.frame) == 1))
        return mapping.frame;
    if (frame_ref_counts().count(mapping.frame) == 1) {
        // Everyone else let go of it: no copy needed.
        TRY(m_page_table->protect(page, region.page_flags()));
        return mapping.frame;
    }
    PhysAddr copy = TRY(frame_allocator().allocate(0));
    memcpy(arch::phys_to_virt(copy), arch::phys_to_virt(mapping.frame), PAGE_SIZE);
    auto mapped = m_page_table->map(page, copy, region.page_flags());
    if (mapped.is_error()) {
        frame_allocator().free(copy);
        return mapped.error();
    }
    frame_ref_counts().release(mapping.frame);
    return copy;
}

Result<void> AddressSpace::handle_page_fault(VirtAddr va, bool write, bool user, bool exec)
{
    (void)user; // kernel accesses to user memory (copy_from_user) resolve the same way
    MutexLocker locker(m_lock);
    Region const* region = find_region(va);
    if (!region || region->protection == ProtNone)
        return Error::BadAddress;
    if ((write && !(region->protection & ProtWrite)) || (exec && !(region->protection & ProtExec)))
        return Error::BadAddress;
    VirtAddr page = align_down(va, PAGE_SIZE);
    if (write)
        TRY(private_page(*region, page));
    else
        TRY(present_page(*region, page));
    return {};
}

Result<void> AddressSpace::write(VirtAddr va, void const* data, usize length)
{
    MutexLocker locker(m_lock);
    auto source = static_cast<u8 const*>(data);
    while (length > 0) {
        Region const* region = find_region(va);
        if (!region || region->protection == ProtNone)
            return Error::BadAddress;
        VirtAddr page = align_down(va, PAGE_SIZE);
        PhysAddr frame = TRY(private_page(*region, page));
        usize chunk = PAGE_SIZE - (va - page);
        if (chunk > length)
            chunk = length;
        memcpy(static_cast<u8*>(arch::phys_to_virt(frame)) + (va - page), source, chunk);
        va += chunk;
        source += chunk;
        length -= chunk;
    }
    return {};
}

Result<void> AddressSpace::read(VirtAddr va, void* data, usize length) const
{
    MutexLocker locker(m_lock);
    auto target = static_cast<u8*>(data);
    while (length > 0) {
        Region const* region = find_region(va);
        if (!region || region->protection == ProtNone)
            return Error::BadAddress;
        VirtAddr page = align_down(va, PAGE_SIZE);
        usize chunk = PAGE_SIZE - (va - page);
        if (chunk > length)
            chunk = length;
        arch::UserMapping mapping = m_page_table->query(page);
        if (mapping.present)
            memcpy(target, static_cast<u8 const*>(arch::phys_to_virt(mapping.frame)) + (va - page), chunk);
        else
            memset(target, 0, chunk);
        va += chunk;
        target += chunk;
        length -= chunk;
    }
    return {};
}

Result<void> AddressSpace::load_elf(Elf64 const& elf, u8 const* bytes, usize size)
{
    {
        MutexLocker locker(m_lock);
        for (auto const& segment : elf.segments()) {
            VirtAddr start = align_down(segment.vaddr, PAGE_SIZE);
            VirtAddr end = align_up(segment.vaddr + segment.memsz, PAGE_SIZE);
            if (end > IMAGE_END || !range_is_free(start, end))
                return Error::NotExecutable;
            if (segment.offset > size || segment.filesz > size - segment.offset)
                return Error::InvalidArgument;
            u32 protection = (segment.readable ? u32(ProtRead) : 0u) | (segment.writable ? u32(ProtWrite) : 0u)
                | (segment.executable ? u32(ProtExec) : 0u);
            if (protection == ProtNone)
                protection = ProtRead; // x86 cannot map a present page without read access
            TRY(insert_region(Region { start, end, protection, RegionKind::ElfImage }, false));
        }
        m_brk_start = align_up(elf.image_end(), PAGE_SIZE);
        m_brk = m_brk_start;
    }
    for (auto const& segment : elf.segments())
        TRY(write(segment.vaddr, bytes + segment.offset, segment.filesz));
    return {};
}

Result<VirtAddr> AddressSpace::map_stack()
{
    MutexLocker locker(m_lock);
    if (!range_is_free(STACK_GUARD, STACK_TOP))
        return Error::Exists;
    TRY(m_regions.try_reserve(m_regions.size() + 2));
    TRY(insert_region(Region { STACK_GUARD, STACK_BOTTOM, ProtNone, RegionKind::StackGuard }, false));
    TRY(insert_region(Region { STACK_BOTTOM, STACK_TOP, ProtRead | ProtWrite, RegionKind::Stack }, false));
    return STACK_TOP;
}

Result<VirtAddr> AddressSpace::find_mmap_gap(usize length) const
{
    VirtAddr top = MMAP_TOP;
    for (usize i = m_regions.size(); i-- > 0;) {
        Region const& region = m_regions[i];
        if (region.start >= top)
            continue;
        if (region.end <= top && top - region.end >= length && top - length >= MMAP_BASE)
            return top - length;
        top = region.start;
        if (top < MMAP_BASE || top - MMAP_BASE < length)
            return Error::NoMemory;
    }
    if (top - MMAP_BASE >= length)
        return top - length;
    return Error::NoMemory;
}

Result<VirtAddr> AddressSpace::map_anonymous(VirtAddr hint, usize length, u32 protection)
{
    if (length == 0 || length > MMAP_MAX_BYTES || (protection & ~u32(ProtRead | ProtWrite | ProtExec)))
        return Error::InvalidArgument;
    length = align_up(length, PAGE_SIZE);
    MutexLocker locker(m_lock);
    if (m_mmap_bytes + length > MMAP_MAX_BYTES)
        return Error::NoMemory;
    VirtAddr start = align_up(hint, PAGE_SIZE); // as Linux: never below the hint
    if (!hint || start > arch::USER_SPACE_END - length || !range_is_free(start, start + length))
        start = TRY(find_mmap_gap(length));
    TRY(insert_region(Region { start, start + length, protection, RegionKind::Anonymous }, true));
    m_mmap_bytes += length;
    return start;
}

Result<void> AddressSpace::unmap(VirtAddr start, usize length)
{
    if (!is_aligned(start, PAGE_SIZE) || length == 0 || length > arch::USER_SPACE_END || start < arch::USER_SPACE_BASE
        || start >= arch::USER_SPACE_END || align_up(length, PAGE_SIZE) > arch::USER_SPACE_END - start)
        return Error::InvalidArgument;
    MutexLocker locker(m_lock);
    return remove_range(start, start + align_up(length, PAGE_SIZE));
}

Result<VirtAddr> AddressSpace::set_brk(VirtAddr new_break)
{
    MutexLocker locker(m_lock);
    if (!m_brk_start || new_break < m_brk_start)
        return Error::InvalidArgument;
    if (new_break - m_brk_start > HEAP_MAX_BYTES)
        return Error::NoMemory;
    VirtAddr old_end = align_up(m_brk, PAGE_SIZE);
    VirtAddr new_end = align_up(new_break, PAGE_SIZE);
    if (new_end > old_end) {
        if (!range_is_free(old_end, new_end))
            return Error::NoMemory;
        TRY(insert_region(Region { old_end, new_end, ProtRead | ProtWrite, RegionKind::Heap }, true));
    } else if (new_end < old_end) {
        TRY(remove_range(new_end, old_end));
    }
    m_brk = new_break;
    return new_break;
}

VirtAddr AddressSpace::brk() const
{
    MutexLocker locker(m_lock);
    return m_brk;
}

VirtAddr AddressSpace::brk_start() const
{
    MutexLocker locker(m_lock);
    return m_brk_start;
}

Result<NonnullRefPtr<AddressSpace>> AddressSpace::clone_for_fork()
{
    MutexLocker locker(m_lock);
    auto child = TRY(AddressSpace::create());
    // The child is not yet visible to anyone, so its fields are set without its lock.
    child->m_regions = TRY(m_regions.try_clone());
    child->m_brk_start = m_brk_start;
    child->m_brk = m_brk;
    child->m_mmap_bytes = m_mmap_bytes;
    auto& child_table = *child->m_page_table;
    TRY(m_page_table->for_each_present(arch::USER_SPACE_BASE, arch::USER_SPACE_END,
        [&](VirtAddr va, arch::UserMapping const& mapping) -> Result<void> {
            u32 shared_flags = mapping.executable ? u32(arch::PageExecutable) : 0u;
            if (mapping.writable)
                TRY(m_page_table->protect(va, shared_flags));
            TRY(frame_ref_counts().add_reference(mapping.frame));
            auto mapped = child_table.map(va, mapping.frame, shared_flags);
            if (mapped.is_error()) {
                frame_ref_counts().release(mapping.frame);
                return mapped.error();
            }
            ++child->m_resident_pages;
            return {};
        }));
    return child;
}

Result<Vector<Region>> AddressSpace::regions() const
{
    MutexLocker locker(m_lock);
    return m_regions.try_clone();
}

usize AddressSpace::region_count() const
{
    MutexLocker locker(m_lock);
    return m_regions.size();
}

usize AddressSpace::resident_pages() const
{
    MutexLocker locker(m_lock);
    return m_resident_pages;
}

arch::UserMapping AddressSpace::query(VirtAddr va) const
{
    MutexLocker locker(m_lock);
    return m_page_table->query(va);
}
