// The lwIP netif glue (EthernetNetif) against lwIP 2.1.3 built for the host
// (NO_SYS=1, tests/lwip_host/) and a FakeNetDevice: what attach sets up, how
// received frames reach the stack's input (length checks, runt padding, drops
// counted and nothing leaked), how sent pbuf chains become fragments, how link
// changes reach lwIP through the stack entry, and a whole exchange through the
// real ethernet_input: ARP and ICMP echo answered through the device.
#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

#include "lwip/etharp.h"
#include "lwip/init.h"
#include "lwip/memp.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/stats.h"
#include "net/lwip_port/ethernet_netif.h"
#include "netif/ethernet.h"
#include "tests/lwip_host/fake_net_device.h"

namespace {

using net::EthernetNetif;
using net::FakeNetDevice;
using net::StackEntry;

using Bytes = std::vector<u8>;

constexpr net::MacAddress OUR_MAC { { 0x52, 0x54, 0x00, 0x00, 0x00, 0x01 } };
constexpr u8 PEER_MAC[6] = { 0x52, 0x54, 0x00, 0x00, 0x00, 0x02 };
constexpr u8 OUR_IP[4] = { 10, 77, 0, 1 };
constexpr u8 PEER_IP[4] = { 10, 77, 0, 2 };

void start_lwip_once()
{
    static bool started = false;
    if (!started) {
        lwip_init();
        started = true;
    }
}

u16 pool_pbufs_in_use() { return lwip_stats.memp[MEMP_PBUF_POOL]->used; }

// What the stack's input saw: every frame, copied out of its pbuf.
struct InputRecorder {
    static inline std::vector<Bytes> frames;
    static inline err_t answer = ERR_OK;

    static err_t input(struct pbuf* packet, struct netif*)
    {
        if (answer != ERR_OK)
            return answer; // the caller keeps (and frees) the pbuf
        Bytes bytes(packet->tot_len);
        pbuf_copy_partial(packet, bytes.data(), packet->tot_len, 0);
        frames.push_back(bytes);
        pbuf_free(packet);
        return ERR_OK;
    }
    static void reset()
    {
        frames.clear();
        answer = ERR_OK;
    }
};

// Stack functions queued as tcpip_callback would queue them, run by the test.
struct StackQueue {
    struct Call {
        StackEntry::StackFunction function;
        void* context;
    };
    static inline std::vector<Call> calls;
    static inline bool full = false;

    static err_t post(StackEntry::StackFunction function, void* context)
    {
        if (full)
            return ERR_MEM;
        calls.push_back({ function, context });
        return ERR_OK;
    }
    static void run_all()
    {
        auto pending = std::move(calls);
        calls.clear();
        for (auto const& call : pending)
            call.function(call.context);
    }
    static void reset()
    {
        calls.clear();
        full = false;
    }
};

constexpr StackEntry RECORDING_ENTRY { InputRecorder::input, StackQueue::post };
constexpr StackEntry LWIP_ENTRY { ethernet_input, StackQueue::post };

// One attached interface, detached again at the end of the test.
struct Attached {
    FakeNetDevice device { OUR_MAC };
    EthernetNetif glue;

    explicit Attached(StackEntry const& entry)
    {
        start_lwip_once();
        InputRecorder::reset();
        StackQueue::reset();
        REQUIRE(!glue.attach(device, entry).is_error());
    }
    ~Attached() { glue.detach(); }

