// FrameDmaAllocator (see frame_dma_allocator.h): one buddy block per region, so a
// region is physically contiguous and naturally aligned to its size.
#include "net/device/freestanding/frame_dma_allocator.h"

#include "kernel/arch/memory.h"
#include "kernel/mm/frame_allocator.h"

namespace net {

FrameDmaAllocator& FrameDmaAllocator::the()
{
    static FrameDmaAllocator allocator;
    return allocator;
}

Result<DmaRegion> FrameDmaAllocator::allocate(usize bytes)
{
    if (bytes == 0 || bytes > (PAGE_SIZE << FrameAllocator::MAX_ORDER))
        return Error::InvalidArgument;
    u32 order = FrameAllocator::order_for_bytes(bytes);
    PhysAddr phys = TRY(frame_allocator().allocate_zeroed(order));
    return DmaRegion { arch::phys_to_virt(phys), phys, usize(PAGE_SIZE) << order };
}

void FrameDmaAllocator::release(DmaRegion const& region)
{
    if (region.size == 0)
        return;
    frame_allocator().free(region.phys, FrameAllocator::order_for_bytes(region.size));
}

} // namespace net
