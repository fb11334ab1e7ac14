// E1000RxRing: the receive descriptor ring and its buffers, in DMA memory. The
// device fills buffers and writes descriptors back (status DD, length, errors);
// drain() hands each good frame to a sink and gives the descriptor back by moving
// the tail (RDT). Everything the device wrote is untrusted: lengths are bounded by
// the driver's own buffer size and buffer addresses come from the driver's table,
// never from a descriptor (fuzzed: tests/fuzz/e1000_rx_fuzz.cpp).
// Locking: one thread at a time (the driver thread); the ring has no lock.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "net/device/dma_memory.h"
#include "net/device/net_device.h"
#include "net/e1000/e1000_registers.h"

class E1000RxRing {
public:
    static constexpr usize DEFAULT_SIZE = 128;
    static constexpr usize MIN_SIZE = 8; // RDLEN counts in 128-byte units
    static constexpr usize MAX_SIZE = 4096;
    static constexpr usize BUFFER_SIZE = 2048; // RCTL.BSIZE = 2048
    // Largest frame delivered: MAX_FRAME plus one 802.1Q tag.
    static constexpr usize MAX_DELIVERED = net::NetDevice::MAX_FRAME + 4;
    static constexpr usize MIN_DELIVERED = 14; // an Ethernet header

    // Returns false when nobody took the frame (counted as rx_dropped).
    using FrameSink = bool (*)(void* context, u8 const* frame, usize length);

    E1000RxRing() = default;
    E1000RxRing(E1000RxRing const&) = delete;
    E1000RxRing& operator=(E1000RxRing const&) = delete;
    ~E1000RxRing() { release(); }

    // size descriptors (a multiple of 8 in [MIN_SIZE, MAX_SIZE], else
    // InvalidArgument) and as many buffers. NoMemory from the allocator.
    Result<void> allocate(net::DmaAllocator& dma, usize size = DEFAULT_SIZE);
    // Writes base, length, head 0 and tail size - 1: every buffer belongs to the device.
    void program(E1000Registers& registers);
    // Takes up to budget completed descriptors in order: good frames go to sink,
    // bad ones are counted in counters (rx_errors; rx_dropped when sink refuses).
    // Returns how many descriptors it took; moves RDT past them.
    usize drain(E1000Registers& registers, net::NetDeviceCounters& counters, FrameSink sink, void* context,
        usize budget);
    // Whether the next descriptor is complete (work is waiting).
    bool has_completed() const;

    usize size() const { return m_size; }
    usize next_index() const { return m_next; }
    // For tests and the fuzz target: the descriptor array and one buffer.
    volatile e1000::RxDescriptor* descriptors() const { return m_descriptors; }
    u8* buffer(usize index) const { return static_cast<u8*>(m_buffers.virt) + index * BUFFER_SIZE; }
    PhysAddr buffer_phys(usize index) const { return m_buffers.phys + index * BUFFER_SIZE; }

private:
    void release();
    void recycle(usize index);

    net::DmaAllocator* m_dma = nullptr;
    net::DmaRegion m_ring;
    net::DmaRegion m_buffers;
    volatile e1000::RxDescriptor* m_descriptors = nullptr;
    usize m_size = 0;
    usize m_next = 0;
    // Inside a frame that spans descriptors (no EOP yet): its pieces are discarded.
    bool m_discarding = false;
};
