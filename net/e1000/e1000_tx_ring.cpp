// E1000TxRing (see e1000_tx_ring.h). Descriptors [m_clean, m_tail) are in flight;
// one slot always stays empty so m_tail == m_clean means "none in flight".
#include "net/e1000/e1000_tx_ring.h"

#include <atomic>

#include "kernel/lib/string.h"

using namespace e1000;

Result<void> E1000TxRing::allocate(net::DmaAllocator& dma, usize size)
{
    if (size < MIN_SIZE || size > MAX_SIZE || size % 8 != 0 || m_size != 0)
        return Error::InvalidArgument;
    m_dma = &dma;
    m_ring = TRY(dma.allocate(size * sizeof(TxDescriptor)));
    auto buffers = dma.allocate(size * BUFFER_SIZE);
    if (buffers.is_error()) {
        release();
        return buffers.error();
    }
    m_buffers = buffers.value();
    m_descriptors = static_cast<volatile TxDescriptor*>(m_ring.virt);
    m_size = size;
    return {};
}

void E1000TxRing::release()
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

void E1000TxRing::program(E1000Registers& registers)
{
    m_tail = m_clean = 0;
    for (usize i = 0; i < m_size; ++i) {
        m_descriptors[i].buffer_address = buffer_phys(i);
        m_descriptors[i].command = 0;
        m_descriptors[i].status = 0;
    }
    registers.write(reg::TDBAL, u32(m_ring.phys));
    registers.write(reg::TDBAH, u32(u64(m_ring.phys) >> 32));
    registers.write(reg::TDLEN, u32(m_size * sizeof(TxDescriptor)));
    registers.write(reg::TDH, 0);
    registers.write(reg::TDT, 0);
}

usize E1000TxRing::reclaim(net::NetDeviceCounters& counters)
{
    usize reclaimed = 0;
    while (m_clean != m_tail) {
        volatile TxDescriptor& descriptor = m_descriptors[m_clean];
        u8 status = descriptor.status;
        if (!(status & tx_status::DD))
            break;
        if (status & (tx_status::EC | tx_status::LC))
            ++counters.tx_errors;
        descriptor.status = 0;
        m_clean = (m_clean + 1) % m_size;
        ++reclaimed;
    }
    return reclaimed;
}

Result<void> E1000TxRing::send(E1000Registers& registers, net::NetFragment const* fragments, usize count,
    net::NetDeviceCounters& counters)
{
    usize total = 0;
    bool valid = m_size != 0 && fragments && count != 0;
    for (usize i = 0; valid && i < count; ++i) {
        if ((fragments[i].length && !fragments[i].data) || fragments[i].length > net::NetDevice::MAX_FRAME)
            valid = false;
        else
            total += fragments[i].length;
    }
    if (!valid || total == 0 || total > net::NetDevice::MAX_FRAME) {
        ++counters.tx_errors;
        return Error::InvalidArgument;
    }
    if ((m_tail + 1) % m_size == m_clean)
        reclaim(counters);
    if ((m_tail + 1) % m_size == m_clean) {
        ++counters.tx_dropped;
        return Error::TryAgain;
    }
    u8* out = static_cast<u8*>(m_buffers.virt) + m_tail * BUFFER_SIZE;
    for (usize i = 0, offset = 0; i < count; offset += fragments[i].length, ++i) {
        if (fragments[i].length)
            memcpy(out + offset, fragments[i].data, fragments[i].length);
    }
    volatile TxDescriptor& descriptor = m_descriptors[m_tail];
    descriptor.buffer_address = buffer_phys(m_tail);
    descriptor.length = u16(total);
    descriptor.checksum_offset = 0;
    descriptor.checksum_start = 0;
    descriptor.special = 0;
    descriptor.status = 0;
    descriptor.command = tx_command::EOP | tx_command::IFCS | tx_command::RS;
    m_tail = (m_tail + 1) % m_size;
    ++counters.tx_packets;
    counters.tx_bytes += total;
    // The descriptor and buffer must be in memory before the device sees the tail.
    std::atomic_thread_fence(std::memory_order_release);
    registers.write(reg::TDT, u32(m_tail));
    return {};
}
