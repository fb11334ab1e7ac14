// EthernetNetif (see ethernet_netif.h): pbufs to fragments and frames to pbufs.
#include "net/lwip_port/ethernet_netif.h"

#include "kernel/log/klog.h"
#include "lwip/etharp.h"
#include "lwip/pbuf.h"
#include "lwip/snmp.h"
#include "lwip/stats.h"
#include "netif/ethernet.h"

namespace net {

namespace {

constexpr usize ETHERNET_HEADER = 14;
// A longer chain than this is flattened into the bounce buffer first.
constexpr usize MAX_FRAGMENTS = 16;

} // namespace

Result<void> EthernetNetif::attach(NetDevice& device, StackEntry const& entry)
{
    if (m_device || !entry.input || !entry.run_in_stack)
        return Error::InvalidArgument;
    m_device = &device;
    m_entry = entry;
    ip4_addr_t none;
    ip4_addr_set_zero(&none);
    if (!netif_add(&m_netif, &none, &none, &none, this, init_netif, entry.input)) {
        m_device = nullptr;
        return Error::IoError;
    }
    if (device.link_up())
        netif_set_link_up(&m_netif);
    device.set_link_listener(on_link_change, this);
    device.set_receiver(on_frame, this);
    return {};
}

void EthernetNetif::detach()
{
    if (!m_device)
        return;
    m_device->set_receiver(nullptr, nullptr);
    m_device->set_link_listener(nullptr, nullptr);
    netif_remove(&m_netif);
    m_device = nullptr;
}

EthernetNetif* EthernetNetif::from_netif(struct netif* netif)
{
    if (!netif || netif->linkoutput != link_output)
        return nullptr;
    return static_cast<EthernetNetif*>(netif->state);
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
        u16_t copied = pbuf_copy_partial(chain, self->m_bounce, chain->tot_len, 0);
        fragments[0] = { self->m_bounce, copied };
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
    if (length < ETHERNET_HEADER || length > MAX_RECEIVED_FRAME) {
        self->count_rx_drop();
        LINK_STATS_INC(link.lenerr);
        return;
    }
    // Runts are zero-padded to the Ethernet minimum, as the wire would deliver
    // them: lwIP's etharp_input trusts an ARP frame to hold a whole ARP
    // message (28 bytes) and would otherwise read the stale bytes of an
    // earlier frame in the pool buffer (found by tests/fuzz/netif_receive_fuzz).
    usize padded = length < MINIMUM_FRAME ? MINIMUM_FRAME : length;
    struct pbuf* packet = pbuf_alloc(PBUF_RAW, u16_t(padded), self->m_entry.receive_buffers);
    if (!packet) {
        self->count_rx_drop();
        LINK_STATS_INC(link.memerr);
        return;
    }
    (void)pbuf_take(packet, frame, u16_t(length));
    if (padded > length) {
        static u8 const zeros[MINIMUM_FRAME] = {};
        (void)pbuf_take_at(packet, zeros, u16_t(padded - length), u16_t(length));
    }
    // In the kernel, tcpip_input only queues the frame for the tcpip thread;
    // ERR_MEM when its mailbox (or the message pool) is full.
    if (self->m_netif.input(packet, &self->m_netif) != ERR_OK) {
        pbuf_free(packet);
        self->count_rx_drop();
        LINK_STATS_INC(link.drop);
        return;
    }
    LINK_STATS_INC(link.recv);
}

void EthernetNetif::on_link_change(void* context, bool link_up)
{
    auto* self = static_cast<EthernetNetif*>(context);
    err_t posted = self->m_entry.run_in_stack(link_up ? apply_link_up : apply_link_down, self);
    if (posted != ERR_OK) {
        __atomic_add_fetch(&self->m_link_changes_lost, 1, __ATOMIC_RELAXED);
        log_warn("net: lost a link change (%s)", link_up ? "up" : "down");
    }
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
