// E1000RxRing (see e1000_rx_ring.h). The device owns the descriptors from RDH up to,
// not including, RDT; the driver owns the rest. m_next is the first descriptor the
// device may have completed; after draining, RDT = m_next - 1 hands the drained
// ones back (one slot always stays with the driver, so head == tail means empty).
#include "net/e1000/e1000_rx_ring.h"

#include <atomic>

using namespace e1000;

Result<void> E1000RxRing::allocate(net::DmaAllocator& dma, usize size)
{
    if (size < MIN_SIZE || size > MAX_SIZE || size % 8 != 0 || m_size != 0)
        return Error::InvalidArgument;
    m_dma = &dma;
    m_ring = TRY(dma.allocate(size * sizeof(RxDescriptor)));
    auto buffers = dma.allocate(size * BUFFER_SIZE);
    if (buffers.is_error()) {
        release();
        return buffers.error();
    }
    m_buffers = buffers.value();
    m_descriptors = static_cast<volatile RxDescriptor*>(m_ring.virt);
    m_size = size;
    for (usize i = 0; i < size; ++i)
        recycle(i);
    return {};
}

void E1000RxRing::release()
{
    if (!m_dma)
        return;
    if (m_ring.size)
        m_dma->release(m_ring);
    if (m_buffers.size)
        m_dma->release(m_buffers);
    m_ring = m_buffers = {};
    m_descriptors = nullptr;
    m_size = 0;
    m_dma = nullptr;
}

void E1000RxRing::recycle(usize index)
{
    volatile RxDescriptor& descriptor = m_descriptors[index];
    descriptor.buffer_address = buffer_phys(index); // the device must not pick the address
    descriptor.length = 0;
    descriptor.errors = 0;
    descriptor.status = 0;
}

void E1000RxRing::program(E1000Registers& registers)
{
    m_next = 0;
    m_discarding = false;
    registers.write(reg::RDBAL, u32(m_ring.phys));
    registers.write(reg::RDBAH, u32(u64(m_ring.phys) >> 32));
    registers.write(reg::RDLEN, u32(m_size * sizeof(RxDescriptor)));
    registers.write(reg::RDH, 0);
    std::atomic_thread_fence(std::memory_order_release);
    registers.write(reg::RDT, u32(m_size - 1));
}

bool E1000RxRing::has_completed() const
{
    return m_size != 0 && (m_descriptors[m_next].status & rx_status::DD) != 0;
}

usize E1000RxRing::drain(E1000Registers& registers, net::NetDeviceCounters& counters, FrameSink sink,
    void* context, usize budget)
{
    if (m_size == 0)
        return 0;
    if (budget > m_size)
        budget = m_size;
    usize taken = 0;
    while (taken < budget) {
        volatile RxDescriptor& descriptor = m_descriptors[m_next];
        u8 status = descriptor.status;
        if (!(status & rx_status::DD))
            break;
        // Read the rest of the write-back only after seeing DD.
        std::atomic_thread_fence(std::memory_order_acquire);
        usize length = descriptor.length;
        u8 errors = descriptor.errors;
        bool end_of_packet = (status & rx_status::EOP) != 0;

        if (!end_of_packet) {
            // Buffers are sized for any frame this driver accepts: a frame that needs
            // more than one is oversized. Its pieces are dropped, counted once at EOP.
            m_discarding = true;
        } else if (m_discarding) {
            m_discarding = false;
            ++counters.rx_errors;
        } else if ((errors & rx_error::FRAME) || length < MIN_DELIVERED || length > MAX_DELIVERED) {
            ++counters.rx_errors;
        } else if (sink && sink(context, buffer(m_next), length)) {
            ++counters.rx_packets;
            counters.rx_bytes += length;
        } else {
            ++counters.rx_dropped;
        }
        recycle(m_next);
        m_next = (m_next + 1) % m_size;
        ++taken;
    }
    if (taken) {
        std::atomic_thread_fence(std::memory_order_release);
        registers.write(reg::RDT, u32((m_next + m_size - 1) % m_size));
    }
    return taken;
}
