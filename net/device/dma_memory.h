// DmaRegion and DmaAllocator: memory a device reaches by bus-mastering DMA. A driver
// writes descriptors and buffers through `virt` and gives the device `phys`. Behind
// an interface so driver ring logic runs in host tests over fake memory; the kernel's
// allocator (net/device/freestanding/frame_dma_allocator.h) takes buddy frames.
// On x86 DMA is cache-coherent: no flushes, only ordering (see docs/net-drivers.md).
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace net {

struct DmaRegion {
    void* virt = nullptr;
    PhysAddr phys = 0; // the address the device uses (bus address = physical on PCs)
    usize size = 0;
};

class DmaAllocator {
public:
    virtual ~DmaAllocator() = default;
    // bytes of zeroed, physically contiguous, page-aligned memory. NoMemory when
    // there is none; InvalidArgument for 0 or more than the allocator can give.
    virtual Result<DmaRegion> allocate(usize bytes) = 0;
    // Gives back a region from allocate(), once the device no longer uses it.
    virtual void release(DmaRegion const& region) = 0;
};

} // namespace net
