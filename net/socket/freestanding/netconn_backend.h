// NetconnBackend: a SocketBackend over one lwIP netconn (kernel only). Every
// netconn is non-blocking; its event callback announces readiness changes to
// pollers and to blocked Socket calls (readiness::changed()), which then retry.
// Received data that poll() had to fetch to learn readiness is kept here
// (a pbuf for TCP, a netbuf for datagrams) until a receive takes it.
#pragma once

#include "net/socket/socket_backend.h"

struct netconn;
struct pbuf;
struct netbuf;

// Locks: the owning Socket serializes calls (SocketBackend's contract); the
// lwIP core lock is taken inside around direct pcb access.
class NetconnBackend final : public SocketBackend {
public:
    static Result<OwnPtr<SocketBackend>> create(SocketKind const& kind);
    ~NetconnBackend() override;

    Result<void> bind(SocketAddress address) override;
    Result<void> listen(int backlog) override;
    Result<OwnPtr<SocketBackend>> accept() override;
    Result<void> start_connect(SocketAddress address) override;
    Result<void> finish_connect() override;
    Result<usize> send(u8 const* data, usize size, SocketAddress const* to) override;
    Result<usize> receive(u8* buffer, usize size, SocketAddress* from, bool peek, bool* truncated) override;
    Result<void> shutdown(bool read, bool write) override;
    bool has_unacknowledged_data() override;
    void abort() override;
    Result<void> set_option(SocketOption option, i64 value) override;
    Result<i64> get_option(SocketOption option) override;
    Result<SocketAddress> local_address() override;
    Result<SocketAddress> peer_address() override;
    u32 poll() override;

private:
    NetconnBackend(netconn* connection, SocketType type);

    bool is_stream() const { return m_type == SocketType::Stream; }
    // Fetches the next received item into m_pending_* if nothing is kept yet.
    void fetch_pending();
    void fetch_pending_accept();
    Result<usize> receive_stream(u8* buffer, usize size, bool peek);
    Result<usize> receive_datagram(u8* buffer, usize size, SocketAddress* from, bool peek, bool* truncated);
    Result<usize> send_datagram(u8 const* data, usize size, SocketAddress const* to);

    netconn* m_connection;
    SocketType m_type;
    bool m_listening { false };
    bool m_broadcast { false };
    // TCP: received bytes not yet read (m_pending_offset of them are read),
    // the end of the stream, or an error to report once (then end of stream).
    pbuf* m_pending_bytes { nullptr };
    usize m_pending_offset { 0 };
    bool m_end_of_stream { false };
    Error m_receive_error { Error::None };
    // Datagrams: the next one.
    netbuf* m_pending_datagram { nullptr };
    // Listeners: a connection poll() already took from the accept queue.
    netconn* m_pending_accept { nullptr };
};
