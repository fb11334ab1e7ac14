// PciAddress: one function's place on the PCI bus (bus, device, function) and the
// configuration-space accessors for it, built on the arch seam (kernel/arch/pci_config.h).
#pragma once

#include "kernel/lib/types.h"

// Standard header offsets used across kernel/pci/.
namespace pci_reg {
inline constexpr u16 VENDOR_DEVICE = 0x00;
inline constexpr u16 COMMAND_STATUS = 0x04;
inline constexpr u16 CLASS_REVISION = 0x08;
inline constexpr u16 HEADER_TYPE_DWORD = 0x0C; // header type is byte 2
inline constexpr u16 BAR0 = 0x10;
inline constexpr u16 BRIDGE_BUSES = 0x18; // primary, secondary, subordinate
inline constexpr u16 INTERRUPT = 0x3C;    // line is byte 0, pin byte 1
inline constexpr u16 COMMAND_IO_SPACE = 1u << 0;
inline constexpr u16 COMMAND_MEMORY_SPACE = 1u << 1;
inline constexpr u16 COMMAND_BUS_MASTER = 1u << 2;
} // namespace pci_reg

struct PciAddress {
    u8 bus = 0;
    u8 device = 0;   // 0..31
    u8 function = 0; // 0..7

    u32 read32(u16 offset) const;
    void write32(u16 offset, u32 value) const;
    // Narrow accesses are done as read-modify-write of the containing dword.
    u16 read16(u16 offset) const;
    u8 read8(u16 offset) const;
    void write16(u16 offset, u16 value) const;

    bool operator==(PciAddress const&) const = default;
};
