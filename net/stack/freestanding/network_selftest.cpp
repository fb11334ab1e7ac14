// Self-tests of the TCP/IP stack as the socket layer uses it (the netconn API):
// UDP and TCP over 127.0.0.1, and eth0's netif when a NIC is present.
#include "kernel/lib/string.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/thread.h"
#include "kernel/selftest/selftest.h"
#include "lwip/api.h"
#include "lwip/netif.h"
#include "lwip/tcpip.h"
#include "net/device/net_device.h"
#include "net/lwip_port/ethernet_netif.h"
#include "net/stack/network_stack.h"

namespace {

constexpr u32 RECEIVE_TIMEOUT_MS = 5000;
constexpr usize TCP_TRANSFER_BYTES = 256 * 1024;

u8 pattern_byte(usize offset) { return u8((offset * 7 + (offset >> 8)) & 0xff); }

struct TcpReceiver {
    struct netconn* listener = nullptr;
    usize received = 0;
    usize mismatches = 0;
    err_t accept_error = ERR_OK;
};

// Accepts one connection and reads it to the end, checking the pattern.
void receive_tcp(void* raw)
{
    auto& receiver = *static_cast<TcpReceiver*>(raw);
    struct netconn* connection = nullptr;
    receiver.accept_error = netconn_accept(receiver.listener, &connection);
    if (receiver.accept_error != ERR_OK)
        return;
    netconn_set_recvtimeout(connection, RECEIVE_TIMEOUT_MS);
    for (;;) {
        struct netbuf* buffer = nullptr;
        if (netconn_recv(connection, &buffer) != ERR_OK)
            break; // ERR_CLSD at the end of the stream
        do {
            void* data;
            u16_t length;
            netbuf_data(buffer, &data, &length);
            for (u16_t i = 0; i < length; ++i) {
                if (static_cast<u8*>(data)[i] != pattern_byte(receiver.received + i))
                    ++receiver.mismatches;
            }
            receiver.received += length;
        } while (netbuf_next(buffer) >= 0);
        netbuf_delete(buffer);
    }
    netconn_close(connection);
    netconn_delete(connection);
}

} // namespace

SELFTEST("net: a UDP datagram goes through 127.0.0.1")
{
    ST_EXPECT(net::network_is_running());
    if (!net::network_is_running())
        return;
    struct netconn* receiver = netconn_new(NETCONN_UDP);
    struct netconn* sender = netconn_new(NETCONN_UDP);
    ST_EXPECT(receiver && sender);
    if (!receiver || !sender)
        return;
    ST_EXPECT(netconn_bind(receiver, IP4_ADDR_ANY, 7777) == ERR_OK);
    netconn_set_recvtimeout(receiver, RECEIVE_TIMEOUT_MS);

    static char const message[] = "unum loopback datagram";
    struct netbuf* outgoing = netbuf_new();
    ST_EXPECT(outgoing && netbuf_ref(outgoing, message, sizeof(message)) == ERR_OK);
    ip_addr_t loopback;
    IP_ADDR4(&loopback, 127, 0, 0, 1);
    ST_EXPECT(netconn_sendto(sender, outgoing, &loopback, 7777) == ERR_OK);
    netbuf_delete(outgoing);

    struct netbuf* incoming = nullptr;
    ST_EXPECT(netconn_recv(receiver, &incoming) == ERR_OK);
    if (incoming) {
        char copy[sizeof(message)] = {};
        ST_EXPECT(netbuf_len(incoming) == sizeof(message));
        netbuf_copy(incoming, copy, sizeof(copy));
        ST_EXPECT(memcmp(copy, message, sizeof(message)) == 0);
        ST_EXPECT(ip_addr_cmp(netbuf_fromaddr(incoming), &loopback));
        netbuf_delete(incoming);
    }
    netconn_delete(sender);
    netconn_delete(receiver);
}

