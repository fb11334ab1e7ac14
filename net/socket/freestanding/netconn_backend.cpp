// NetconnBackend: BSD socket operations as non-blocking netconn calls.
#include "net/socket/freestanding/netconn_backend.h"

#include "fs/vfs/readiness.h"
#include "fs/vfs/vnode.h"
#include "kernel/lib/string.h"
#include "lwip/api.h"
#include "lwip/ip.h"
#include "lwip/netbuf.h"
#include "lwip/pbuf.h"
#include "lwip/tcp.h"
#include "lwip/tcpip.h"

namespace {

// Runs in the tcpip thread (or a caller of the netconn API): every event on any
// netconn may make some socket ready.
void announce_event(netconn*, netconn_evt, u16_t) { readiness::changed(); }

Error error_from_lwip(err_t error)
{
    switch (error) {
    case ERR_OK: return Error::None;
    case ERR_MEM: return Error::NoMemory;
    case ERR_BUF: return Error::NoBufferSpace;
    case ERR_TIMEOUT: return Error::TimedOut;
    case ERR_RTE: return Error::NetworkUnreachable;
    case ERR_INPROGRESS: return Error::InProgress;
    case ERR_WOULDBLOCK: return Error::TryAgain;
    case ERR_USE: return Error::AddressInUse;
    case ERR_ALREADY: return Error::AlreadyInProgress;
    case ERR_ISCONN: return Error::AlreadyConnected;
    case ERR_CONN: return Error::NotConnected;
    case ERR_IF: return Error::NetworkDown;
    case ERR_ABRT: return Error::ConnectionAborted;
    case ERR_RST: return Error::ConnectionReset;
    case ERR_CLSD: return Error::NotConnected;
    default: return Error::InvalidArgument; // ERR_VAL, ERR_ARG
    }
}

Result<void> check(err_t error)
{
    if (error == ERR_OK)
        return {};
    return error_from_lwip(error);
}

ip_addr_t lwip_address(SocketAddress address)
{
    ip_addr_t result;
    ip_addr_set_ip4_u32(&result, lwip_htonl(address.address));
    return result;
}

SocketAddress socket_address(ip_addr_t const& address, u16 port)
{
    return SocketAddress { lwip_ntohl(ip4_addr_get_u32(ip_2_ip4(&address))), port };
}

// A failed handshake: refused by a reset, or given up after the SYN retries.
Error connect_error(err_t error)
{
    if (error == ERR_RST)
        return Error::ConnectionRefused;
    if (error == ERR_ABRT || error == ERR_TIMEOUT)
        return Error::TimedOut;
    return error_from_lwip(error);
}

// One bit of a pcb's socket options (SOF_*), read or written under the core lock.
void set_pcb_option(netconn* connection, u8 option, bool on)
{
    LOCK_TCPIP_CORE();
    if (connection->pcb.ip) {
        if (on)
            ip_set_option(connection->pcb.ip, option);
        else
            ip_reset_option(connection->pcb.ip, option);
    }
    UNLOCK_TCPIP_CORE();
}

bool pcb_option(netconn* connection, u8 option)
{
    LOCK_TCPIP_CORE();
    bool on = connection->pcb.ip && ip_get_option(connection->pcb.ip, option);
    UNLOCK_TCPIP_CORE();
    return on;
}

} // namespace

Result<OwnPtr<SocketBackend>> create_socket_backend(SocketKind const& kind)
{
    return NetconnBackend::create(kind);
}

Result<OwnPtr<SocketBackend>> NetconnBackend::create(SocketKind const& kind)
{
    netconn_type type = kind.type == SocketType::Stream ? NETCONN_TCP
        : kind.type == SocketType::Datagram             ? NETCONN_UDP
                                                        : NETCONN_RAW;
    u8 protocol = kind.type == SocketType::Raw ? u8(kind.protocol) : 0;
    netconn* connection = netconn_new_with_proto_and_callback(type, protocol, announce_event);
    if (!connection)
        return Error::NoBufferSpace;
    auto backend = adopt_own_if_nonnull(new (std::nothrow) NetconnBackend(connection, kind.type));
    if (backend.is_error()) {
        netconn_delete(connection);
        return backend.error();
    }
    return OwnPtr<SocketBackend>(backend.release_value());
}