    void give_address()
    {
        ip4_addr_t address, netmask, gateway;
        IP4_ADDR(&address, OUR_IP[0], OUR_IP[1], OUR_IP[2], OUR_IP[3]);
        IP4_ADDR(&netmask, 255, 255, 255, 0);
        ip4_addr_set_zero(&gateway);
        netif_set_addr(&glue.lwip_netif(), &address, &netmask, &gateway);
        netif_set_up(&glue.lwip_netif());
        // lwIP announces the address with a gratuitous ARP through the device.
        REQUIRE(device.sent.size() == 1);
        Bytes const& announcement = device.sent[0].bytes;
        REQUIRE(announcement.size() >= 42);
        CHECK((announcement[12] == 0x08 && announcement[13] == 0x06));
        CHECK(std::memcmp(announcement.data() + 28, OUR_IP, 4) == 0);
        device.sent.clear();
    }
};

Bytes frame_of(usize length, u8 first)
{
    Bytes frame(length);
    for (usize i = 0; i < length; ++i)
        frame[i] = u8(first + i);
    return frame;
}

void put16(Bytes& bytes, usize at, u16 value)
{
    bytes[at] = u8(value >> 8);
    bytes[at + 1] = u8(value);
}

u16 get16(Bytes const& bytes, usize at) { return u16(bytes[at] << 8 | bytes[at + 1]); }

u16 internet_checksum(Bytes const& bytes, usize from, usize length)
{
    u32 sum = 0;
    for (usize i = 0; i < length; i += 2)
        sum += u32(bytes[from + i] << 8 | (i + 1 < length ? bytes[from + i + 1] : 0));
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return u16(~sum);
}

Bytes ethernet_header(u8 const* destination, u16 type)
{
    Bytes frame(14);
    std::memcpy(frame.data(), destination, 6);
    std::memcpy(frame.data() + 6, PEER_MAC, 6);
    put16(frame, 12, type);
    return frame;
}

Bytes arp_request_for_us()
{
    constexpr u8 broadcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
    Bytes frame = ethernet_header(broadcast, 0x0806);
    Bytes arp = { 0, 1, 8, 0, 6, 4, 0, 1 }; // Ethernet, IPv4, request
    arp.insert(arp.end(), PEER_MAC, PEER_MAC + 6);
    arp.insert(arp.end(), PEER_IP, PEER_IP + 4);
    arp.insert(arp.end(), 6, 0);
    arp.insert(arp.end(), OUR_IP, OUR_IP + 4);
    frame.insert(frame.end(), arp.begin(), arp.end());
    return frame; // 42 bytes: a runt the glue pads
}

Bytes echo_request_for_us(u16 identifier, Bytes const& payload)
{
    Bytes frame = ethernet_header(OUR_MAC.bytes, 0x0800);
    Bytes ip(20);
    ip[0] = 0x45;
    put16(ip, 2, u16(20 + 8 + payload.size()));
    ip[8] = 64; // TTL
    ip[9] = 1;  // ICMP
    std::memcpy(ip.data() + 12, PEER_IP, 4);
    std::memcpy(ip.data() + 16, OUR_IP, 4);
    put16(ip, 10, internet_checksum(ip, 0, 20));
    Bytes icmp = { 8, 0, 0, 0 };
    icmp.resize(8);
    put16(icmp, 4, identifier);
    put16(icmp, 6, 1);
    icmp.insert(icmp.end(), payload.begin(), payload.end());
    put16(icmp, 2, internet_checksum(icmp, 0, icmp.size()));
    frame.insert(frame.end(), ip.begin(), ip.end());
    frame.insert(frame.end(), icmp.begin(), icmp.end());
    return frame;
}

// A chain of pbufs of these lengths holding 0, 1, 2, ... in order.
struct pbuf* chain_of(std::vector<u16> const& lengths)
{
    struct pbuf* chain = nullptr;
    u8 next = 0;
    for (u16 length : lengths) {
        struct pbuf* piece = pbuf_alloc(PBUF_RAW, length, PBUF_RAM);
        REQUIRE(piece);
        for (u16 i = 0; i < length; ++i)
            static_cast<u8*>(piece->payload)[i] = next++;
        if (chain)
            pbuf_cat(chain, piece);
        else
            chain = piece;
    }
    return chain;
}

err_t send_chain(Attached& attached, struct pbuf* chain)
{
    err_t sent = attached.glue.lwip_netif().linkoutput(&attached.glue.lwip_netif(), chain);
    pbuf_free(chain);
    return sent;
}

} // namespace

TEST_CASE("attach gives lwIP a netif with the device's MAC, MTU and link", "[net][lwip_glue]")
{
    start_lwip_once();
    FakeNetDevice device(OUR_MAC, 1400);
    device.change_link(false);
    EthernetNetif glue;
    REQUIRE(!glue.attach(device, RECORDING_ENTRY).is_error());
    struct netif& netif = glue.lwip_netif();
    CHECK(netif.name[0] == 'e');
    CHECK(netif.name[1] == 't');
    CHECK(netif.mtu == 1400);
    CHECK(netif.hwaddr_len == 6);
    CHECK(std::memcmp(netif.hwaddr, OUR_MAC.bytes, 6) == 0);
    CHECK((netif.flags & NETIF_FLAG_ETHARP) != 0);
    CHECK(!netif_is_link_up(&netif));
    CHECK(glue.attached());
    CHECK(&glue.device() == &device);

    CHECK(EthernetNetif::from_netif(&netif) == &glue);
    CHECK(EthernetNetif::from_netif(nullptr) == nullptr);
    struct netif* loopback = netif_find("lo0");
    REQUIRE(loopback);
    CHECK(EthernetNetif::from_netif(loopback) == nullptr);

    SECTION("a second attach, or an incomplete entry, is refused")
    {
        FakeNetDevice other(OUR_MAC);
        CHECK(glue.attach(other, RECORDING_ENTRY).error() == Error::InvalidArgument);
        EthernetNetif unattached;
        CHECK(unattached.attach(other, StackEntry { nullptr, StackQueue::post }).error() == Error::InvalidArgument);
        CHECK(unattached.attach(other, StackEntry { InputRecorder::input, nullptr }).error()
            == Error::InvalidArgument);
        CHECK(!unattached.attached());
    }
    glue.detach();
}

