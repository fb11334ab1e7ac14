// PciBus: breadth-first enumeration from bus 0 through PCI-to-PCI bridges. Work is
// bounded by construction: 256 buses, each queued once, 32 devices x 8 functions.
#include "kernel/pci/pci_bus.h"

#include "kernel/arch/pci_config.h"

namespace {

constexpr usize BUS_COUNT = 256;
constexpr u8 DEVICES_PER_BUS = 32;
constexpr u8 FUNCTIONS_PER_DEVICE = 8;

void set_command_bits(PciDevice const& device, u16 bits)
{
    u16 command = device.address.read16(pci_reg::COMMAND_STATUS);
    if ((command & bits) != bits)
        device.address.write16(pci_reg::COMMAND_STATUS, u16(command | bits));
}

} // namespace

PciBus& PciBus::the()
{
    static PciBus bus;
    return bus;
}

void PciBus::add(PciDevice const& device)
{
    if (m_count == MAX_DEVICES) {
        m_truncated = true;
        return;
    }
    m_devices[m_count++] = device;
}

void PciBus::scan_bus(u8 bus, u8* pending, usize& pending_count, bool* queued)
{
    for (u8 slot = 0; slot < DEVICES_PER_BUS; ++slot) {
        auto first = PciDevice::probe({ bus, slot, 0 });
        if (first.is_error())
            continue;
        u8 functions = first.value().multi_function ? FUNCTIONS_PER_DEVICE : 1;
        for (u8 function = 0; function < functions; ++function) {
            auto probed = function == 0 ? std::move(first) : PciDevice::probe({ bus, slot, function });
            if (probed.is_error())
                continue;
            PciDevice const& device = probed.value();
            add(device);
            u8 secondary = device.secondary_bus;
            // Secondary bus 0 means an unconfigured bridge; firmware assigns numbers
            // and this code does not renumber.
            if (device.is_bridge() && secondary != 0 && !queued[secondary]) {
                queued[secondary] = true;
                pending[pending_count++] = secondary;
            }
        }
    }
}

Result<usize> PciBus::enumerate()
{
    if (!arch::pci_config_available())
        return Error::NoDevice;
    m_count = 0;
    m_truncated = false;
    u8 pending[BUS_COUNT];
    bool queued[BUS_COUNT] = {};
    usize pending_count = 0;
    pending[pending_count++] = 0;
    queued[0] = true;
    // Each bus enters pending at most once (queued[]), so this ends after <= 256 scans.
    for (usize next = 0; next < pending_count; ++next)
        scan_bus(pending[next], pending, pending_count, queued);
    return m_count;
}

PciDevice const* PciBus::find(u16 vendor_id, u16 device_id) const
{
    for (usize i = 0; i < m_count; ++i) {
        if (m_devices[i].vendor_id == vendor_id && m_devices[i].device_id == device_id)
            return &m_devices[i];
    }
    return nullptr;
}

PciDevice const* PciBus::find_class(u8 class_code, u8 subclass) const
{
    for (usize i = 0; i < m_count; ++i) {
        if (m_devices[i].class_code == class_code && m_devices[i].subclass == subclass)
            return &m_devices[i];
    }
    return nullptr;
}

namespace pci {

void enable_bus_mastering(PciDevice const& device) { set_command_bits(device, pci_reg::COMMAND_BUS_MASTER); }
void enable_memory_space(PciDevice const& device) { set_command_bits(device, pci_reg::COMMAND_MEMORY_SPACE); }
void enable_io_space(PciDevice const& device) { set_command_bits(device, pci_reg::COMMAND_IO_SPACE); }

} // namespace pci
