// pci::install_interrupt_handler: validates what firmware left in the Interrupt
// Line/Pin registers, then hands the line to the arch seam.
#include "kernel/pci/pci_interrupt.h"

namespace pci {

void set_intx_enabled(PciDevice const& device, bool enabled)
{
    u16 command = device.address.read16(pci_reg::COMMAND_STATUS);
    u16 updated = enabled ? u16(command & ~COMMAND_INTX_DISABLE) : u16(command | COMMAND_INTX_DISABLE);
    // The status half is write-one-to-clear: write16 touches only the command half.
    if (updated != command)
        device.address.write16(pci_reg::COMMAND_STATUS, updated);
}

Result<void> install_interrupt_handler(PciDevice const& device, arch::PciIrqHandler handler, void* context)
{
    if (!device.has_interrupt())
        return Error::NoDevice;
    if (device.interrupt_line > MAX_LEGACY_LINE)
        return Error::InvalidArgument;
    TRY(arch::install_pci_irq_handler(device.interrupt_line, handler, context));
    set_intx_enabled(device, true);
    return {};
}

} // namespace pci
