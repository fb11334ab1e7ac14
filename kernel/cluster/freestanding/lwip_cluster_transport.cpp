// LwipClusterTransport: non-blocking netconns for the cluster's datagrams and streams.
#include "kernel/cluster/freestanding/lwip_cluster_transport.h"

#include "kernel/lib/string.h"
#include "kernel/log/klog.h"
#include "kernel/sync/semaphore.h"
#include "lwip/api.h"
#include "lwip/ip.h"
#include "lwip/netbuf.h"
#include "lwip/pbuf.h"
#include "lwip/tcp.h"
#include "lwip/tcpip.h"

namespace {

constexpr u64 RECONNECT_MS = 1000;
// Past this much unsent stream data the peer is not reading: drop the connection.
constexpr usize MAX_OUTGOING = 4 * MiB;
// Datagrams and stream pieces handled per poll, so one flood cannot starve the tick.
constexpr usize MAX_DATAGRAMS_PER_POLL = 64;
constexpr usize MAX_PIECES_PER_POLL = 64;

u8 g_datagram[65536]; // the cluster thread's receive buffer
Semaphore* g_wakeup = nullptr;

// Runs in the tcpip thread (lwIP's netconn event callback); connections a
// listener accepts inherit it.
void on_netconn_event(netconn*, netconn_evt event, u16_t)
{
    if (g_wakeup && event != NETCONN_EVT_RCVMINUS && event != NETCONN_EVT_SENDMINUS)
        g_wakeup->post();
}

void close_connection(netconn* connection)
{
    netconn_close(connection);
    netconn_delete(connection);
}

ip_addr_t lwip_address(u32 ipv4)
{
    ip_addr_t result;
    ip_addr_set_ip4_u32(&result, lwip_htonl(ipv4));
    return result;
}

void set_pcb_option(netconn* connection, u8 option)
{
    LOCK_TCPIP_CORE();
    if (connection->pcb.ip)
        ip_set_option(connection->pcb.ip, option);
    UNLOCK_TCPIP_CORE();
}

// Cluster streams carry whole messages that want an answer: no Nagle delay.
void disable_nagle(netconn* connection)
{
    LOCK_TCPIP_CORE();
    if (connection->pcb.tcp)
        tcp_nagle_disable(connection->pcb.tcp);
    UNLOCK_TCPIP_CORE();
}

} // namespace

Result<void> LwipClusterTransport::open(u32 broadcast_ipv4, Semaphore& wakeup)
{
    m_broadcast_ipv4 = broadcast_ipv4;
    g_wakeup = &wakeup;
    m_udp = netconn_new_with_callback(NETCONN_UDP, on_netconn_event);
    if (!m_udp)
        return Error::NoBufferSpace;
    netconn_set_nonblocking(m_udp, 1);
    if (netconn_bind(m_udp, IP4_ADDR_ANY, DATAGRAM_PORT) != ERR_OK)
        return Error::AddressInUse;
    set_pcb_option(m_udp, SOF_BROADCAST);

    m_listener = netconn_new_with_callback(NETCONN_TCP, on_netconn_event);
    if (!m_listener)
        return Error::NoBufferSpace;
    set_pcb_option(m_listener, SOF_REUSEADDR);
    if (netconn_bind(m_listener, IP4_ADDR_ANY, STREAM_PORT) != ERR_OK)
        return Error::AddressInUse;
    if (netconn_listen_with_backlog(m_listener, 8) != ERR_OK)
        return Error::NoBufferSpace;
    netconn_set_nonblocking(m_listener, 1);
    return {};
}

LwipClusterTransport::Peer* LwipClusterTransport::find(NodeId node)
{
    for (auto& peer : m_peers) {
        if (peer.node == node && !node.is_none())
            return &peer;
    }
    return nullptr;
}

LwipClusterTransport::Peer* LwipClusterTransport::find_by_ipv4(u32 ipv4)
{
    for (auto& peer : m_peers) {
        if (peer.wanted && peer.address.ipv4 == ipv4)
            return &peer;
    }
    return nullptr;
}

void LwipClusterTransport::send_udp(u32 ipv4, u16 port, u8 const* bytes, usize size)
{
    if (!m_udp || size > 65535 - 28)
        return;
    netbuf* buffer = netbuf_new();
    if (!buffer)
        return;
    void* payload = netbuf_alloc(buffer, u16_t(size));
    if (payload) {
        memcpy(payload, bytes, size);
        ip_addr_t remote = lwip_address(ipv4);
        (void)netconn_sendto(m_udp, buffer, &remote, port); // datagrams may be lost
    }
    netbuf_delete(buffer);
}

void LwipClusterTransport::broadcast(u8 const* bytes, usize size)
{
    send_udp(m_broadcast_ipv4, DATAGRAM_PORT, bytes, size);
}

