#include "net/device/net_device.h"

namespace net {

NetDeviceRegistry& NetDeviceRegistry::the()
{
    static NetDeviceRegistry registry;
    return registry;
}

Result<void> NetDeviceRegistry::add(NetDevice& device)
{
    if (m_count == MAX_DEVICES)
        return Error::NoSpace;
    m_devices[m_count++] = &device;
    return {};
}

NetDevice* NetDeviceRegistry::find(StringView name) const
{
    for (usize i = 0; i < m_count; ++i) {
        if (m_devices[i]->name() == name)
            return m_devices[i];
    }
    return nullptr;
}

} // namespace net
