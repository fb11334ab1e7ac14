// Host tests of kernel/vm: the global frame allocator over the test arena, and a
// stand-in for the MMU that turns a user access into the page fault a CPU would raise.
#pragma once

#include <catch2/catch.hpp>

#include "fake_arch/fake_user_memory.h"
#include "kernel/mm/test_arena.h"
#include "kernel/vm/address_space.h"

// Performs a user access at va the way the MMU would: if the mapping does not allow
// it, "faults" into the address space and retries. Returns the byte's host
// address, or the fault's error.
inline Result<u8*> user_access(AddressSpace& space, VirtAddr va, bool write, bool exec = false)
{
    arch::UserMapping mapping = space.query(va);
    if (!mapping.present || (write && !mapping.writable) || (exec && !mapping.executable)) {
        TRY(space.handle_page_fault(va, write, true, exec));
        mapping = space.query(va);
        if (!mapping.present || (write && !mapping.writable) || (exec && !mapping.executable))
            return Error::Protocol; // the fault handler claimed success but did not fix it
    }
    return static_cast<u8*>(arch::phys_to_virt(mapping.frame)) + (va % PAGE_SIZE);
}

inline u8 user_read(AddressSpace& space, VirtAddr va)
{
    auto p = user_access(space, va, false);
    REQUIRE(!p.is_error());
    return *p.value();
}

inline void user_write(AddressSpace& space, VirtAddr va, u8 value)
{
    auto p = user_access(space, va, true);
    REQUIRE(!p.is_error());
    *p.value() = value;
}

inline Error fault_error(AddressSpace& space, VirtAddr va, bool write, bool exec = false)
{
    auto p = user_access(space, va, write, exec);
    return p.is_error() ? p.error() : Error::None;
}

// Counts free frames of the global allocator (installing its arena first).
inline u64 free_frames()
{
    global_test_arena();
    return frame_allocator().free_frames();
}
