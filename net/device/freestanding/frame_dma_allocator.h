// FrameDmaAllocator: DMA memory from the buddy frame allocator, reached through the
// direct map. Kernel-only. Thread-safe (the frame allocator locks itself).
#pragma once

#include "net/device/dma_memory.h"

namespace net {

class FrameDmaAllocator final : public DmaAllocator {
public:
    static FrameDmaAllocator& the();

    Result<DmaRegion> allocate(usize bytes) override;
    void release(DmaRegion const& region) override;
};

} // namespace net
