// Socket: a network endpoint as a vnode, so it is an open file like any other
// (read/write/close/dup/fork/fstat/poll). It keeps the BSD bookkeeping — the
// state machine (fresh, listening, connecting, connected), shutdown, timeouts —
// and turns the backend's non-blocking operations into blocking ones: try,
// and on TryAgain sleep on the readiness generation (fs/vfs/readiness.h) until
// something changed, a signal arrives (Interrupted) or the timeout passes.
#pragma once

#include "fs/vfs/open_file_description.h"
#include "fs/vfs/vnode.h"
#include "kernel/sync/mutex.h"
#include "net/socket/socket_backend.h"

// Locks: m_lock (a Mutex) is held around each backend call and state change,
// never across a sleep, so a reader waiting for data does not hold off a
// writer. Thread context only.
class Socket final : public Vnode {
public:
    static Result<NonnullRefPtr<Socket>> create(SocketKind const& kind, OwnPtr<SocketBackend> backend);

    SocketType type() const { return m_type; }
    bool is_stream() const { return m_type == SocketType::Stream; }

    Result<void> bind(SocketAddress address);
    // Stream sockets only (OperationNotSupported otherwise); backlog is clamped to 1..128.
    Result<void> listen(int backlog);
    // InvalidArgument unless listening. peer (optional) receives the peer's address.
    Result<NonnullRefPtr<Socket>> accept(bool nonblocking, SocketAddress* peer);
    // Streams: AlreadyConnected, InProgress for a non-blocking start,
    // AlreadyInProgress while one runs; datagrams set the default peer.
    Result<void> connect(SocketAddress address, bool nonblocking);
    // to: null for the connected peer (NotConnected / DestinationRequired
    // without one). Streams send everything unless non-blocking or interrupted
    // (then what went, or the error); BrokenPipe after shutdown(SHUT_WR).
    Result<usize> send_to(u8 const* data, usize size, SocketAddress const* to, bool nonblocking);
    // 0 at the end of a stream or after shutdown(SHUT_RD); TryAgain after
    // the receive timeout or when non-blocking. truncated (optional): set when
    // a datagram was longer than size (the rest is dropped).
    Result<usize> receive_from(u8* buffer, usize size, SocketAddress* from, bool peek, bool nonblocking,
        bool* truncated = nullptr);
    // how: UNUM_SHUT_RD/WR/RDWR. NotConnected for a stream that is not connected.
    Result<void> shutdown(int how);
    Result<void> set_option(SocketOption option, i64 value);
    Result<i64> get_option(SocketOption option);
    Result<SocketAddress> local_address();
    Result<SocketAddress> peer_address();

    // ---- Vnode
    Result<VnodeStat> stat() override;
    Result<usize> read(OpenFileDescription& description, u64 offset, u8* buffer, usize size) override;
    Result<usize> write(OpenFileDescription& description, u64& offset, u8 const* data, usize size) override;
    u32 poll(OpenFileDescription& description) override;
    // The last close: SO_LINGER's reset, or its wait (up to the linger time,
    // interruptible) until the peer acknowledged everything sent.
    void release(OpenFileDescription& description) override;

private:
    enum class State : u8 { Fresh, Listening, Connecting, Connected };

    Socket(SocketType type, OwnPtr<SocketBackend> backend, State state);

    // Runs attempt() (under m_lock) until it is not TryAgain: at once when
    // nonblocking; else sleeping for readiness changes until timeout_ms (0:
    // none) passes, which gives TryAgain, or a signal, which gives Interrupted.
    template<typename T, typename Attempt>
    Result<T> retry_until_ready(Attempt attempt, bool nonblocking, u64 timeout_ms);

    Result<void> finish_connect_locked();

    SocketType m_type;
    OwnPtr<SocketBackend> m_backend;
    Mutex m_lock;
    State m_state;
    Error m_connect_error { Error::None }; // a failed connect, for SO_ERROR and poll
    bool m_has_peer { false }; // datagram sockets: connect() named a default peer
    bool m_shut_read { false };
    bool m_shut_write { false };
    u64 m_send_timeout_ms { 0 };
    u64 m_receive_timeout_ms { 0 };
    Linger m_linger;
};
