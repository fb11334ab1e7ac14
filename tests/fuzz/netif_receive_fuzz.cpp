// libFuzzer target: Ethernet frames from the LAN into lwIP's receive path, the
// way EthernetNetif::on_frame hands them to the stack in the kernel (frame in →
// netif->input = ethernet_input → ARP or IPv4 → ICMP/UDP/TCP/DHCP). lwIP is the
// real 2.1.3 core compiled for the host (tests/fuzz/lwip_host.mk, NO_SYS=1).
//
// One netif eth0 (52:54:00:00:00:01, 10.77.0.1/24, gateway 10.77.0.254) with a
// DHCP client running, a TCP echo listener and a UDP echo pcb on port 7, and a
// raw ICMP pcb that looks at every ICMP packet. Frames the stack sends are
// counted and checked by link_output (length, chain, source MAC).
//
// Input: records of [length high, length low, clock step] followed by `length`
// frame bytes (the last record may be short). Before each frame the fake clock
// advances by step × 100 ms and lwIP's timers run, so an input can be a whole
// conversation: ARP, a TCP handshake, data, retransmissions. Lengths outside
// 14..1518 are dropped as the kernel's glue drops them; shorter than 60 bytes are
// zero-padded to 60 (see receive()).
//
// State: lwIP is initialised once (its timer list cannot be reset); every input
// gets a fresh netif and pcbs and tears them down afterwards (pcbs aborted, the
// netif removed, which flushes ARP, then the clock runs 16 s so fragments being
// reassembled time out). The TCP ISN is fixed and LWIP_RAND restarts per input,
// so an input replays the same way. After teardown every memory pool and lwIP's
// heap must be back where they started: a leak there is reported as a crash.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "lwip/dhcp.h"
#include "lwip/prot/ip.h"
#include "lwip/etharp.h"
#include "lwip/init.h"
#include "lwip/memp.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/raw.h"
#include "lwip/stats.h"
#include "lwip/tcp.h"
#include "lwip/timeouts.h"
#include "lwip/udp.h"
#include "lwip_host.h"
#include "netif/ethernet.h"

