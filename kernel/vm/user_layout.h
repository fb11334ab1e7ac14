// Where things go in a user address space, and the bounds that turn a runaway
// program's growth into ENOMEM. See docs/memory-user.md for the picture.
#pragma once

#include "kernel/arch/user_memory.h"
#include "kernel/lib/types.h"

namespace user_layout {

// The stack: 8 MiB below STACK_TOP (the last user page stays unmapped), with an
// unmapped guard page under it.
inline constexpr VirtAddr STACK_TOP = 0x00007ffffffff000ull;
inline constexpr usize STACK_SIZE = 8 * MiB;
inline constexpr VirtAddr STACK_BOTTOM = STACK_TOP - STACK_SIZE;
inline constexpr VirtAddr STACK_GUARD = STACK_BOTTOM - PAGE_SIZE;

// Anonymous mmap placement, top-down from MMAP_TOP (below the stack).
inline constexpr VirtAddr MMAP_TOP = 0x00007f0000000000ull;
inline constexpr VirtAddr MMAP_BASE = 0x0000100000000000ull;
inline constexpr usize MMAP_MAX_BYTES = 64 * GiB;

// ELF segments and the brk heap live below IMAGE_END.
inline constexpr VirtAddr IMAGE_END = MMAP_BASE;
inline constexpr usize HEAP_MAX_BYTES = 2 * GiB;

// Regions per address space.
inline constexpr usize MAX_REGIONS = 4096;

} // namespace user_layout
