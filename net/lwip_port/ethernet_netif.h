// EthernetNetif: the glue between one NetDevice and one lwIP netif. Frames the
// driver receives become PBUF_POOL pbufs handed to the stack's input function;
// frames lwIP sends go to NetDevice::transmit as fragments, one per pbuf of the
// chain (the driver copies them into its ring). Link changes reach lwIP through
// the stack's "run this in stack context" function.
//
// Portable: the glue never names the tcpip thread. The kernel attaches with
// StackEntry { tcpip_input, tcpip_callback } (net/stack/freestanding/), the
// host tests and the netif_receive fuzzer with { ethernet_input, run now } on
// lwIP built for the host with NO_SYS=1 (tests/lwip_host/).
//
// Locks: attach(), detach() and every lwIP call here need the stack's core lock
// (LOCK_TCPIP_CORE in the kernel), except the receive and link callbacks, which
// run in a driver thread and only call StackEntry's functions, which post to
// the stack.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "net/device/net_device.h"
#include "net/stack/ip_config.h"

namespace net {

// How frames and link changes enter the stack.
struct StackEntry {
    // Takes a received frame (pbuf) or returns an error and leaves it to the
    // caller: tcpip_input (queues it for the tcpip thread), or ethernet_input.
    netif_input_fn input = nullptr;
    // Runs function(context) in stack context, now or later; ERR_MEM when it
    // cannot be queued: tcpip_callback.
    using StackFunction = void (*)(void* context);
    err_t (*run_in_stack)(StackFunction function, void* context) = nullptr;
    // Where received frames are copied: the kernel's fixed pool. The fuzzer
    // uses PBUF_RAM (one malloc block per frame, sized to it) so that
    // AddressSanitizer catches lwIP reading past the end of a frame.
    pbuf_type receive_buffers = PBUF_POOL;
};

class EthernetNetif {
public:
    static constexpr usize MAX_INTERFACES = NetDeviceRegistry::MAX_DEVICES;
    static constexpr usize MINIMUM_FRAME = 60; // Ethernet, without the FCS
    static constexpr usize MAX_RECEIVED_FRAME = NetDevice::MAX_FRAME + 4; // one VLAN tag

    // Adds a netif for device (no address yet) and starts receiving. Caller
    // holds the core lock. InvalidArgument when attached already or entry is
    // incomplete; IoError when lwIP refuses the netif.
    Result<void> attach(NetDevice& device, StackEntry const& entry);
    // Stops receiving and removes the netif (lwIP forgets its ARP entries and
    // routes). Core lock. The device may be attached again.
    void detach();
    // The EthernetNetif behind an lwIP netif, or null (lo, or not ours).
    static EthernetNetif* from_netif(struct netif* netif);

    bool attached() const { return m_device != nullptr; }
    NetDevice& device() const { return *m_device; }
    struct netif& lwip_netif() { return m_netif; }

    // How the address was configured (shown in /proc/net/interfaces). Core lock.
    InterfaceConfigMode config() const { return m_config; }
    void set_config(InterfaceConfigMode config) { m_config = config; }

    // Frames dropped in the glue (beyond the device's counters): no pbuf, the
    // stack refused it (the tcpip mailbox was full), or the frame was too short
    // or too long.
    u64 rx_dropped() const { return __atomic_load_n(&m_rx_dropped, __ATOMIC_RELAXED); }
    // Link changes the stack could not take (run_in_stack failed): lost.
    u64 link_changes_lost() const { return __atomic_load_n(&m_link_changes_lost, __ATOMIC_RELAXED); }

private:
    static err_t init_netif(struct netif* netif);
    static err_t link_output(struct netif* netif, struct pbuf* chain);
    static void on_frame(void* context, void const* frame, usize length);
    static void on_link_change(void* context, bool link_up);
    static void apply_link_up(void* context);
    static void apply_link_down(void* context);
    void count_rx_drop() { __atomic_add_fetch(&m_rx_dropped, 1, __ATOMIC_RELAXED); }

    NetDevice* m_device = nullptr;
    StackEntry m_entry;
    struct netif m_netif {};
    u64 m_rx_dropped = 0;
    u64 m_link_changes_lost = 0;
    InterfaceConfigMode m_config = InterfaceConfigMode::None;
    // Where a chain of more than MAX_FRAGMENTS pbufs is flattened; link_output
    // runs under the core lock, so one per interface is enough.
    u8 m_bounce[NetDevice::MAX_FRAME];
};

} // namespace net
