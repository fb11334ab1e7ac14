// The debug monitor's `pci` command: how configuration space is reached, then the
// list enumerate() filled at boot. It touches no configuration space, so it is
// safe at any time.
#include "kernel/pci/pci_monitor_command.h"

#include "kernel/arch/pci_config.h"
#include "kernel/monitor/monitor.h"
#include "kernel/pci/pci_bus.h"
#include "kernel/pci/pci_format.h"

void command_pci(MonitorIo& io, StringView)
{
    PciBus const& bus = PciBus::the();
    char line[256];
    pci::format_config_method(arch::pci_config_method(), line, sizeof(line));
    io.print("%s\n", line);
    if (bus.count() == 0) {
        io.print("no PCI functions (not enumerated, or no configuration access)\n");
        return;
    }
    for (usize i = 0; i < bus.count(); ++i) {
        PciDevice const& device = bus.device(i);
        pci::format_device(device, line, sizeof(line));
        io.print("%s  [%s]\n", line, pci::class_name(device.class_code, device.subclass));
    }
    if (bus.truncated())
        io.print("(list full at %zu functions; more were not recorded)\n", PciBus::MAX_DEVICES);
}
