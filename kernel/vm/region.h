// Region: one contiguous, page-aligned range of a user address space with one set
// of rights. Every page of every region is demand-zero until touched; ELF image
// pages are filled eagerly at exec. Plain value type, owned by AddressSpace.
#pragma once

#include "kernel/arch/memory.h"
#include "kernel/lib/types.h"

// Values of PROT_* in newlib's <sys/mman.h>.
enum Protection : u32 {
    ProtNone = 0,
    ProtRead = 1,
    ProtWrite = 2,
    ProtExec = 4,
};

enum class RegionKind : u8 {
    Anonymous,  // mmap(MAP_ANONYMOUS)
    ElfImage,   // a PT_LOAD segment, copied in at exec
    Stack,      // the main thread's stack
    StackGuard, // the unmapped page under the stack: every access faults
    Heap,       // brk
};

struct Region {
    VirtAddr start;
    VirtAddr end; // exclusive
    u32 protection;
    RegionKind kind;

    usize length() const { return end - start; }
    bool contains(VirtAddr va) const { return va >= start && va < end; }
    bool overlaps(VirtAddr first, VirtAddr last_exclusive) const { return start < last_exclusive && first < end; }
    // The page rights for a private (unshared) page of this region.
    u32 page_flags() const
    {
        return ((protection & ProtWrite) ? arch::PageWritable : 0u) | ((protection & ProtExec) ? arch::PageExecutable : 0u);
    }
};

char const* region_kind_name(RegionKind kind);