void LwipClusterTransport::send_datagram(NetAddress to, u8 const* bytes, usize size)
{
    send_udp(to.ipv4, to.port ? to.port : DATAGRAM_PORT, bytes, size);
}

void LwipClusterTransport::send_stream(NodeId to, u8 const* bytes, usize size)
{
    Peer* peer = find(to);
    if (!peer || !peer->wanted)
        return;
    // While the stream is (re)connecting, what is sent waits in outgoing and goes
    // first when it comes up: a call made in the gap after a lost connection (or
    // before the first one) is answered instead of timing out. A connection that
    // breaks clears outgoing (drop), so a new stream never starts mid-frame.
    if (append_frame(peer->outgoing, bytes, size, CLUSTER_MAX_MESSAGE).is_error()
        || peer->outgoing.size() > MAX_OUTGOING) {
        drop(*peer, 0);
        return;
    }
    if (peer->up && !flush(*peer))
        drop(*peer, 0);
}

void LwipClusterTransport::connect(NodeId node, NetAddress address)
{
    Peer* peer = find(node);
    if (peer && peer->address != address)
        drop(*peer, 0);
    if (!peer) {
        for (auto& slot : m_peers) {
            if (!slot.wanted && !slot.connection && !slot.down_pending) {
                peer = &slot;
                break;
            }
        }
    }
    if (!peer) {
        log_warn("cluster: no room for a connection to node%u", unsigned(node.value()));
        return;
    }
    peer->node = node;
    peer->address = address;
    peer->wanted = true;
    peer->retry_at = 0;
}

void LwipClusterTransport::disconnect(NodeId node)
{
    Peer* peer = find(node);
    if (!peer)
        return;
    drop(*peer, 0);
    peer->wanted = false;
}

void LwipClusterTransport::drop(Peer& peer, u64 now_ms)
{
    if (peer.connection) {
        close_connection(peer.connection);
        peer.connection = nullptr;
    }
    if (peer.up)
        peer.down_pending = true;
    peer.up = false;
    peer.connecting = false;
    peer.outgoing.clear();
    peer.decoder = FrameStreamDecoder(CLUSTER_MAX_MESSAGE);
    peer.retry_at = now_ms + RECONNECT_MS;
}

bool LwipClusterTransport::flush(Peer& peer)
{
    usize sent = 0;
    while (sent < peer.outgoing.size()) {
        size_t written = 0;
        err_t error = netconn_write_partly(peer.connection, peer.outgoing.data() + sent, peer.outgoing.size() - sent,
            NETCONN_COPY | NETCONN_DONTBLOCK, &written);
        if (error == ERR_OK && written > 0) {
            sent += written;
            continue;
        }
        if (error == ERR_OK || error == ERR_WOULDBLOCK || error == ERR_MEM)
            break; // the send buffer is full: the rest goes at the next poll
        return false;
    }
    if (sent == peer.outgoing.size()) {
        peer.outgoing.clear();
    } else if (sent > 0) {
        usize left = peer.outgoing.size() - sent;
        memmove(peer.outgoing.data(), peer.outgoing.data() + sent, left);
        (void)peer.outgoing.try_resize(left); // shrinking: cannot fail
    }
    return true;
}

void LwipClusterTransport::start_connect(Peer& peer, u64 now_ms)
{
    peer.retry_at = now_ms + RECONNECT_MS;
    netconn* connection = netconn_new_with_callback(NETCONN_TCP, on_netconn_event);
    if (!connection)
        return;
    netconn_set_nonblocking(connection, 1);
    disable_nagle(connection);
    ip_addr_t remote = lwip_address(peer.address.ipv4);
    err_t error = netconn_connect(connection, &remote, STREAM_PORT);
    if (error != ERR_OK && error != ERR_INPROGRESS) {
        netconn_delete(connection);
        return;
    }
    peer.connection = connection;
    peer.connecting = true;
}

void LwipClusterTransport::receive(Peer& peer, ClusterNode& node, u64 now_ms)
{
    for (usize pieces = 0; pieces < MAX_PIECES_PER_POLL && peer.connection; ++pieces) {
        pbuf* received = nullptr;
        err_t error = netconn_recv_tcp_pbuf_flags(peer.connection, &received, NETCONN_DONTBLOCK);
        if (error == ERR_WOULDBLOCK || (error == ERR_OK && !received))
            return;
        if (error != ERR_OK) {
            drop(peer, now_ms); // closed, reset or aborted
            return;
        }
        for (pbuf* piece = received; piece && peer.connection; piece = piece->next) {
            u8 const* bytes = static_cast<u8 const*>(piece->payload);
            usize left = piece->len;
            while (left > 0) {
                auto consumed = peer.decoder.feed(bytes, left);
                if (consumed.is_error()) {
                    log_warn("cluster: bad framing from node%u; dropping the connection", unsigned(peer.node.value()));
                    drop(peer, now_ms);
                    break;
                }
                bytes += consumed.value();
                left -= consumed.value();
                if (peer.decoder.has_frame()) {
                    NodeId from = peer.node;
                    node.on_stream_message(from, peer.decoder.frame(), peer.decoder.frame_size(), now_ms);
                    if (!peer.connection || peer.node != from)
                        break; // the message made the node drop this peer
                    peer.decoder.next_frame();
                }
            }
        }
        pbuf_free(received);
    }
}

