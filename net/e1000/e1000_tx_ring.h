// E1000TxRing: the transmit descriptor ring, one DMA buffer per descriptor. send()
// gathers a frame's fragments into the next free buffer (callers' memory is free
// again when send returns) and moves the tail (TDT); reclaim() takes back the
// descriptors the device has finished (status DD, requested with RS).
// Locking: the caller serialises send() and reclaim() (E1000Device's TX lock).
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "net/device/dma_memory.h"
#include "net/device/net_device.h"
#include "net/e1000/e1000_registers.h"

class E1000TxRing {
public:
    static constexpr usize DEFAULT_SIZE = 64;
    static constexpr usize MIN_SIZE = 8;
    static constexpr usize MAX_SIZE = 4096;
    static constexpr usize BUFFER_SIZE = 2048;

    E1000TxRing() = default;
    E1000TxRing(E1000TxRing const&) = delete;
    E1000TxRing& operator=(E1000TxRing const&) = delete;
    ~E1000TxRing() { release(); }

    // As E1000RxRing::allocate.
    Result<void> allocate(net::DmaAllocator& dma, usize size = DEFAULT_SIZE);
    // Writes base, length, head and tail 0: the ring starts empty.
    void program(E1000Registers& registers);
    // Queues one frame: InvalidArgument for no fragments, a null fragment, an empty
    // or an over-MAX_FRAME frame (tx_errors); TryAgain when every descriptor is in
    // flight even after a reclaim (tx_dropped). Counts tx_packets/tx_bytes.
    Result<void> send(E1000Registers& registers, net::NetFragment const* fragments, usize count,
        net::NetDeviceCounters& counters);
    // Takes back finished descriptors (tx_errors for collisions); returns how many.
    usize reclaim(net::NetDeviceCounters& counters);

    usize size() const { return m_size; }
    // Frames queued and not yet reclaimed; at most size() - 1.
    usize in_flight() const { return m_size ? (m_tail + m_size - m_clean) % m_size : 0; }
    // For tests: the descriptor array and one buffer.
    volatile e1000::TxDescriptor* descriptors() const { return m_descriptors; }
    u8 const* buffer(usize index) const { return static_cast<u8 const*>(m_buffers.virt) + index * BUFFER_SIZE; }
    PhysAddr buffer_phys(usize index) const { return m_buffers.phys + index * BUFFER_SIZE; }

private:
    void release();

    net::DmaAllocator* m_dma = nullptr;
    net::DmaRegion m_ring;
    net::DmaRegion m_buffers;
    volatile e1000::TxDescriptor* m_descriptors = nullptr;
    usize m_size = 0;
    usize m_tail = 0;  // next descriptor to fill
    usize m_clean = 0; // oldest descriptor not yet reclaimed
};
