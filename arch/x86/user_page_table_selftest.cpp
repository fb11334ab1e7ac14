// Self-tests of x86 user page tables: a user page mapped in a new table is
// reachable through its user address once the table is loaded (kernel mode may
// touch user pages: no SMAP), gone after unmap, and teardown returns every frame.
#include "arch/x86/exceptions.h"
#include "arch/x86/user_page_table.h"
#include "kernel/arch/cpu.h"
#include "kernel/mm/frame_allocator.h"
#include "kernel/selftest/selftest.h"

namespace {

constexpr VirtAddr TEST_VA = 0x400000;

// Reads a u64 at address; false if the read faulted (recovered through the exception table).
bool try_read(VirtAddr address, u64& value)
{
    u64 faulted = 0;
    asm volatile(
        "1: movq (%2), %1\n"
        "   jmp 3f\n"
        "2: movq $1, %0\n"
        "3:\n" EXTABLE_ENTRY("1b", "2b")
        : "+r"(faulted), "+r"(value)
        : "r"(address)
        : "memory");
    return faulted == 0;
}

} // namespace

SELFTEST("x86: user page table maps a page reachable through its user address")
{
    u64 free_before = frame_allocator().free_frames();
    {
        auto created = arch::UserPageTable::create();
        ST_EXPECT(!created.is_error());
        if (created.is_error())
            return;
        auto table = created.release_value();
        auto frame = frame_allocator().allocate_zeroed(0);
        ST_EXPECT(!frame.is_error());
        if (frame.is_error())
            return;
        PhysAddr phys = frame.value();
        ST_EXPECT(!table->map(TEST_VA, phys, arch::PageWritable).is_error());
        ST_EXPECT(table->map(TEST_VA + 1, phys, 0).error() == Error::InvalidArgument);
        ST_EXPECT(table->map(0xffff800000000000ull, phys, 0).error() == Error::InvalidArgument);
        arch::UserMapping mapping = table->query(TEST_VA + 8);
        ST_EXPECT(mapping.present && mapping.frame == phys && mapping.writable);
        ST_EXPECT(mapping.executable == !x86::user_nx_enabled());
        u64 entry = x86::user_leaf_entry(*table, TEST_VA);
        ST_EXPECT((entry & x86::PTE_USER) && (entry & x86::PTE_WRITABLE));
        ST_EXPECT(((entry & x86::PTE_NO_EXECUTE) != 0) == x86::user_nx_enabled());
        t.note("leaf entry %#llx, NX %s", (unsigned long long)entry, x86::user_nx_enabled() ? "on" : "off");

        arch::InterruptState state = arch::interrupts_save_disable();
        table->activate();
        bool active = table->is_active();
        auto user = reinterpret_cast<u64 volatile*>(TEST_VA);
        user[1] = 0x1122334455667788ull;
        u64 through_user = user[1];
        u64 through_direct_map = static_cast<u64*>(arch::phys_to_virt(phys))[1];
        // Read-only now: protect() must reach the TLB; reads still work.
        bool protected_ok = !table->protect(TEST_VA, 0).is_error();
        u64 after_protect = 0;
        bool readable = try_read(TEST_VA + 8, after_protect);
        auto unmapped = table->unmap(TEST_VA);
        u64 ignored = 0;
        bool still_mapped = try_read(TEST_VA + 8, ignored);
        arch::activate_kernel_page_table();
        bool inactive = !table->is_active();
        arch::interrupts_restore(state);

        ST_EXPECT(active);
        ST_EXPECT(through_user == 0x1122334455667788ull);
        ST_EXPECT(through_direct_map == 0x1122334455667788ull);
        ST_EXPECT(protected_ok && readable && after_protect == 0x1122334455667788ull);
        ST_EXPECT(!unmapped.is_error() && unmapped.value() == phys);
        ST_EXPECT(!still_mapped); // invlpg took effect
        ST_EXPECT(inactive);
        ST_EXPECT(!table->query(TEST_VA).present);

        // Mappings spread over several table pages are all visited, then torn down.
        VirtAddr const spread[] = { 0x1000, 0x200000, 0x40000000, 0x00007ffffffff000ull };
        for (VirtAddr va : spread)
            ST_EXPECT(!table->map(va, phys, arch::PageExecutable).is_error());
        usize visited = 0;
        auto walked = table->for_each_present(arch::USER_SPACE_BASE, arch::USER_SPACE_END,
            [&](VirtAddr va, arch::UserMapping const& m) -> Result<void> {
                if (visited < 4 && va == spread[visited] && m.frame == phys && !m.writable && m.executable)
                    ++visited;
                return {};
            });
        ST_EXPECT(!walked.is_error() && visited == 4);
        usize released = 0;
        table->unmap_range(0x200000, 0x40001000, [&](VirtAddr, PhysAddr f) { released += f == phys; });
        ST_EXPECT(released == 2);
        ST_EXPECT(table->query(0x1000).present);
        frame_allocator().free(phys); // still mapped at two addresses: the table must not free it
    }
    ST_EXPECT(frame_allocator().free_frames() == free_before);
}