TEST_CASE("detach stops delivery and forgets the netif; the device can be attached again", "[net][lwip_glue]")
{
    Attached attached(RECORDING_ENTRY);
    u8 index = netif_get_index(&attached.glue.lwip_netif());
    attached.glue.detach();
    CHECK(!attached.glue.attached());
    CHECK(netif_get_by_index(index) == nullptr);
    Bytes frame = frame_of(64, 0);
    CHECK(!attached.device.receive(frame));
    CHECK(InputRecorder::frames.empty());
    attached.device.change_link(false); // nobody listens: nothing queued
    CHECK(StackQueue::calls.empty());

    REQUIRE(!attached.glue.attach(attached.device, RECORDING_ENTRY).is_error());
    CHECK(attached.device.receive(frame));
    CHECK(InputRecorder::frames.size() == 1);
}

TEST_CASE("received frames reach the stack's input whole; runts are zero-padded to 60 bytes", "[net][lwip_glue]")
{
    Attached attached(RECORDING_ENTRY);
    u16 pool_before = pool_pbufs_in_use();

    Bytes full = frame_of(1514, 7);
    Bytes tagged = frame_of(1518, 9); // one VLAN tag more
    Bytes runt = frame_of(20, 1);
    REQUIRE(attached.device.receive(full));
    REQUIRE(attached.device.receive(tagged));
    REQUIRE(attached.device.receive(runt));

    REQUIRE(InputRecorder::frames.size() == 3);
    CHECK(InputRecorder::frames[0] == full);
    CHECK(InputRecorder::frames[1] == tagged);
    Bytes padded = runt;
    padded.resize(60, 0);
    CHECK(InputRecorder::frames[2] == padded);
    CHECK(attached.glue.rx_dropped() == 0);
    CHECK(pool_pbufs_in_use() == pool_before);
}

TEST_CASE("frames too short or too long for Ethernet are dropped and counted", "[net][lwip_glue]")
{
    Attached attached(RECORDING_ENTRY);
    auto lenerr_before = lwip_stats.link.lenerr;
    for (usize length : { usize(0), usize(13), usize(1519), usize(9000) }) {
        Bytes frame = frame_of(length, 0);
        attached.device.receive(frame.data(), frame.size());
    }
    CHECK(InputRecorder::frames.empty());
    CHECK(attached.glue.rx_dropped() == 4);
    CHECK(lwip_stats.link.lenerr == lenerr_before + 4);

    Bytes header_only = frame_of(14, 0);
    REQUIRE(attached.device.receive(header_only));
    CHECK(InputRecorder::frames.size() == 1);
}

TEST_CASE("a frame the stack refuses is freed and counted", "[net][lwip_glue]")
{
    Attached attached(RECORDING_ENTRY);
    u16 pool_before = pool_pbufs_in_use();
    auto drop_before = lwip_stats.link.drop;
    InputRecorder::answer = ERR_MEM; // the tcpip mailbox is full
    Bytes frame = frame_of(600, 3);
    REQUIRE(attached.device.receive(frame));
    CHECK(attached.glue.rx_dropped() == 1);
    CHECK(lwip_stats.link.drop == drop_before + 1);
    CHECK(pool_pbufs_in_use() == pool_before);
}

TEST_CASE("without pool pbufs a frame is dropped and counted, and the next one gets through", "[net][lwip_glue]")
{
    Attached attached(RECORDING_ENTRY);
    std::vector<struct pbuf*> taken;
    while (struct pbuf* p = pbuf_alloc(PBUF_RAW, 1500, PBUF_POOL))
        taken.push_back(p);
    REQUIRE(!taken.empty());
    auto memerr_before = lwip_stats.link.memerr;
    Bytes frame = frame_of(100, 5);
    REQUIRE(attached.device.receive(frame));
    CHECK(InputRecorder::frames.empty());
    CHECK(attached.glue.rx_dropped() == 1);
    CHECK(lwip_stats.link.memerr == memerr_before + 1);

    for (struct pbuf* p : taken)
        pbuf_free(p);
    REQUIRE(attached.device.receive(frame));
    REQUIRE(InputRecorder::frames.size() == 1);
    CHECK(InputRecorder::frames[0] == frame);
}

TEST_CASE("a sent pbuf chain becomes one fragment per non-empty pbuf", "[net][lwip_glue]")
{
    Attached attached(RECORDING_ENTRY);
    REQUIRE(send_chain(attached, chain_of({ 14, 0, 20, 30 })) == ERR_OK);
    REQUIRE(attached.device.sent.size() == 1);
    CHECK(attached.device.sent[0].fragments == 3);
    CHECK(attached.device.sent[0].bytes == frame_of(64, 0));
}

