// `netdev`: name, MAC, link and counters of every device in NetDeviceRegistry.
//   eth0  52:54:00:12:34:56  link up  mtu 1500
//     rx 12 packets 1480 bytes 0 errors 0 dropped
//     tx 3 packets 180 bytes 0 errors 0 dropped
#include "net/device/net_device_monitor_command.h"

#include "kernel/monitor/monitor.h"
#include "net/device/net_device.h"

void command_netdev(MonitorIo& io, StringView)
{
    net::NetDeviceRegistry const& registry = net::NetDeviceRegistry::the();
    if (registry.count() == 0) {
        io.print("no network devices\n");
        return;
    }
    for (usize i = 0; i < registry.count(); ++i) {
        net::NetDevice* device = registry.at(i);
        net::MacAddress mac = device->mac();
        net::NetDeviceCounters c = device->counters();
        io.print("%.*s  %02x:%02x:%02x:%02x:%02x:%02x  link %s  mtu %zu\n", int(device->name().length()),
            device->name().characters(), mac.bytes[0], mac.bytes[1], mac.bytes[2], mac.bytes[3], mac.bytes[4],
            mac.bytes[5], device->link_up() ? "up" : "down", device->mtu());
        io.print("  rx %llu packets %llu bytes %llu errors %llu dropped\n", (unsigned long long)c.rx_packets,
            (unsigned long long)c.rx_bytes, (unsigned long long)c.rx_errors, (unsigned long long)c.rx_dropped);
        io.print("  tx %llu packets %llu bytes %llu errors %llu dropped\n", (unsigned long long)c.tx_packets,
            (unsigned long long)c.tx_bytes, (unsigned long long)c.tx_errors, (unsigned long long)c.tx_dropped);
    }
}