NetconnBackend::NetconnBackend(netconn* connection, SocketType type)
    : m_connection(connection)
    , m_type(type)
{
    netconn_set_nonblocking(m_connection, 1);
}

NetconnBackend::~NetconnBackend()
{
    if (m_pending_bytes)
        pbuf_free(m_pending_bytes);
    if (m_pending_datagram)
        netbuf_delete(m_pending_datagram);
    if (m_pending_accept)
        netconn_delete(m_pending_accept);
    netconn_delete(m_connection);
    readiness::changed();
}

Result<void> NetconnBackend::bind(SocketAddress address)
{
    ip_addr_t local = lwip_address(address);
    return check(netconn_bind(m_connection, &local, address.port));
}

Result<void> NetconnBackend::listen(int backlog)
{
    TRY(check(netconn_listen_with_backlog(m_connection, u8(backlog > 255 ? 255 : backlog))));
    m_listening = true;
    return {};
}

void NetconnBackend::fetch_pending_accept()
{
    if (m_pending_accept)
        return;
    netconn* accepted = nullptr;
    if (netconn_accept(m_connection, &accepted) == ERR_OK)
        m_pending_accept = accepted;
}

Result<OwnPtr<SocketBackend>> NetconnBackend::accept()
{
    netconn* accepted = m_pending_accept;
    m_pending_accept = nullptr;
    if (!accepted)
        TRY(check(netconn_accept(m_connection, &accepted)));
    auto backend = adopt_own_if_nonnull(new (std::nothrow) NetconnBackend(accepted, SocketType::Stream));
    if (backend.is_error()) {
        netconn_delete(accepted);
        return backend.error();
    }
    return OwnPtr<SocketBackend>(backend.release_value());
}

Result<void> NetconnBackend::start_connect(SocketAddress address)
{
    ip_addr_t remote = lwip_address(address);
    err_t error = netconn_connect(m_connection, &remote, address.port);
    if (error == ERR_INPROGRESS)
        return Error::InProgress;
    if (is_stream() && error != ERR_OK)
        return connect_error(error);
    return check(error);
}

Result<void> NetconnBackend::finish_connect()
{
    LOCK_TCPIP_CORE();
    bool connecting = m_connection->state == NETCONN_CONNECT;
    UNLOCK_TCPIP_CORE();
    if (connecting)
        return Error::TryAgain;
    err_t error = netconn_err(m_connection);
    if (error != ERR_OK)
        return connect_error(error);
    return {};
}

Result<usize> NetconnBackend::send(u8 const* data, usize size, SocketAddress const* to)
{
    if (!is_stream())
        return send_datagram(data, size, to);
    size_t written = 0;
    err_t error = netconn_write_partly(m_connection, data, size, NETCONN_COPY | NETCONN_DONTBLOCK, &written);
    if (error == ERR_OK && written > 0)
        return usize(written);
    if (error == ERR_OK || error == ERR_WOULDBLOCK || error == ERR_MEM)
        return Error::TryAgain;
    if (error == ERR_RST)
        return Error::ConnectionReset;
    return Error::BrokenPipe; // closed, aborted or not connected any more
}

Result<usize> NetconnBackend::send_datagram(u8 const* data, usize size, SocketAddress const* to)
{
    if (size > 65535 - 28)
        return Error::MessageTooLong;
    if (to && to->address == UNUM_INADDR_BROADCAST && !m_broadcast)
        return Error::AccessDenied;
    netbuf* buffer = netbuf_new();
    if (!buffer)
        return Error::NoBufferSpace;
    void* payload = netbuf_alloc(buffer, u16_t(size));
    if (!payload) {
        netbuf_delete(buffer);
        return Error::NoBufferSpace;
    }
    if (size)
        memcpy(payload, data, size);
    err_t error;
    if (to) {
        ip_addr_t remote = lwip_address(*to);
        error = netconn_sendto(m_connection, buffer, &remote, to->port);
    } else {
        error = netconn_send(m_connection, buffer);
    }
    netbuf_delete(buffer);
    if (error == ERR_MEM || error == ERR_BUF)
        return Error::NoBufferSpace;
    TRY(check(error));
    return size;
}