TEST_CASE("a chain of more than 16 pbufs is flattened into one fragment", "[net][lwip_glue]")
{
    Attached attached(RECORDING_ENTRY);
    std::vector<u16> lengths(40, 25); // 1000 bytes in 40 pieces
    REQUIRE(send_chain(attached, chain_of(lengths)) == ERR_OK);
    REQUIRE(attached.device.sent.size() == 1);
    CHECK(attached.device.sent[0].fragments == 1);
    CHECK(attached.device.sent[0].bytes == frame_of(1000, 0));
}

TEST_CASE("a chain longer than a frame is refused before the device sees it", "[net][lwip_glue]")
{
    Attached attached(RECORDING_ENTRY);
    auto lenerr_before = lwip_stats.link.lenerr;
    CHECK(send_chain(attached, chain_of({ 1000, 515 })) == ERR_IF);
    CHECK(attached.device.sent.empty());
    CHECK(lwip_stats.link.lenerr == lenerr_before + 1);
}

TEST_CASE("a full transmit ring drops the frame quietly; other device errors are interface errors", "[net][lwip_glue]")
{
    Attached attached(RECORDING_ENTRY);
    auto drop_before = lwip_stats.link.drop;
    attached.device.fail_transmit_with(Error::TryAgain);
    CHECK(send_chain(attached, chain_of({ 60 })) == ERR_OK);
    attached.device.fail_transmit_with(Error::IoError);
    CHECK(send_chain(attached, chain_of({ 60 })) == ERR_IF);
    CHECK(attached.device.sent.empty());
    CHECK(lwip_stats.link.drop == drop_before + 2);
}

TEST_CASE("link changes reach lwIP in stack context, through the entry's queue", "[net][lwip_glue]")
{
    Attached attached(RECORDING_ENTRY);
    struct netif& netif = attached.glue.lwip_netif();
    REQUIRE(netif_is_link_up(&netif));

    attached.device.change_link(false);
    CHECK(netif_is_link_up(&netif)); // not yet: only queued
    REQUIRE(StackQueue::calls.size() == 1);
    StackQueue::run_all();
    CHECK(!netif_is_link_up(&netif));

    attached.device.change_link(true);
    StackQueue::run_all();
    CHECK(netif_is_link_up(&netif));

    SECTION("a change the stack cannot queue is counted as lost")
    {
        StackQueue::full = true;
        attached.device.change_link(false);
        CHECK(StackQueue::calls.empty());
        CHECK(attached.glue.link_changes_lost() == 1);
        CHECK(netif_is_link_up(&netif));
    }
}

TEST_CASE("through lwIP's ethernet_input, ARP and ICMP echo are answered through the device", "[net][lwip_glue]")
{
    Attached attached(LWIP_ENTRY);
    attached.give_address();
    u16 pool_before = pool_pbufs_in_use();

    REQUIRE(attached.device.receive(arp_request_for_us()));
    REQUIRE(attached.device.sent.size() == 1);
    Bytes const& reply = attached.device.sent[0].bytes;
    REQUIRE(reply.size() >= 42);
    CHECK(std::memcmp(reply.data(), PEER_MAC, 6) == 0);
    CHECK(std::memcmp(reply.data() + 6, OUR_MAC.bytes, 6) == 0);
    CHECK(get16(reply, 12) == 0x0806);
    CHECK(get16(reply, 20) == 2); // reply
    CHECK(std::memcmp(reply.data() + 22, OUR_MAC.bytes, 6) == 0);
    CHECK(std::memcmp(reply.data() + 28, OUR_IP, 4) == 0);
    CHECK(std::memcmp(reply.data() + 38, PEER_IP, 4) == 0);

    Bytes payload = frame_of(56, 0x20);
    REQUIRE(attached.device.receive(echo_request_for_us(0x1234, payload)));
    REQUIRE(attached.device.sent.size() == 2);
    Bytes const& echo = attached.device.sent[1].bytes;
    REQUIRE(echo.size() == 14 + 20 + 8 + payload.size());
    CHECK(std::memcmp(echo.data(), PEER_MAC, 6) == 0);
    CHECK(get16(echo, 12) == 0x0800);
    CHECK(echo[14 + 9] == 1);
    CHECK(std::memcmp(echo.data() + 14 + 12, OUR_IP, 4) == 0);
    CHECK(std::memcmp(echo.data() + 14 + 16, PEER_IP, 4) == 0);
    CHECK(internet_checksum(echo, 14, 20) == 0);
    CHECK(echo[34] == 0); // echo reply
    CHECK(get16(echo, 38) == 0x1234);
    CHECK(internet_checksum(echo, 34, echo.size() - 34) == 0);
    CHECK(Bytes(echo.begin() + 42, echo.end()) == payload);

    CHECK(attached.glue.rx_dropped() == 0);
    CHECK(pool_pbufs_in_use() == pool_before);
}
