// Self-test of AddressSpace on the real MMU: demand-zero and copy-on-write
// resolved through handle_page_fault, data checked through the user addresses
// with each space loaded, and every frame (data and tables) back after teardown.
// Portable, but only run in the kernel (kernel mode may touch user pages: no SMAP).
#include "kernel/arch/cpu.h"
#include "kernel/mm/frame_allocator.h"
#include "kernel/selftest/selftest.h"
#include "kernel/vm/address_space.h"

namespace {

void fork_scenario(SelfTestContext& t)
{
    {
        auto created = AddressSpace::create();
        ST_EXPECT(!created.is_error());
        if (created.is_error())
            return;
        auto parent = created.release_value();
        auto mapped = parent->map_anonymous(0, 2 * PAGE_SIZE, ProtRead | ProtWrite);
        ST_EXPECT(!mapped.is_error());
        if (mapped.is_error())
            return;
        VirtAddr va = mapped.value();
        // Faults are resolved up front: this thread has no process, so the trap handler
        // would not route its faults to this address space.
        ST_EXPECT(!parent->handle_page_fault(va, true, true, false).is_error());
        ST_EXPECT(!parent->handle_page_fault(va + PAGE_SIZE, false, true, false).is_error());
        auto user = reinterpret_cast<u64 volatile*>(va);

        arch::InterruptState state = arch::interrupts_save_disable();
        parent->activate_page_table();
        bool zero = user[0] == 0 && user[PAGE_SIZE / 8] == 0;
        user[0] = 0xfeedface;
        arch::activate_kernel_page_table();
        arch::interrupts_restore(state);
        ST_EXPECT(zero);

        auto forked = parent->clone_for_fork();
        ST_EXPECT(!forked.is_error());
        if (forked.is_error())
            return;
        auto child = forked.release_value();
        ST_EXPECT(!child->query(va).writable && !parent->query(va).writable);
        ST_EXPECT(!child->handle_page_fault(va, true, true, false).is_error());
        ST_EXPECT(child->query(va).frame != parent->query(va).frame);

        state = arch::interrupts_save_disable();
        child->activate_page_table();
        u64 child_saw = user[0];
        user[0] = 0xc0ffee;
        parent->activate_page_table(); // the stale child translation must be gone
        u64 parent_sees = user[0];
        arch::activate_kernel_page_table();
        arch::interrupts_restore(state);
        ST_EXPECT(child_saw == 0xfeedface);
        ST_EXPECT(parent_sees == 0xfeedface);
        ST_EXPECT(!parent->handle_page_fault(va, true, true, false).is_error());
        ST_EXPECT(parent->query(va).writable);
        ST_EXPECT(parent->handle_page_fault(va - PAGE_SIZE, false, true, false).error() == Error::BadAddress);
    }
}

} // namespace

SELFTEST("vm: fork copy-on-write on real page tables returns every frame")
{
    // The first run lets the kernel heap grow (region lists, the shared-frame table);
    // the second must give back exactly what it took.
    fork_scenario(t);
    u64 free_before = frame_allocator().free_frames();
    fork_scenario(t);
    u64 free_after = frame_allocator().free_frames();
    if (free_after != free_before)
        t.note("free frames %llu before, %llu after", (unsigned long long)free_before, (unsigned long long)free_after);
    ST_EXPECT(free_after == free_before);
}
