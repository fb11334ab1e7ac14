// EthernetNetif: the glue between one NetDevice and one lwIP netif. Frames the
// driver receives become PBUF_POOL pbufs handed to the tcpip thread
// (tcpip_input); frames lwIP sends go to NetDevice::transmit as fragments, one
// per pbuf of the chain (the driver copies them into its ring). Link changes
// reach lwIP through tcpip_callback. Kernel-only (lwIP).
//
// Locks: attach() and every lwIP call here need the tcpip core lock
// (LOCK_TCPIP_CORE), except the receive and link callbacks, which run in a
// driver thread and only post to the tcpip thread.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "lwip/netif.h"
#include "net/device/net_device.h"
#include "net/stack/ip_config.h"

namespace net {

class EthernetNetif {
public:
    static constexpr usize MAX_INTERFACES = NetDeviceRegistry::MAX_DEVICES;

    // Adds a netif for device (no address yet; set_up() brings it up) and starts
    // receiving. Caller holds the core lock. NoSpace past MAX_INTERFACES; IoError
    // when lwIP refuses the netif.
    static Result<EthernetNetif*> attach(NetDevice& device);
    // The EthernetNetif behind an lwIP netif, or null (lo, or not ours).
    static EthernetNetif* from_netif(struct netif* netif);

    NetDevice& device() const { return *m_device; }
    struct netif& lwip_netif() { return m_netif; }

    // How the address was configured (shown in /proc/net/interfaces). Core lock.
    InterfaceConfigMode config() const { return m_config; }
    void set_config(InterfaceConfigMode config) { m_config = config; }

    // Frames dropped in the glue (beyond the device's counters): no pbuf, the
    // tcpip mailbox was full, or the frame was too short or too long.
    u64 rx_dropped() const { return __atomic_load_n(&m_rx_dropped, __ATOMIC_RELAXED); }

private:
    static err_t init_netif(struct netif* netif);
    static err_t link_output(struct netif* netif, struct pbuf* chain);
    static void on_frame(void* context, void const* frame, usize length);
    static void on_link_change(void* context, bool link_up);
    static void apply_link_up(void* context);
    static void apply_link_down(void* context);

    NetDevice* m_device = nullptr;
    struct netif m_netif {};
    u64 m_rx_dropped = 0;
    InterfaceConfigMode m_config = InterfaceConfigMode::None;
};

} // namespace net
