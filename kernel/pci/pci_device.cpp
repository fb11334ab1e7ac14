// PciDevice::probe: header decoding and BAR sizing. Sizing writes all ones to a
// BAR and reads back the mask of writable address bits; decoding is disabled
// meanwhile so the device never claims the bogus all-ones range.
#include "kernel/pci/pci_device.h"

namespace {

constexpr u32 BAR_IO = 0x1;
constexpr u32 BAR_MEM_TYPE_MASK = 0x6;
constexpr u32 BAR_MEM_TYPE_64 = 0x4;
constexpr u32 BAR_MEM_PREFETCH = 0x8;

// Writes all ones and returns what the register then holds; the original goes back.
u32 size_probe(PciAddress address, u16 offset, u32 original)
{
    address.write32(offset, 0xFFFFFFFFu);
    u32 mask = address.read32(offset);
    address.write32(offset, original);
    return mask;
}

// Decodes BAR index and returns how many registers it used (2 for 64-bit).
usize decode_bar(PciAddress address, usize index, usize bar_count, PciBar& bar)
{
    u16 offset = u16(pci_reg::BAR0 + index * 4);
    u32 original = address.read32(offset);
    u32 mask = size_probe(address, offset, original);
    if (mask == 0 || mask == 0xFFFFFFFFu)
        return 1; // unimplemented, or a device that vanished mid-probe
    if (original & BAR_IO) {
        u32 size_mask = mask & ~0x3u;
        // I/O space is 64 KiB on x86; devices may leave the upper half reading 0.
        if ((size_mask & 0xFFFF0000u) == 0)
            size_mask |= 0xFFFF0000u;
        bar.kind = PciBar::Kind::Io;
        bar.base = original & ~0x3u;
        bar.size = u32(~size_mask + 1);
        return 1;
    }
    bar.prefetchable = (original & BAR_MEM_PREFETCH) != 0;
    u64 base = original & ~0xFu;
    u64 size_mask = mask & ~0xFu;
    usize used = 1;
    if ((original & BAR_MEM_TYPE_MASK) == BAR_MEM_TYPE_64) {
        if (index + 1 >= bar_count)
            return 1; // a 64-bit BAR in the last slot is malformed: ignore it
        u16 upper_offset = u16(offset + 4);
        u32 upper_original = address.read32(upper_offset);
        u32 upper_mask = size_probe(address, upper_offset, upper_original);
        base |= u64(upper_original) << 32;
        size_mask |= u64(upper_mask) << 32;
        bar.kind = PciBar::Kind::Memory64;
        used = 2;
    } else {
        size_mask |= 0xFFFFFFFF00000000ull;
        bar.kind = PciBar::Kind::Memory32;
    }
    bar.base = base;
    bar.size = ~size_mask + 1;
    if (size_mask == 0)
        bar = PciBar {};
    return used;
}

} // namespace

Result<PciDevice> PciDevice::probe(PciAddress address)
{
    u32 ids = address.read32(pci_reg::VENDOR_DEVICE);
    if ((ids & 0xFFFF) == 0xFFFF || (ids & 0xFFFF) == 0)
        return Error::NoDevice;
    PciDevice device;
    device.address = address;
    device.vendor_id = u16(ids);
    device.device_id = u16(ids >> 16);
    u32 class_rev = address.read32(pci_reg::CLASS_REVISION);
    device.revision = u8(class_rev);
    device.prog_if = u8(class_rev >> 8);
    device.subclass = u8(class_rev >> 16);
    device.class_code = u8(class_rev >> 24);
    u8 header = u8(address.read32(pci_reg::HEADER_TYPE_DWORD) >> 16);
    device.header_type = header & 0x7F;
    device.multi_function = (header & 0x80) != 0;
    u32 interrupt = address.read32(pci_reg::INTERRUPT);
    device.interrupt_line = u8(interrupt);
    device.interrupt_pin = u8(interrupt >> 8);

    usize bar_count = 0;
    if (device.header_type == HEADER_GENERAL)
        bar_count = 6;
    else if (device.header_type == HEADER_BRIDGE)
        bar_count = 2;
    if (device.header_type == HEADER_BRIDGE) {
        u32 buses = address.read32(pci_reg::BRIDGE_BUSES);
        device.secondary_bus = u8(buses >> 8);
        device.subordinate_bus = u8(buses >> 16);
    }
    if (bar_count == 0)
        return device;

    u16 command = address.read16(pci_reg::COMMAND_STATUS);
    u16 decode = pci_reg::COMMAND_IO_SPACE | pci_reg::COMMAND_MEMORY_SPACE;
    if (command & decode)
        address.write16(pci_reg::COMMAND_STATUS, u16(command & ~decode));
    for (usize i = 0; i < bar_count;)
        i += decode_bar(address, i, bar_count, device.bars[i]);
    if (command & decode)
        address.write16(pci_reg::COMMAND_STATUS, command);
    return device;
}