void NetconnBackend::fetch_pending()
{
    if (is_stream()) {
        if (m_pending_bytes || m_end_of_stream || m_receive_error != Error::None || m_listening)
            return;
        pbuf* received = nullptr;
        err_t error = netconn_recv_tcp_pbuf_flags(m_connection, &received, NETCONN_DONTBLOCK);
        if (error == ERR_OK && received) {
            m_pending_bytes = received;
            m_pending_offset = 0;
        } else if (error == ERR_CLSD) {
            m_end_of_stream = true;
        } else if (error != ERR_WOULDBLOCK && error != ERR_OK) {
            m_receive_error = error == ERR_CONN ? Error::NotConnected : error_from_lwip(error);
        }
        return;
    }
    if (m_pending_datagram)
        return;
    netbuf* received = nullptr;
    if (netconn_recv(m_connection, &received) == ERR_OK)
        m_pending_datagram = received;
}

Result<usize> NetconnBackend::receive(u8* buffer, usize size, SocketAddress* from, bool peek, bool* truncated)
{
    if (!is_stream())
        return receive_datagram(buffer, size, from, peek, truncated);
    if (from) {
        auto peer = peer_address();
        if (!peer.is_error())
            *from = peer.value();
    }
    return receive_stream(buffer, size, peek);
}

Result<usize> NetconnBackend::receive_stream(u8* buffer, usize size, bool peek)
{
    usize done = 0;
    // Take whatever is there, pbuf after pbuf, until the buffer is full.
    while (done < size) {
        fetch_pending();
        if (!m_pending_bytes)
            break;
        usize available = m_pending_bytes->tot_len - m_pending_offset;
        usize want = size - done < available ? size - done : available;
        u16 copied = pbuf_copy_partial(m_pending_bytes, buffer + done, u16_t(want), u16_t(m_pending_offset));
        done += copied;
        if (peek)
            break;
        m_pending_offset += copied;
        if (m_pending_offset >= m_pending_bytes->tot_len) {
            pbuf_free(m_pending_bytes);
            m_pending_bytes = nullptr;
            m_pending_offset = 0;
        }
    }
    if (done > 0)
        return done;
    if (m_receive_error != Error::None) {
        // Reported once; the stream has ended after it.
        m_end_of_stream = true;
        return std::exchange(m_receive_error, Error::None);
    }
    if (m_end_of_stream)
        return 0;
    return Error::TryAgain;
}

Result<usize> NetconnBackend::receive_datagram(u8* buffer, usize size, SocketAddress* from, bool peek,
    bool* truncated)
{
    fetch_pending();
    if (!m_pending_datagram)
        return Error::TryAgain;
    usize length = netbuf_len(m_pending_datagram);
    usize copied = netbuf_copy(m_pending_datagram, buffer, u16_t(size < length ? size : length));
    if (truncated)
        *truncated = copied < length;
    if (from)
        *from = socket_address(*netbuf_fromaddr(m_pending_datagram), netbuf_fromport(m_pending_datagram));
    if (!peek) {
        netbuf_delete(m_pending_datagram);
        m_pending_datagram = nullptr;
    }
    return copied;
}

Result<void> NetconnBackend::shutdown(bool read, bool write)
{
    if (!is_stream() || (!read && !write))
        return {};
    return check(netconn_shutdown(m_connection, read, write));
}

bool NetconnBackend::has_unacknowledged_data()
{
    if (!is_stream())
        return false;
    LOCK_TCPIP_CORE();
    tcp_pcb* pcb = m_connection->pcb.tcp;
    bool waiting = pcb && (pcb->unsent || pcb->unacked);
    UNLOCK_TCPIP_CORE();
    return waiting;
}

void NetconnBackend::abort()
{
    if (!is_stream() || m_listening)
        return;
    // tcp_abort sends the RST and frees the pcb; the netconn's error callback
    // forgets it, so the destructor's netconn_delete has nothing left to close.
    LOCK_TCPIP_CORE();
    if (m_connection->pcb.tcp)
        tcp_abort(m_connection->pcb.tcp);
    UNLOCK_TCPIP_CORE();
}

