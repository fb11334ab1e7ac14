// x86-64 details of user page tables (the seam is kernel/arch/user_memory.h): the
// page-table entry bits for user pages, and the raw leaf entry for self-tests.
#pragma once

#include "kernel/arch/user_memory.h"

namespace x86 {

inline constexpr u64 PTE_PRESENT = 1ull << 0;
inline constexpr u64 PTE_WRITABLE = 1ull << 1;
inline constexpr u64 PTE_USER = 1ull << 2;
inline constexpr u64 PTE_HUGE = 1ull << 7;
inline constexpr u64 PTE_NO_EXECUTE = 1ull << 63;
inline constexpr u64 PTE_ADDRESS_MASK = 0x000ffffffffff000ull;

// The leaf entry that maps va in table (0 when absent), for self-tests and debugging.
u64 user_leaf_entry(arch::UserPageTable const& table, VirtAddr va);
// Physical address of the kernel's own top-level table (what activate_kernel_page_table loads).
PhysAddr kernel_page_table_root();
// Whether user pages without PageExecutable get the NX bit (EFER.NXE is on).
bool user_nx_enabled();

} // namespace x86