void LwipClusterTransport::poll_peer(Peer& peer, ClusterNode& node, u64 now_ms)
{
    if (peer.down_pending) {
        peer.down_pending = false;
        log_info("cluster: stream with node%u down", unsigned(peer.node.value()));
        node.on_connection_down(peer.node);
    }
    if (!peer.wanted)
        return;
    NodeId self = node.membership().self();
    if (!peer.connection) {
        // The lower number connects; the other waits for it (poll_accepts).
        if (self.is_valid() && self < peer.node && now_ms >= peer.retry_at)
            start_connect(peer, now_ms);
        return;
    }
    if (peer.connecting) {
        LOCK_TCPIP_CORE();
        bool still_connecting = peer.connection->state == NETCONN_CONNECT;
        UNLOCK_TCPIP_CORE();
        if (still_connecting)
            return; // lwIP gives up after its SYN retries; then netconn_err says why
        if (netconn_err(peer.connection) != ERR_OK) {
            drop(peer, now_ms);
            return;
        }
        peer.connecting = false;
        peer.up = true;
        set_pcb_option(peer.connection, SOF_KEEPALIVE);
        log_info("cluster: stream to node%u up", unsigned(peer.node.value()));
        node.on_connection_up(peer.node);
    }
    if (!flush(peer)) {
        drop(peer, now_ms);
        return;
    }
    receive(peer, node, now_ms);
}

void LwipClusterTransport::poll_accepts(ClusterNode& node, u64 now_ms)
{
    for (;;) {
        netconn* accepted = nullptr;
        if (netconn_accept(m_listener, &accepted) != ERR_OK || !accepted)
            return;
        ip_addr_t remote;
        u16_t port = 0;
        if (netconn_getaddr(accepted, &remote, &port, 0) != ERR_OK) {
            close_connection(accepted);
            continue;
        }
        u32 ipv4 = lwip_ntohl(ip4_addr_get_u32(ip_2_ip4(&remote)));
        // A member we expect and have no connection to gets it; an address we
        // do not know yet waits (hold); a second connection from a member, or
        // one with no room to wait, is closed (a real member retries).
        Peer* peer = find_by_ipv4(ipv4);
        if (peer && !peer->connection)
            adopt(*peer, accepted, node);
        else if (peer || !hold(accepted, ipv4, now_ms))
            close_connection(accepted);
    }
}

bool LwipClusterTransport::hold(netconn* connection, u32 ipv4, u64 now_ms)
{
    for (auto& held : m_held) {
        if (!held.connection) {
            held = { connection, ipv4, now_ms + HOLD_MS };
            return true;
        }
    }
    return false;
}

void LwipClusterTransport::poll_held(ClusterNode& node, u64 now_ms)
{
    for (auto& held : m_held) {
        if (!held.connection)
            continue;
        Peer* peer = find_by_ipv4(held.ipv4);
        if (peer && !peer->connection)
            adopt(*peer, held.connection, node);
        else if (peer || now_ms >= held.until_ms)
            close_connection(held.connection);
        else
            continue;
        held = {};
    }
}

void LwipClusterTransport::adopt(Peer& peer, netconn* connection, ClusterNode& node)
{
    netconn_set_nonblocking(connection, 1);
    set_pcb_option(connection, SOF_KEEPALIVE);
    disable_nagle(connection);
    peer.connection = connection;
    peer.connecting = false;
    peer.up = true;
    log_info("cluster: stream from node%u up", unsigned(peer.node.value()));
    node.on_connection_up(peer.node);
}

void LwipClusterTransport::poll_datagrams(ClusterNode& node, u64 now_ms)
{
    for (usize count = 0; count < MAX_DATAGRAMS_PER_POLL; ++count) {
        netbuf* received = nullptr;
        if (netconn_recv(m_udp, &received) != ERR_OK || !received)
            return;
        u16 length = netbuf_copy(received, g_datagram, u16_t(sizeof(g_datagram) - 1));
        NetAddress from { lwip_ntohl(ip4_addr_get_u32(ip_2_ip4(netbuf_fromaddr(received)))),
            netbuf_fromport(received) };
        netbuf_delete(received);
        node.on_datagram(from, g_datagram, length, now_ms);
    }
}

void LwipClusterTransport::poll(ClusterNode& node, u64 now_ms)
{
    if (!m_udp || !m_listener)
        return;
    poll_datagrams(node, now_ms);
    poll_held(node, now_ms);
    poll_accepts(node, now_ms);
    for (auto& peer : m_peers)
        poll_peer(peer, node, now_ms);
}
