// PciBus: the enumerated PCI functions of the machine, in a fixed-capacity list
// (no allocation, usable early in boot). enumerate() is not thread-safe: call it
// once at boot before drivers look up devices.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/pci/pci_device.h"

class PciBus {
public:
    static constexpr usize MAX_DEVICES = 64;

    // The machine's bus, filled by the boot-time enumerate().
    static PciBus& the();

    // Scans bus 0 and every bus behind a PCI-to-PCI bridge (each bus at most once,
    // so bad bridge numbering cannot loop). Returns the number of functions found;
    // Error::NoDevice when there is no configuration mechanism. Beyond MAX_DEVICES
    // functions the rest are dropped and truncated() says so.
    Result<usize> enumerate();

    usize count() const { return m_count; }
    bool truncated() const { return m_truncated; }
    PciDevice const& device(usize index) const { return m_devices[index]; }
    // First function with this vendor/device ID, or null.
    PciDevice const* find(u16 vendor_id, u16 device_id) const;
    // First function with this class and subclass, or null.
    PciDevice const* find_class(u8 class_code, u8 subclass) const;

private:
    void scan_bus(u8 bus, u8* pending, usize& pending_count, bool* queued);
    void add(PciDevice const& device);

    PciDevice m_devices[MAX_DEVICES];
    usize m_count = 0;
    bool m_truncated = false;
};

namespace pci {
// Command-register helpers: turn on DMA and the device's memory/I/O windows.
void enable_bus_mastering(PciDevice const& device);
void enable_memory_space(PciDevice const& device);
void enable_io_space(PciDevice const& device);
} // namespace pci
