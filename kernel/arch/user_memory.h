// The arch seam, user address spaces: one hardware page table per process whose
// kernel half is the kernel's own tables. Portable VM code (kernel/vm/) maps,
// unmaps and protects 4 KiB user pages through it; x86 implements it in
// arch/x86/user_page_table.cpp, the host tests with a map in fake_arch.
// Locking: a UserPageTable is not locked; its owner (AddressSpace) serializes calls.
#pragma once

#include <type_traits>

#include "kernel/arch/memory.h"
#include "kernel/lib/own_ptr.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace arch {

// The user half: [USER_SPACE_BASE, USER_SPACE_END). Page 0 is never mapped.
inline constexpr VirtAddr USER_SPACE_BASE = 0x1000;
inline constexpr VirtAddr USER_SPACE_END = 0x0000800000000000ull;

struct UserMapping {
    bool present;
    PhysAddr frame;
    bool writable;
    bool executable;
};

class UserPageTable {
public:
    // A new table: empty user half, kernel half shared with every other table.
    static Result<OwnPtr<UserPageTable>> create();
    // Frees every user-half table page, walking present entries only. Does NOT free
    // the frames still mapped (their owner tracks and frees them). If this table is
    // active on the calling CPU, switches to the kernel's table first.
    ~UserPageTable();
    UserPageTable(UserPageTable const&) = delete;
    UserPageTable& operator=(UserPageTable const&) = delete;

    // Maps the page at va (page aligned, in the user half) to frame, replacing any
    // mapping. flags: PageWritable, PageExecutable (PageUser is implied; without
    // PageExecutable the page is NX where the CPU supports it). Invalidates the TLB
    // entry on this CPU when the table is active. NoMemory if a table page cannot be
    // allocated; InvalidArgument for a bad va.
    Result<void> map(VirtAddr va, PhysAddr frame, u32 flags);
    // Removes the mapping of va; returns the frame it mapped, NoEntry if none.
    Result<PhysAddr> unmap(VirtAddr va);
    UserMapping query(VirtAddr va) const;
    // Changes the rights of a present page (same flags as map); NoEntry if absent.
    Result<void> protect(VirtAddr va, u32 flags);

    // Visits every present page in [start, end) in address order, skipping absent
    // upper-level tables wholesale. The visitor may protect() the page it is given
    // but must not map or unmap; an error from it stops the walk and is returned.
    template<typename Visitor>
    Result<void> for_each_present(VirtAddr start, VirtAddr end, Visitor&& visitor) const
    {
        return walk_present(start, end,
            [](void* context, VirtAddr va, UserMapping const& mapping) -> Result<void> {
                return (*static_cast<std::remove_reference_t<Visitor>*>(context))(va, mapping);
            },
            &visitor);
    }
    // Unmaps every present page in [start, end), calling released(va, frame) for each.
    template<typename Released>
    void unmap_range(VirtAddr start, VirtAddr end, Released&& released)
    {
        unmap_present(start, end,
            [](void* context, VirtAddr va, PhysAddr frame) {
                (*static_cast<std::remove_reference_t<Released>*>(context))(va, frame);
            },
            &released);
    }

    // Loads this table into the MMU of the calling CPU.
    void activate();
    bool is_active() const;
    // Drops every TLB entry of this table on the calling CPU.
    void flush_tlb();

    // The arch's root table; for arch code only.
    void* arch_root() const { return m_root; }

private:
    using PresentVisitor = Result<void> (*)(void* context, VirtAddr va, UserMapping const& mapping);
    using ReleaseVisitor = void (*)(void* context, VirtAddr va, PhysAddr frame);
    explicit UserPageTable(void* root)
        : m_root(root)
    {
    }
    Result<void> walk_present(VirtAddr start, VirtAddr end, PresentVisitor visitor, void* context) const;
    void unmap_present(VirtAddr start, VirtAddr end, ReleaseVisitor visitor, void* context);

    // The arch's root table (x86: the PML4 through the direct map).
    void* m_root;
};

// Switches the calling CPU back to the kernel's own table (no user half).
void activate_kernel_page_table();

} // namespace arch
