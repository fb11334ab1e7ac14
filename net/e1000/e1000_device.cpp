// E1000Device (see e1000_device.h): bring-up order follows the 8254x manual's
// "general configuration", "receive initialization" and "transmit initialization".
#include "net/e1000/e1000_device.h"

using namespace e1000;
using net::NetDeviceCounters;

namespace {

void add_counters(NetDeviceCounters& into, NetDeviceCounters const& from)
{
    into.rx_packets += from.rx_packets;
    into.rx_bytes += from.rx_bytes;
    into.rx_errors += from.rx_errors;
    into.rx_dropped += from.rx_dropped;
    into.tx_packets += from.tx_packets;
    into.tx_bytes += from.tx_bytes;
    into.tx_errors += from.tx_errors;
    into.tx_dropped += from.tx_dropped;
}

bool is_usable_mac(net::MacAddress const& mac)
{
    bool all_zero = true;
    bool all_ones = true;
    for (u8 byte : mac.bytes) {
        all_zero = all_zero && byte == 0;
        all_ones = all_ones && byte == 0xFF;
    }
    return !all_zero && !all_ones && !(mac.bytes[0] & 1); // unicast
}

constexpr u32 STATISTICS[] = { reg::CRCERRS, reg::ALGNERRC, reg::SYMERRS, reg::RXERRC, reg::MPC, reg::ECOL,
    reg::LATECOL, reg::RLEC };

} // namespace

E1000Device::E1000Device(E1000Registers& registers, net::DmaAllocator& dma, EepromLayout eeprom, StringView name)
    : m_registers(registers)
    , m_dma(dma)
    , m_eeprom(eeprom)
{
    usize n = name.length() < NAME_CAPACITY - 1 ? name.length() : NAME_CAPACITY - 1;
    for (usize i = 0; i < n; ++i)
        m_name[i] = name[i];
}

E1000Device::~E1000Device()
{
    if (!m_started)
        return;
    // Stop all DMA before the rings' memory goes back.
    m_registers.write(reg::IMC, ~0u);
    m_registers.write(reg::RCTL, 0);
    m_registers.write(reg::TCTL, 0);
    (void)m_registers.read(reg::ICR);
}

Result<void> E1000Device::reset()
{
    m_registers.write(reg::IMC, ~0u);
    m_registers.write(reg::RCTL, 0);
    m_registers.write(reg::TCTL, 0);
    m_registers.write(reg::CTRL, m_registers.read(reg::CTRL) | ctrl::RST);
    m_registers.delay_us(10);
    u32 polls = 0;
    while (m_registers.read(reg::CTRL) & ctrl::RST) {
        if (++polls == RESET_POLLS)
            return Error::TimedOut;
        m_registers.delay_us(10);
    }
    // A reset leaves every cause masked; mask again and drop any stale cause anyway.
    m_registers.write(reg::IMC, ~0u);
    (void)m_registers.read(reg::ICR);
    u32 control = m_registers.read(reg::CTRL);
    control |= ctrl::SLU | ctrl::ASDE;
    control &= ~(ctrl::LRST | ctrl::PHY_RST | ctrl::ILOS | ctrl::VME);
    m_registers.write(reg::CTRL, control);
    return {};
}

Result<u16> E1000Device::read_eeprom(u8 address)
{
    m_registers.write(reg::EERD, EERD_START | (u32(address) << m_eeprom.address_shift));
    for (u32 polls = 0; polls < EEPROM_POLLS; ++polls) {
        u32 value = m_registers.read(reg::EERD);
        if (value & m_eeprom.done_bit)
            return u16(value >> 16);
        m_registers.delay_us(5);
    }
    return Error::TimedOut;
}

Result<net::MacAddress> E1000Device::read_mac()
{
    net::MacAddress mac;
    u32 high = m_registers.read(reg::RAH0);
    if (high & RAH_AV) {
        u32 low = m_registers.read(reg::RAL0);
        for (usize i = 0; i < 4; ++i)
            mac.bytes[i] = u8(low >> (8 * i));
        mac.bytes[4] = u8(high);
        mac.bytes[5] = u8(high >> 8);
        if (is_usable_mac(mac))
            return mac;
    }
    // Words 0-2 of the EEPROM hold the address, low byte first.
    for (u8 word = 0; word < 3; ++word) {
        auto value = read_eeprom(word);
        if (value.is_error())
            return Error::NoDevice;
        mac.bytes[2 * word] = u8(value.value());
        mac.bytes[2 * word + 1] = u8(value.value() >> 8);
    }
    if (!is_usable_mac(mac))
        return Error::NoDevice;
    return mac;
}

