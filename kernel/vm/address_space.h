// AddressSpace: a process's user address space: its regions (ELF image, heap,
// stack and guard, anonymous mmaps), its hardware page table, and the frames
// behind it. Pages are demand-zero; fork shares frames copy-on-write (counted in
// frame_ref_counts()). Every public method takes m_lock (a Mutex), so callers hold
// nothing and call from thread context (page faults included, interrupts on).
// Lock order: m_lock, then FrameRefCounts, then the frame allocator.
#pragma once

#include "kernel/arch/user_memory.h"
#include "kernel/exec/elf64.h"
#include "kernel/lib/own_ptr.h"
#include "kernel/lib/ref_counted.h"
#include "kernel/lib/ref_ptr.h"
#include "kernel/lib/result.h"
#include "kernel/lib/vector.h"
#include "kernel/sync/mutex.h"
#include "kernel/vm/region.h"
#include "kernel/vm/user_layout.h"

class AddressSpace : public RefCounted<AddressSpace> {
public:
    // An empty address space (no regions, empty user half).
    static Result<NonnullRefPtr<AddressSpace>> create();
    // Unmaps every present page, releasing its frame (freed with its last mapping).
    ~AddressSpace();

    // exec: one ElfImage region per segment of elf (validated from bytes[0, size)),
    // file bytes copied in now, the rest demand-zero; the heap starts after the
    // highest segment. NotExecutable if a segment reaches user_layout::IMAGE_END or
    // overlaps a region; NoMemory. Meant for a fresh address space.
    Result<void> load_elf(Elf64 const& elf, u8 const* bytes, usize size);
    // exec: the stack region [STACK_BOTTOM, STACK_TOP) and its guard page. Returns STACK_TOP.
    Result<VirtAddr> map_stack();

    // Kernel-side copies that ignore the regions' rights (exec writes the image and
    // the initial stack; migration reads pages). write() faults pages in and breaks
    // copy-on-write sharing; read() reads untouched pages as zeros without touching
    // them. BadAddress if any byte lies outside a region or in a PROT_NONE one.
    Result<void> write(VirtAddr va, void const* data, usize length);
    Result<void> read(VirtAddr va, void* data, usize length) const;

    // mmap(MAP_ANONYMOUS|MAP_PRIVATE): page-rounded length at the rounded-up hint when that range
    // is free and in the user half, else top-down in [MMAP_BASE, MMAP_TOP). Adjacent
    // anonymous regions with the same rights merge. InvalidArgument (length 0, bad
    // prot), NoMemory (no room, or MMAP_MAX_BYTES / MAX_REGIONS reached).
    Result<VirtAddr> map_anonymous(VirtAddr hint, usize length, u32 protection);
    // munmap: removes [start, start + page-rounded length) from every region it
    // touches (splitting them) and frees the pages. InvalidArgument for an unaligned
    // start, length 0 or a range outside the user half; unmapping holes is fine.
    Result<void> unmap(VirtAddr start, usize length);
    // brk: moves the program break; the heap region grows or shrinks with it.
    // Returns the new break. InvalidArgument below the heap start (or before
    // load_elf); NoMemory past HEAP_MAX_BYTES or into another region.
    Result<VirtAddr> set_brk(VirtAddr new_break);
    VirtAddr brk() const;
    VirtAddr brk_start() const;

    // Resolves a page fault at va: demand-zero, or copy-on-write on a write to a
    // shared page. BadAddress when the access is not allowed (no region, guard
    // page, write to a read-only region, execute in a non-executable one): the
    // caller sends SIGSEGV (user) or fails the copy (kernel). NoMemory if no frame.
    Result<void> handle_page_fault(VirtAddr va, bool write, bool user, bool exec);

    // fork: a copy whose pages are shared copy-on-write with this one (writable
    // pages become read-only in both).
    Result<NonnullRefPtr<AddressSpace>> clone_for_fork();

    // Loads this address space's page table on the calling CPU. Takes no lock and
    // never blocks (the table is fixed for the object's life), so the scheduler's
    // switch hook may call it with interrupts disabled.
    void activate_page_table() { m_page_table->activate(); }
    void activate() { activate_page_table(); }

    // Introspection (for /proc, migration and tests).
    Result<Vector<Region>> regions() const;
    usize region_count() const;
    usize resident_pages() const;
    arch::UserMapping query(VirtAddr va) const;
    // Calls visitor(va, mapping) for every present page, in address order; an error
    // from the visitor stops the walk. The visitor must not call into this object.
    template<typename Visitor>
    Result<void> for_each_present_page(Visitor&& visitor) const
    {
        MutexLocker locker(m_lock);
        return m_page_table->for_each_present(arch::USER_SPACE_BASE, arch::USER_SPACE_END, visitor);
    }

private:
    explicit AddressSpace(OwnPtr<arch::UserPageTable> page_table)
        : m_page_table(std::move(page_table))
    {
    }

    // The helpers below require m_lock held.
    Region const* find_region(VirtAddr va) const;
    bool range_is_free(VirtAddr start, VirtAddr end) const;
    // Inserts a region in order, merging with equal neighbours when mergeable.
    Result<void> insert_region(Region region, bool mergeable);
    // Cuts [start, end) out of the region list (splitting regions) and frees its pages.
    Result<void> remove_range(VirtAddr start, VirtAddr end);
    Result<VirtAddr> find_mmap_gap(usize length) const;
    // The frame behind page, made present (demand-zero) for a read.
    Result<PhysAddr> present_page(Region const& region, VirtAddr page);
    // The frame behind page, made present and private to this space (copying a
    // shared frame), mapped with the region's full rights.
    Result<PhysAddr> private_page(Region const& region, VirtAddr page);
    void release_page(PhysAddr frame);

    mutable Mutex m_lock;
    OwnPtr<arch::UserPageTable> const m_page_table; // never replaced: activate needs no lock
    Vector<Region> m_regions; // sorted by start, non-overlapping
    VirtAddr m_brk_start { 0 };
    VirtAddr m_brk { 0 };
    usize m_mmap_bytes { 0 };
    usize m_resident_pages { 0 };
};