namespace {

constexpr u16_t ECHO_PORT = 7;
constexpr size_t RECORD_HEADER = 3;
constexpr size_t MIN_FRAME = 14;        // an Ethernet header
constexpr size_t MIN_PADDED_FRAME = 60; // the Ethernet minimum without the FCS
constexpr size_t MAX_FRAME = 1514 + 4;  // NetDevice::MAX_FRAME plus one VLAN tag, as on_frame
constexpr size_t MAX_SENT_FRAME = 1514; // what EthernetNetif::link_output accepts
constexpr u32_t CLOCK_STEP_MS = 100;
constexpr u8_t MAC[ETH_HWADDR_LEN] = { 0x52, 0x54, 0x00, 0x00, 0x00, 0x01 };

struct Stack {
    struct netif netif;
    struct tcp_pcb* listener = nullptr;
    struct udp_pcb* udp = nullptr;
    struct raw_pcb* raw = nullptr;
    u64_t frames_sent = 0;
    u64_t bytes_seen = 0;
    bool trace = false;
};

Stack g_stack;
mem_size_t g_pool_baseline[MEMP_MAX];
mem_size_t g_heap_baseline;

[[noreturn]] void fail(char const* what)
{
    std::fprintf(stderr, "netif_receive_fuzz: %s\n", what);
    std::abort();
}

// NETIF_RECEIVE_FUZZ_TRACE=1 prints what the stack sends: for checking seeds.
void trace_sent(struct pbuf* chain)
{
    u8_t head[14 + 20 + 14] = {};
    u16_t got = pbuf_copy_partial(chain, head, sizeof(head), 0);
    std::fprintf(stderr, "sent %u bytes, type %02x%02x", unsigned(chain->tot_len), head[12], head[13]);
    if (got >= 34 && head[12] == 0x08 && head[13] == 0x00) {
        std::fprintf(stderr, " ip proto %u to %u.%u.%u.%u", head[23], head[30], head[31], head[32], head[33]);
        if (head[23] == IP_PROTO_TCP && got >= 48)
            std::fprintf(stderr, " tcp flags %02x", head[47]);
    }
    std::fprintf(stderr, "\n");
}

err_t link_output(struct netif*, struct pbuf* chain)
{
    if (chain->tot_len < MIN_FRAME || chain->tot_len > MAX_SENT_FRAME)
        fail("lwIP sent a frame of impossible length");
    size_t total = 0;
    for (struct pbuf* q = chain; q; q = q->next) {
        total += q->len;
        if (!q->next && q->len != q->tot_len)
            fail("last pbuf of a sent chain has len != tot_len");
        auto* bytes = static_cast<u8_t const*>(q->payload);
        for (u16_t i = 0; i < q->len; ++i)
            g_stack.bytes_seen += bytes[i]; // touches every byte: ASan checks the bounds
    }
    if (total != chain->tot_len)
        fail("sent chain's lengths do not add up to tot_len");
    u8_t source[ETH_HWADDR_LEN];
    if (pbuf_copy_partial(chain, source, sizeof(source), ETH_HWADDR_LEN) != sizeof(source)
        || std::memcmp(source, MAC, sizeof(source)) != 0)
        fail("sent frame does not carry the netif's MAC as its source");
    ++g_stack.frames_sent;
    if (g_stack.trace)
        trace_sent(chain);
    return ERR_OK;
}

err_t init_netif(struct netif* netif)
{
    netif->name[0] = 'e';
    netif->name[1] = 't';
    netif->output = etharp_output;
    netif->linkoutput = link_output;
    netif->mtu = 1500;
    netif->hwaddr_len = ETH_HWADDR_LEN;
    std::memcpy(netif->hwaddr, MAC, ETH_HWADDR_LEN);
    netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
    return ERR_OK;
}

// TCP echo: acknowledge what arrives and send back as much as the send buffer takes.
err_t tcp_echo_recv(void*, struct tcp_pcb* pcb, struct pbuf* p, err_t)
{
    if (!p) {
        if (tcp_close(pcb) != ERR_OK) {
            tcp_abort(pcb);
            return ERR_ABRT;
        }
        return ERR_OK;
    }
    tcp_recved(pcb, p->tot_len);
    for (struct pbuf* q = p; q; q = q->next) {
        u16_t room = tcp_sndbuf(pcb);
        u16_t length = q->len < room ? q->len : room;
        if (length == 0 || tcp_write(pcb, q->payload, length, TCP_WRITE_FLAG_COPY) != ERR_OK)
            break;
    }
    pbuf_free(p);
    (void)tcp_output(pcb);
    return ERR_OK;
}

err_t tcp_echo_accept(void*, struct tcp_pcb* pcb, err_t err)
{
    if (err != ERR_OK || !pcb)
        return ERR_VAL;
    tcp_recv(pcb, tcp_echo_recv);
    return ERR_OK;
}

// UDP echo, except to port 7 (two echo services must not talk to each other forever).
void udp_echo_recv(void*, struct udp_pcb* pcb, struct pbuf* p, ip_addr_t const* address, u16_t port)
{
    if (port != ECHO_PORT) {
        ip_addr_t to = *address;
        (void)udp_sendto(pcb, p, &to, port);
    }
    pbuf_free(p);
}

// Sees every ICMP packet and leaves it to lwIP's ICMP (which answers echo requests).
u8_t raw_icmp_recv(void*, struct raw_pcb*, struct pbuf* p, ip_addr_t const*)
{
    if (p->tot_len > 0)
        g_stack.bytes_seen += pbuf_get_at(p, 0);
    return 0;
}

void set_up()
{
    lwip_host_restart_rand();
    ip4_addr_t address, netmask, gateway;
    IP4_ADDR(&address, 10, 77, 0, 1);
    IP4_ADDR(&netmask, 255, 255, 255, 0);
    IP4_ADDR(&gateway, 10, 77, 0, 254);
    std::memset(&g_stack.netif, 0, sizeof(g_stack.netif));
    if (!netif_add(&g_stack.netif, &address, &netmask, &gateway, nullptr, init_netif, ethernet_input))
        fail("netif_add failed");
    netif_set_default(&g_stack.netif);
    netif_set_up(&g_stack.netif);
    netif_set_link_up(&g_stack.netif);
    if (dhcp_start(&g_stack.netif) != ERR_OK)
        fail("dhcp_start failed");

    struct tcp_pcb* pcb = tcp_new();
    if (!pcb || tcp_bind(pcb, IP_ADDR_ANY, ECHO_PORT) != ERR_OK)
        fail("cannot bind the TCP pcb");
    g_stack.listener = tcp_listen(pcb);
    if (!g_stack.listener)
        fail("tcp_listen failed");
    tcp_accept(g_stack.listener, tcp_echo_accept);

    g_stack.udp = udp_new();
    if (!g_stack.udp || udp_bind(g_stack.udp, IP_ADDR_ANY, ECHO_PORT) != ERR_OK)
        fail("cannot bind the UDP pcb");
    udp_recv(g_stack.udp, udp_echo_recv, nullptr);

    g_stack.raw = raw_new(IP_PROTO_ICMP);
    if (!g_stack.raw)
        fail("raw_new failed");
    raw_recv(g_stack.raw, raw_icmp_recv, nullptr);
}

void tear_down()
{
    dhcp_release_and_stop(&g_stack.netif);
    dhcp_cleanup(&g_stack.netif);
    while (tcp_active_pcbs)
        tcp_abort(tcp_active_pcbs);
    while (tcp_tw_pcbs)
        tcp_abort(tcp_tw_pcbs);
    if (tcp_close(g_stack.listener) != ERR_OK)
        fail("closing the listener failed");
    udp_remove(g_stack.udp);
    raw_remove(g_stack.raw);
    netif_poll_all(); // what the stack sent itself (answers to spoofed sources)
    netif_remove(&g_stack.netif);
    // Fragments wait IP_REASS_MAXAGE (15) reassembly ticks of a second.
    for (int second = 0; second < 16; ++second) {
        lwip_host_advance_clock(1000);
        sys_check_timeouts();
        netif_poll_all();
    }
    // Anything the stack still holds now is a leak (timeouts excepted: their count varies).
    for (int pool = 0; pool < MEMP_MAX; ++pool) {
        if (pool != MEMP_SYS_TIMEOUT && lwip_stats.memp[pool]->used != g_pool_baseline[pool]) {
            std::fprintf(stderr, "pool %d: %u in use, %u before\n", pool, unsigned(lwip_stats.memp[pool]->used),
                unsigned(g_pool_baseline[pool]));
            fail("a memory pool leaked");
        }
    }
    if (lwip_stats.mem.used != g_heap_baseline)
        fail("lwIP's heap leaked");
}

void initialise_once()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    lwip_init();
    g_stack.trace = std::getenv("NETIF_RECEIVE_FUZZ_TRACE") != nullptr;
    for (int pool = 0; pool < MEMP_MAX; ++pool)
        g_pool_baseline[pool] = lwip_stats.memp[pool]->used;
    g_heap_baseline = lwip_stats.mem.used;
}

