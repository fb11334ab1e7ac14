// Self-tests of PCI enumeration on the real (or QEMU) machine: configuration
// mechanism #1 answers, a host bridge sits at 00:00.0, and BARs decode sanely.
#include "kernel/pci/pci_bus.h"
#include "kernel/pci/pci_format.h"
#include "kernel/selftest/selftest.h"

// Checks the list kernel_main built at boot: enumerating again would briefly turn
// off every device's decoding (the display's included) while the system runs.
SELFTEST("pci: enumeration finds a host bridge and decodes BARs")
{
    PciBus& bus = PciBus::the();
    ST_EXPECT(bus.count() > 0);
    ST_EXPECT(bus.count() > 0 && bus.device(0).address == PciAddress {});
    ST_EXPECT(bus.count() > 0 && bus.device(0).class_code == 0x06);
    char line[256];
    for (usize i = 0; i < bus.count(); ++i) {
        PciDevice const& device = bus.device(i);
        pci::format_device(device, line, sizeof(line));
        t.note("%s", line);
        for (PciBar const& bar : device.bars) {
            // Sizes are powers of two and bases are aligned to them.
            if (bar.is_present())
                ST_EXPECT((bar.size & (bar.size - 1)) == 0 && (bar.base & (bar.size - 1)) == 0);
        }
    }
    if (PciDevice const* nic = bus.find(0x8086, 0x100e)) {
        ST_EXPECT(nic->bars[0].is_memory());
        ST_EXPECT(nic->bars[0].size == 128 * KiB);
    }
}
