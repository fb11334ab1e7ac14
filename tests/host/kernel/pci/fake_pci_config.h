// Programming interface of the host fake PCI configuration space
// (tests/host/fake_arch/pci_config.cpp): tests build a machine, then enumerate it.
#pragma once

#include "kernel/arch/pci_config.h"
#include "kernel/lib/types.h"

// Empties the space and makes it available again.
void fake_pci_reset();
void fake_pci_set_available(bool available);
// What arch::pci_config_method() reports (ports by default); accesses do not change.
void fake_pci_set_method(arch::PciConfigMethod const& method);
// Adds (or replaces) a function with the given 64-dword header. BARs decode nothing
// until fake_pci_set_bar_size says how large they are.
void fake_pci_add_function(u8 bus, u8 device, u8 function, u32 const config[64]);
// Makes BAR index bar of that function decode size bytes (a power of two): writing
// all ones reads back the size mask. For a 64-bit memory BAR give the low index;
// the next dword then becomes its upper half.
void fake_pci_set_bar_size(u8 bus, u8 device, u8 function, u8 bar, u64 size);
// The current dword at offset (all ones when the function is absent).
u32 fake_pci_peek(u8 bus, u8 device, u8 function, u16 offset);
// BAR writes made while the function had memory or I/O decoding enabled: each is a
// sizing done unsafely (the device would decode a bogus range meanwhile).
u32 fake_pci_unsafe_bar_writes();
// Total configuration reads, to check that enumeration is bounded.
u64 fake_pci_read_count();
