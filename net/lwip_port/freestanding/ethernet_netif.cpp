// EthernetNetif (see ethernet_netif.h): pbufs to fragments and frames to pbufs.
#include "net/lwip_port/freestanding/ethernet_netif.h"

#include "kernel/log/klog.h"
#include "lwip/etharp.h"
#include "lwip/pbuf.h"
#include "lwip/snmp.h"
#include "lwip/stats.h"
#include "lwip/tcpip.h"
#include "netif/ethernet.h"

namespace net {

namespace {

// Interfaces live as long as the kernel: a fixed table, filled under the core lock.
EthernetNetif g_interfaces[EthernetNetif::MAX_INTERFACES];
usize g_interface_count = 0;

constexpr usize ETHERNET_HEADER = 14;
constexpr usize ETHERNET_MINIMUM_FRAME = 60; // without the FCS
// A longer chain than this is flattened into a bounce buffer first.
constexpr usize MAX_FRAGMENTS = 16;
// Guarded by the core lock (link_output always runs under it).
u8 g_bounce[NetDevice::MAX_FRAME];

} // namespace

Result<EthernetNetif*> EthernetNetif::attach(NetDevice& device)
{
    if (g_interface_count == MAX_INTERFACES)
        return Error::NoSpace;
    EthernetNetif& self = g_interfaces[g_interface_count];
    self.m_device = &device;
    ip4_addr_t none;
    ip4_addr_set_zero(&none);
    if (!netif_add(&self.m_netif, &none, &none, &none, &self, init_netif, tcpip_input)) {
        self.m_device = nullptr;
        return Error::IoError;
    }
    ++g_interface_count;
    if (device.link_up())
        netif_set_link_up(&self.m_netif);
    device.set_link_listener(on_link_change, &self);
    device.set_receiver(on_frame, &self);
    return &self;
}

EthernetNetif* EthernetNetif::from_netif(struct netif* netif)
{
    for (usize i = 0; i < g_interface_count; ++i) {
        if (&g_interfaces[i].m_netif == netif)
            return &g_interfaces[i];
    }
    return nullptr;
}

err_t EthernetNetif::init_netif(struct netif* netif)
{
    auto* self = static_cast<EthernetNetif*>(netif->state);
    NetDevice& device = *self->m_device;
    netif->name[0] = 'e';
    netif->name[1] = 't';
    netif->output = etharp_output;
    netif->linkoutput = link_output;
    netif->mtu = u16_t(device.mtu());
    netif->hwaddr_len = ETH_HWADDR_LEN;
    MacAddress mac = device.mac();
    for (usize i = 0; i < ETH_HWADDR_LEN; ++i)
        netif->hwaddr[i] = mac.bytes[i];
    netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
    MIB2_INIT_NETIF(netif, snmp_ifType_ethernet_csmacd, 1000000000);
    return ERR_OK;
}

err_t EthernetNetif::link_output(struct netif* netif, struct pbuf* chain)
{
    auto* self = static_cast<EthernetNetif*>(netif->state);
    if (chain->tot_len > NetDevice::MAX_FRAME) {
        LINK_STATS_INC(link.lenerr);
        LINK_STATS_INC(link.drop);
        return ERR_IF;
    }
    NetFragment fragments[MAX_FRAGMENTS];
    usize count = 0;
    bool flatten = false;
    for (struct pbuf* piece = chain; piece; piece = piece->next) {
        if (piece->len == 0)
            continue;
        if (count == MAX_FRAGMENTS) {
            flatten = true;
            break;
        }
        fragments[count++] = { piece->payload, piece->len };
    }
    if (flatten) {
        u16_t copied = pbuf_copy_partial(chain, g_bounce, chain->tot_len, 0);
        fragments[0] = { g_bounce, copied };
        count = 1;
    }
    auto sent = self->m_device->transmit(fragments, count);
    if (sent.is_error()) {
        LINK_STATS_INC(link.drop);
        MIB2_STATS_NETIF_INC(netif, ifoutdiscards);
        // A full ring drops the frame as a busy switch would: TCP retransmits,
        // UDP may lose it. Anything else is an interface error.
        return sent.error() == Error::TryAgain ? ERR_OK : ERR_IF;
    }
    LINK_STATS_INC(link.xmit);
    MIB2_STATS_NETIF_ADD(netif, ifoutoctets, chain->tot_len);
    return ERR_OK;
}

void EthernetNetif::on_frame(void* context, void const* frame, usize length)
{
    auto* self = static_cast<EthernetNetif*>(context);
    if (length < ETHERNET_HEADER || length > NetDevice::MAX_FRAME + 4) { // + 4: one VLAN tag
        __atomic_add_fetch(&self->m_rx_dropped, 1, __ATOMIC_RELAXED);
        LINK_STATS_INC(link.lenerr);
        return;
    }
    // Runts are zero-padded to the Ethernet minimum, as the wire would deliver
    // them: lwIP's etharp_input trusts an ARP frame to hold a whole ARP
    // message (28 bytes) and would otherwise read the stale bytes of an
    // earlier frame in the pool buffer (found by tests/fuzz/netif_receive_fuzz).
    usize padded = length < ETHERNET_MINIMUM_FRAME ? ETHERNET_MINIMUM_FRAME : length;
    struct pbuf* packet = pbuf_alloc(PBUF_RAW, u16_t(padded), PBUF_POOL);
    if (!packet) {
        __atomic_add_fetch(&self->m_rx_dropped, 1, __ATOMIC_RELAXED);
        LINK_STATS_INC(link.memerr);
        return;
    }
    (void)pbuf_take(packet, frame, u16_t(length));
    if (padded > length) {
        static u8 const zeros[ETHERNET_MINIMUM_FRAME] = {};
        (void)pbuf_take_at(packet, zeros, u16_t(padded - length), u16_t(length));
    }
    // tcpip_input only queues the frame for the tcpip thread; ERR_MEM when its
    // mailbox (or the message pool) is full.
    if (self->m_netif.input(packet, &self->m_netif) != ERR_OK) {
        pbuf_free(packet);
        __atomic_add_fetch(&self->m_rx_dropped, 1, __ATOMIC_RELAXED);
        LINK_STATS_INC(link.drop);
        return;
    }
    LINK_STATS_INC(link.recv);
}

void EthernetNetif::on_link_change(void* context, bool link_up)
{
    err_t posted = tcpip_callback(link_up ? apply_link_up : apply_link_down, context);
    if (posted != ERR_OK)
        log_warn("net: lost a link change (%s)", link_up ? "up" : "down");
}

void EthernetNetif::apply_link_up(void* context)
{
    auto* self = static_cast<EthernetNetif*>(context);
    netif_set_link_up(&self->m_netif);
}

void EthernetNetif::apply_link_down(void* context)
{
    auto* self = static_cast<EthernetNetif*>(context);
    netif_set_link_down(&self->m_netif);
}

} // namespace net