Result<void> NetconnBackend::set_option(SocketOption option, i64 value)
{
    switch (option) {
    case SocketOption::ReuseAddress:
        set_pcb_option(m_connection, SOF_REUSEADDR, value);
        return {};
    case SocketOption::KeepAlive:
        set_pcb_option(m_connection, SOF_KEEPALIVE, value);
        return {};
    case SocketOption::Broadcast:
        m_broadcast = value;
        set_pcb_option(m_connection, SOF_BROADCAST, value);
        return {};
    case SocketOption::NoDelay:
        LOCK_TCPIP_CORE();
        if (m_connection->pcb.tcp) {
            if (value)
                tcp_nagle_disable(m_connection->pcb.tcp);
            else
                tcp_nagle_enable(m_connection->pcb.tcp);
        }
        UNLOCK_TCPIP_CORE();
        return {};
    case SocketOption::ReceiveBuffer:
        // lwIP limits only datagram queues by it; a TCP connection buffers its
        // fixed window (TCP_WND), so for streams it is accepted and changes nothing.
        netconn_set_recvbufsize(m_connection, value > 0x7fffffff ? 0x7fffffff : int(value));
        return {};
    case SocketOption::SendBuffer:
        return {}; // the TCP send buffer is fixed (TCP_SND_BUF); accepted, as Linux rounds it
    default:
        return Error::NoProtocolOption;
    }
}

Result<i64> NetconnBackend::get_option(SocketOption option)
{
    switch (option) {
    case SocketOption::ReuseAddress: return i64(pcb_option(m_connection, SOF_REUSEADDR));
    case SocketOption::KeepAlive: return i64(pcb_option(m_connection, SOF_KEEPALIVE));
    case SocketOption::Broadcast: return i64(m_broadcast);
    case SocketOption::ReceiveBuffer: return is_stream() ? i64(TCP_WND) : i64(netconn_get_recvbufsize(m_connection));
    case SocketOption::SendBuffer: return i64(TCP_SND_BUF);
    case SocketOption::NoDelay: {
        LOCK_TCPIP_CORE();
        bool off = m_connection->pcb.tcp && tcp_nagle_disabled(m_connection->pcb.tcp);
        UNLOCK_TCPIP_CORE();
        return i64(off);
    }
    case SocketOption::Error: {
        err_t error = netconn_err(m_connection);
        return error == ERR_OK ? i64(0) : i64(to_errno(error_from_lwip(error)));
    }
    default:
        return Error::NoProtocolOption;
    }
}

Result<SocketAddress> NetconnBackend::local_address()
{
    ip_addr_t address;
    u16_t port = 0;
    TRY(check(netconn_getaddr(m_connection, &address, &port, 1)));
    return socket_address(address, port);
}

Result<SocketAddress> NetconnBackend::peer_address()
{
    ip_addr_t address;
    u16_t port = 0;
    if (netconn_getaddr(m_connection, &address, &port, 0) != ERR_OK)
        return Error::NotConnected;
    return socket_address(address, port);
}

u32 NetconnBackend::poll()
{
    if (m_listening) {
        fetch_pending_accept();
        return m_pending_accept ? PollEvent::Readable : 0;
    }
    fetch_pending();
    if (!is_stream())
        return (m_pending_datagram ? PollEvent::Readable : 0) | PollEvent::Writable;
    u32 events = 0;
    if (m_pending_bytes || m_end_of_stream)
        events |= PollEvent::Readable;
    if (m_receive_error != Error::None)
        events |= PollEvent::Readable | PollEvent::Error;
    LOCK_TCPIP_CORE();
    tcp_pcb* pcb = m_connection->pcb.tcp;
    // The threshold lwIP itself uses before it reports "writable" again.
    bool writable = pcb && tcp_sndbuf(pcb) > TCP_SNDLOWAT && tcp_sndqueuelen(pcb) < TCP_SNDQUEUELOWAT;
    bool gone = !pcb;
    UNLOCK_TCPIP_CORE();
    if (writable)
        events |= PollEvent::Writable;
    if (gone)
        events |= PollEvent::HangUp;
    return events;
}