void receive(u8_t const* frame, size_t length)
{
    if (length < MIN_FRAME || length > MAX_FRAME)
        return;
    // A runt arrives zero-padded to the Ethernet minimum, as from a NIC: lwIP 2.1.3's
    // etharp_input reads a whole 28-byte ARP header without checking the length.
    size_t padded = length < MIN_PADDED_FRAME ? MIN_PADDED_FRAME : length;
    struct pbuf* packet = pbuf_alloc(PBUF_RAW, u16_t(padded), PBUF_RAM);
    if (!packet)
        return;
    std::memset(packet->payload, 0, padded);
    std::memcpy(packet->payload, frame, length);
    if (g_stack.netif.input(packet, &g_stack.netif) != ERR_OK)
        pbuf_free(packet);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(u8_t const* data, size_t size)
{
    initialise_once();
    set_up();
    size_t offset = 0;
    while (offset + RECORD_HEADER <= size) {
        size_t length = size_t(data[offset]) << 8 | data[offset + 1];
        u32_t step = data[offset + 2];
        offset += RECORD_HEADER;
        if (length > size - offset)
            length = size - offset;
        lwip_host_advance_clock(step * CLOCK_STEP_MS);
        sys_check_timeouts();
        receive(data + offset, length);
        netif_poll_all();
        offset += length;
    }
    tear_down();
    return 0;
}
