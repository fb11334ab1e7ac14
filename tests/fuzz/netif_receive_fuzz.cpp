// libFuzzer target: Ethernet frames from the LAN through the kernel's netif glue
// (net/lwip_port/ethernet_netif.cpp, EthernetNetif::on_frame: length checks,
// runt padding) into lwIP's receive path (netif->input =
// ethernet_input → ARP or IPv4 → ICMP/UDP/TCP/DHCP), and what lwIP sends back
// out through the glue's link_output to a FakeNetDevice. lwIP is the real 2.1.3
// core compiled for the host (tests/lwip_host/, NO_SYS=1); the glue's stack
// entry is ethernet_input itself and "run in stack context" is "run now".
//
// One interface eth0 (52:54:00:00:00:01, 10.77.0.1/24, gateway 10.77.0.254) with
// a DHCP client running, a TCP echo listener and a UDP echo pcb on port 7, and a
// raw ICMP pcb that looks at every ICMP packet. Frames the stack sends are
// checked on their way into the glue (a well-formed chain no longer than a frame)
// and after every input frame (length, source MAC, none refused by the device).
//
// Input: records of [length high, length low, clock step] followed by `length`
// frame bytes (the last record may be short). Before each frame the fake clock
// advances by step × 100 ms and lwIP's timers run, so an input can be a whole
// conversation: ARP, a TCP handshake, data, retransmissions. The glue drops
// lengths outside 14..1518 and zero-pads runts to 60 bytes.
//
// State: lwIP is initialised once (its timer list cannot be reset); every input
// attaches the interface afresh and detaches it afterwards (pcbs aborted, the
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
#include "net/lwip_port/ethernet_netif.h"
#include "netif/ethernet.h"
#include "tests/lwip_host/fake_net_device.h"

namespace {

constexpr u16_t ECHO_PORT = 7;
constexpr size_t RECORD_HEADER = 3;
constexpr size_t MIN_FRAME = 14; // an Ethernet header
constexpr u32_t CLOCK_STEP_MS = 100;
constexpr net::MacAddress MAC { { 0x52, 0x54, 0x00, 0x00, 0x00, 0x01 } };

err_t run_now(net::StackEntry::StackFunction function, void* context)
{
    function(context);
    return ERR_OK;
}
// PBUF_RAM: each frame its own malloc block, so ASan sees reads past its end.
constexpr net::StackEntry FUZZ_ENTRY { ethernet_input, run_now, PBUF_RAM };

struct Stack {
    net::FakeNetDevice device { MAC };
    net::EthernetNetif glue;
    struct tcp_pcb* listener = nullptr;
    struct udp_pcb* udp = nullptr;
    struct raw_pcb* raw = nullptr;
    u64_t bytes_seen = 0;
    netif_linkoutput_fn glue_output = nullptr; // the glue's link_output, behind check_chain
    bool trace = false;
    struct netif* netif() { return &glue.lwip_netif(); }
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
void trace_sent(std::vector<u8_t> const& frame)
{
    u8_t head[14 + 20 + 14] = {};
    size_t got = frame.size() < sizeof(head) ? frame.size() : sizeof(head);
    std::memcpy(head, frame.data(), got);
    std::fprintf(stderr, "sent %zu bytes, type %02x%02x", frame.size(), head[12], head[13]);
    if (got >= 34 && head[12] == 0x08 && head[13] == 0x00) {
        std::fprintf(stderr, " ip proto %u to %u.%u.%u.%u", head[23], head[30], head[31], head[32], head[33]);
        if (head[23] == IP_PROTO_TCP && got >= 48)
            std::fprintf(stderr, " tcp flags %02x", head[47]);
    }
    std::fprintf(stderr, "\n");
}

// Sits in front of the glue's link_output: what lwIP hands the link must be a
// well-formed chain no longer than a frame (the glue would refuse it).
err_t check_chain(struct netif* netif, struct pbuf* chain)
{
    if (chain->tot_len > net::NetDevice::MAX_FRAME)
        fail("lwIP sent a frame longer than the MTU");
    size_t total = 0;
    for (struct pbuf* q = chain; q; q = q->next) {
        total += q->len;
        if (!q->next && q->len != q->tot_len)
            fail("last pbuf of a sent chain has len != tot_len");
    }
    if (total != chain->tot_len)
        fail("sent chain's lengths do not add up to tot_len");
    return g_stack.glue_output(netif, chain);
}

// Every frame lwIP sent through the glue since the last check.
void check_sent()
{
    if (g_stack.device.refused != 0)
        fail("lwIP sent a frame no driver would take (empty)");
    for (auto const& sent : g_stack.device.sent) {
        auto const& frame = sent.bytes;
        if (frame.size() < MIN_FRAME)
            fail("lwIP sent a frame shorter than an Ethernet header");
        for (u8_t byte : frame)
            g_stack.bytes_seen += byte;
        if (std::memcmp(frame.data() + 6, MAC.bytes, 6) != 0)
            fail("sent frame does not carry the netif's MAC as its source");
        if (g_stack.trace)
            trace_sent(frame);
    }
    g_stack.device.sent.clear();
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
    if (g_stack.glue.attach(g_stack.device, FUZZ_ENTRY).is_error())
        fail("attaching the interface failed");
    g_stack.glue_output = g_stack.netif()->linkoutput;
    g_stack.netif()->linkoutput = check_chain;
    ip4_addr_t address, netmask, gateway;
    IP4_ADDR(&address, 10, 77, 0, 1);
    IP4_ADDR(&netmask, 255, 255, 255, 0);
    IP4_ADDR(&gateway, 10, 77, 0, 254);
    netif_set_addr(g_stack.netif(), &address, &netmask, &gateway);
    netif_set_default(g_stack.netif());
    netif_set_up(g_stack.netif());
    if (dhcp_start(g_stack.netif()) != ERR_OK)
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
    dhcp_release_and_stop(g_stack.netif());
    dhcp_cleanup(g_stack.netif());
    while (tcp_active_pcbs)
        tcp_abort(tcp_active_pcbs);
    while (tcp_tw_pcbs)
        tcp_abort(tcp_tw_pcbs);
    if (tcp_close(g_stack.listener) != ERR_OK)
        fail("closing the listener failed");
    udp_remove(g_stack.udp);
    raw_remove(g_stack.raw);
    netif_poll_all(); // what the stack sent itself (answers to spoofed sources)
    check_sent();
    g_stack.glue.detach();
    // Fragments wait IP_REASS_MAXAGE (15) reassembly ticks of a second.
    for (int second = 0; second < 16; ++second) {
        lwip_host_advance_clock(1000);
        sys_check_timeouts();
        netif_poll_all();
    }
    g_stack.device.sent.clear();
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
    g_stack.device.receive(frame, length);
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
        check_sent();
        offset += length;
    }
    tear_down();
    return 0;
}
