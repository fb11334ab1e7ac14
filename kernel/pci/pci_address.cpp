// PciAddress: configuration accessors. Everything here goes through the arch seam,
// so the same code runs on x86 and against the host fake.
#include "kernel/pci/pci_address.h"

#include "kernel/arch/pci_config.h"

u32 PciAddress::read32(u16 offset) const { return arch::pci_config_read32(bus, device, function, offset & 0xFC); }

void PciAddress::write32(u16 offset, u32 value) const
{
    arch::pci_config_write32(bus, device, function, offset & 0xFC, value);
}

u16 PciAddress::read16(u16 offset) const { return u16(read32(offset) >> ((offset & 2) * 8)); }

u8 PciAddress::read8(u16 offset) const { return u8(read32(offset) >> ((offset & 3) * 8)); }

// Only the command register (0x04, whose other half is RW1C status) needs care:
// writing status bits back as read would clear them, so they are written as zero.
void PciAddress::write16(u16 offset, u16 value) const
{
    u32 current = read32(offset);
    if ((offset & 0xFC) == pci_reg::COMMAND_STATUS)
        current &= 0x0000FFFFu;
    unsigned shift = (offset & 2) * 8;
    current = (current & ~(0xFFFFu << shift)) | (u32(value) << shift);
    write32(offset, current);
}
