// Self-tests of PCI on the real (or QEMU) machine: a configuration mechanism
// answers (ECAM or ports), a host bridge sits at 00:00.0, and BARs decode sanely.
#include "kernel/arch/pci_config.h"
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

// The extended space (offsets 256..4095) is there exactly where ECAM is in use;
// elsewhere it reads as all ones. Both paths must agree on 00:00.0's header.
SELFTEST("pci: configuration method and extended space")
{
    arch::PciConfigMethod method = arch::pci_config_method();
    char line[64];
    pci::format_config_method(method, line, sizeof(line));
    t.note("%s", line + 2); // the note brings its own "# "
    ST_EXPECT(arch::pci_config_available());
    ST_EXPECT(method.kind != arch::PciConfigMethod::Kind::None);
    bool ecam = method.kind == arch::PciConfigMethod::Kind::Ecam;
    ST_EXPECT(arch::pci_config_extended_available(0) == ecam);
    if (!ecam)
        ST_EXPECT(arch::pci_config_read32(0, 0, 0, 0x100) == 0xFFFFFFFFu);
    PciBus& bus = PciBus::the();
    if (bus.count() > 0) {
        PciDevice const& bridge = bus.device(0);
        ST_EXPECT(arch::pci_config_read32(0, 0, 0, 0) == (u32(bridge.device_id) << 16 | bridge.vendor_id));
    }
}
