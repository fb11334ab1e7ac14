// PciDevice: what enumeration learned about one PCI function — identity, class,
// interrupt routing and decoded BARs. probe() reads it from configuration space.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/pci/pci_address.h"
#include "kernel/pci/pci_bar.h"

class PciDevice {
public:
    static constexpr usize MAX_BARS = 6;
    static constexpr u8 HEADER_GENERAL = 0x00;
    static constexpr u8 HEADER_BRIDGE = 0x01;
    static constexpr u8 HEADER_CARDBUS = 0x02;

    // Reads the header at address and sizes its BARs (memory and I/O decoding are
    // off while sizing, then restored). Error::NoDevice when nothing answers there.
    static Result<PciDevice> probe(PciAddress address);

    PciAddress address;
    u16 vendor_id = 0;
    u16 device_id = 0;
    u8 class_code = 0;
    u8 subclass = 0;
    u8 prog_if = 0;
    u8 revision = 0;
    u8 header_type = 0; // without the multi-function bit
    bool multi_function = false;
    u8 interrupt_line = 0xFF;
    u8 interrupt_pin = 0; // 0 = none, 1..4 = INTA#..INTD#
    // Only for bridges (header type 1).
    u8 secondary_bus = 0;
    u8 subordinate_bus = 0;
    // Indexed by BAR register number; the upper half of a 64-bit BAR stays None.
    PciBar bars[MAX_BARS];

    bool is_bridge() const { return header_type == HEADER_BRIDGE; }
    bool has_interrupt() const { return interrupt_pin != 0 && interrupt_line != 0xFF; }
};
