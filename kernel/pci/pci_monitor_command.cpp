// The debug monitor's `pci` command. Reads only the list enumerate() filled at
// boot; it touches no configuration space, so it is safe at any time.
#include "kernel/pci/pci_monitor_command.h"

#include "kernel/monitor/monitor.h"
#include "kernel/pci/pci_bus.h"
#include "kernel/pci/pci_format.h"

void command_pci(MonitorIo& io, StringView)
{
    PciBus const& bus = PciBus::the();
    if (bus.count() == 0) {
        io.print("no PCI functions (not enumerated, or no configuration access)\n");
        return;
    }
    char line[256];
    for (usize i = 0; i < bus.count(); ++i) {
        PciDevice const& device = bus.device(i);
        pci::format_device(device, line, sizeof(line));
        io.print("%s  [%s]\n", line, pci::class_name(device.class_code, device.subclass));
    }
    if (bus.truncated())
        io.print("(list full at %zu functions; more were not recorded)\n", PciBus::MAX_DEVICES);
}