SELFTEST("net: a TCP connection over 127.0.0.1 carries 256 KiB intact")
{
    if (!net::network_is_running()) {
        ST_EXPECT(net::network_is_running());
        return;
    }
    TcpReceiver receiver;
    receiver.listener = netconn_new(NETCONN_TCP);
    ST_EXPECT(receiver.listener != nullptr);
    if (!receiver.listener)
        return;
    ST_EXPECT(netconn_bind(receiver.listener, IP4_ADDR_ANY, 7778) == ERR_OK);
    ST_EXPECT(netconn_listen(receiver.listener) == ERR_OK);
    auto thread = Thread::create("tcp-selftest", receive_tcp, &receiver, sched::PRIORITY_NORMAL);
    ST_EXPECT(!thread.is_error());
    if (thread.is_error()) {
        netconn_delete(receiver.listener);
        return;
    }

    struct netconn* client = netconn_new(NETCONN_TCP);
    ip_addr_t loopback;
    IP_ADDR4(&loopback, 127, 0, 0, 1);
    ST_EXPECT(client && netconn_connect(client, &loopback, 7778) == ERR_OK);
    static u8 chunk[4096];
    usize sent = 0;
    while (client && sent < TCP_TRANSFER_BYTES) {
        for (usize i = 0; i < sizeof(chunk); ++i)
            chunk[i] = pattern_byte(sent + i);
        size_t written = 0;
        if (netconn_write_partly(client, chunk, sizeof(chunk), NETCONN_COPY, &written) != ERR_OK)
            break;
        sent += written;
        // A partial write leaves the rest of this chunk unsent; the pattern follows
        // the offset, so the next chunk starts where this one stopped.
    }
    ST_EXPECT(sent == TCP_TRANSFER_BYTES);
    if (client) {
        netconn_close(client);
        netconn_delete(client);
    }
    ST_EXPECT(!thread.value()->join(4 * RECEIVE_TIMEOUT_MS).is_error());
    ST_EXPECT(receiver.accept_error == ERR_OK);
    ST_EXPECT(receiver.received == TCP_TRANSFER_BYTES);
    ST_EXPECT(receiver.mismatches == 0);
    t.note("received %zu bytes", receiver.received);
    netconn_delete(receiver.listener);
}

SELFTEST("net: eth0, when present, is an up lwIP netif")
{
    net::NetDevice* device = net::NetDeviceRegistry::the().at(0);
    if (!device || !net::network_is_running()) {
        t.note("no network device");
        return;
    }
    LOCK_TCPIP_CORE();
    struct netif* found = nullptr;
    struct netif* netif;
    NETIF_FOREACH(netif)
    {
        net::EthernetNetif* ethernet = net::EthernetNetif::from_netif(netif);
        if (ethernet && &ethernet->device() == device)
            found = netif;
    }
    bool up = found && netif_is_up(found);
    bool is_default = found && netif_default == found;
    bool has_address = found && !ip4_addr_isany_val(*netif_ip4_addr(found));
    bool is_static = found && net::EthernetNetif::from_netif(found)->config() == net::InterfaceConfigMode::Static;
    UNLOCK_TCPIP_CORE();
    ST_EXPECT(found != nullptr);
    ST_EXPECT(up);
    ST_EXPECT(is_default);
    if (is_static)
        ST_EXPECT(has_address);
    t.note("eth0 %s an address", has_address ? "has" : "does not have yet");
}

SELFTEST("net: the iperf server starts once and accepts a connection")
{
    if (!net::network_is_running()) {
        ST_EXPECT(net::network_is_running());
        return;
    }
    constexpr u16 port = 5001;
    ST_EXPECT(!net::iperf_server_start(port).is_error());
    auto again = net::iperf_server_start(port);
    ST_EXPECT(again.is_error() && again.error() == Error::Exists);
    struct netconn* client = netconn_new(NETCONN_TCP);
    ip_addr_t loopback;
    IP_ADDR4(&loopback, 127, 0, 0, 1);
    ST_EXPECT(client && netconn_connect(client, &loopback, port) == ERR_OK);
    if (client) {
        netconn_close(client);
        netconn_delete(client);
    }
}
