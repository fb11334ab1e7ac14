// net_drivers_probe (see net_drivers.h). A second driver adds its probe_all() here.
#include "net/device/net_drivers.h"

#include "kernel/monitor/monitor.h"
#include "net/device/net_device.h"
#include "net/device/net_device_monitor_command.h"
#include "net/e1000/freestanding/e1000_driver.h"

usize net_drivers_probe()
{
    e1000::probe_all();
    monitor_register_command({ "netdev", "network devices: MAC, link and counters", command_netdev });
    return net::NetDeviceRegistry::the().count();
}