Result<void> E1000Device::start(usize rx_ring_size, usize tx_ring_size)
{
    if (m_started)
        return Error::InvalidArgument;
    // Memory first: a failure then leaves the device as it was.
    TRY(m_rx.allocate(m_dma, rx_ring_size));
    TRY(m_tx.allocate(m_dma, tx_ring_size));
    TRY(reset());
    m_mac = TRY(read_mac());
    m_registers.write(reg::RAL0, u32(m_mac.bytes[0]) | u32(m_mac.bytes[1]) << 8 | u32(m_mac.bytes[2]) << 16
            | u32(m_mac.bytes[3]) << 24);
    m_registers.write(reg::RAH0, u32(m_mac.bytes[4]) | u32(m_mac.bytes[5]) << 8 | RAH_AV);
    for (u32 i = 0; i < reg::MTA_COUNT; ++i)
        m_registers.write(reg::MTA + 4 * i, 0);
    discard_hardware_counters();

    m_rx.program(m_registers);
    m_registers.write(reg::RDTR, 0);
    m_registers.write(reg::RCTL, rctl::EN | rctl::BAM | rctl::SECRC | rctl::BSIZE_2048 | rctl::RDMTS_HALF);
    m_tx.program(m_registers);
    m_registers.write(reg::TIPG, TIPG_COPPER);
    m_registers.write(reg::TCTL, tctl::DEFAULT);

    m_started = true;
    m_link_up.store((m_registers.read(reg::STATUS) & status::LU) != 0, std::memory_order_release);
    m_registers.write(reg::IMS, cause::ENABLED);
    return {};
}

bool E1000Device::acknowledge_interrupt()
{
    if (!m_started)
        return false;
    u32 causes = m_registers.read(reg::ICR);
    if (causes == 0 || causes == ~0u)
        return false;
    m_pending_causes.fetch_or(causes, std::memory_order_acq_rel);
    m_interrupts.fetch_add(1, std::memory_order_relaxed);
    return true;
}

void E1000Device::update_link()
{
    bool up = (m_registers.read(reg::STATUS) & status::LU) != 0;
    if (m_link_up.exchange(up, std::memory_order_acq_rel) != up)
        notify_link(up);
}

bool E1000Device::deliver_frame(void* context, u8 const* frame, usize length)
{
    return static_cast<E1000Device*>(context)->deliver(frame, length);
}

bool E1000Device::service(bool poll_causes)
{
    if (!m_started)
        return false;
    u32 polled = poll_causes ? m_registers.read(reg::ICR) : 0;
    if (polled == ~0u)
        polled = 0; // the device is gone; nothing it says is meaningful
    // Only the causes we enabled count as work: the device also sets others (TXQE
    // whenever the transmit queue drains) that never raise an interrupt.
    u32 causes = (m_pending_causes.exchange(0, std::memory_order_acq_rel) | polled) & cause::ENABLED;
    bool work = causes != 0;

    update_link();

    NetDeviceCounters received;
    usize drained = m_rx.drain(m_registers, received, deliver_frame, this, m_rx.size());
    if (drained) {
        work = true;
        SpinlockGuard guard(m_counters_lock);
        add_counters(m_rx_counters, received);
    }
    {
        SpinlockGuard guard(m_tx_lock);
        if (m_tx.reclaim(m_tx_counters))
            work = true;
    }
    return work || m_rx.has_completed();
}

void E1000Device::discard_hardware_counters()
{
    for (u32 offset : STATISTICS)
        (void)m_registers.read(offset);
}

void E1000Device::fold_hardware_counters() const
{
    if (!m_started)
        return;
    SpinlockGuard guard(m_counters_lock);
    NetDeviceCounters& hw = m_hardware_counters;
    hw.rx_errors += m_registers.read(reg::CRCERRS);
    hw.rx_errors += m_registers.read(reg::ALGNERRC);
    hw.rx_errors += m_registers.read(reg::SYMERRS);
    hw.rx_errors += m_registers.read(reg::RXERRC);
    hw.rx_errors += m_registers.read(reg::RLEC);
    hw.rx_dropped += m_registers.read(reg::MPC);
    hw.tx_errors += m_registers.read(reg::ECOL);
    hw.tx_errors += m_registers.read(reg::LATECOL);
}

NetDeviceCounters E1000Device::counters() const
{
    fold_hardware_counters();
    NetDeviceCounters total;
    {
        SpinlockGuard guard(m_counters_lock);
        add_counters(total, m_rx_counters);
        add_counters(total, m_hardware_counters);
    }
    SpinlockGuard guard(m_tx_lock);
    add_counters(total, m_tx_counters);
    return total;
}

Result<void> E1000Device::transmit(net::NetFragment const* fragments, usize count)
{
    SpinlockGuard guard(m_tx_lock);
    if (!m_started)
        return Error::NoDevice;
    return m_tx.send(m_registers, fragments, count, m_tx_counters);
}
