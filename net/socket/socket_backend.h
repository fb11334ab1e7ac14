// SocketBackend: what a Socket asks of the protocol stack. Every operation
// returns at once — TryAgain when it would have to wait — and the stack calls
// readiness::changed() whenever a retry might succeed; Socket does the waiting
// (interruptible, with timeouts). The kernel's implementation is netconn
// (net/socket/freestanding/netconn_backend.h); host tests use a fake.
#pragma once

#include "kernel/lib/own_ptr.h"
#include "kernel/lib/result.h"
#include "net/socket/socket_address.h"
#include "net/socket/socket_option.h"

enum class SocketType : u8 { Stream = UNUM_SOCK_STREAM, Datagram = UNUM_SOCK_DGRAM, Raw = UNUM_SOCK_RAW };

// What socket(domain, type, protocol) asked for, validated.
struct SocketKind {
    SocketType type { SocketType::Stream };
    int protocol { 0 }; // IPPROTO_TCP, IPPROTO_UDP or IPPROTO_ICMP (raw)
    bool nonblocking { false };
    bool close_on_exec { false };
};

// AddressFamilyNotSupported (not AF_INET), InvalidArgument (unknown type or
// flag bits), ProtocolNotSupported (a protocol that does not fit the type; raw
// sockets are ICMP only).
Result<SocketKind> socket_kind_from(int domain, int type, int protocol);

// Locks: a backend is used by one thread at a time (Socket serializes calls
// with its operation mutex) except poll(), which may run concurrently.
class SocketBackend {
public:
    virtual ~SocketBackend() = default; // closes the connection

    virtual Result<void> bind(SocketAddress address) = 0;
    virtual Result<void> listen(int backlog) = 0;
    // A connection that has arrived, or TryAgain.
    virtual Result<OwnPtr<SocketBackend>> accept() = 0;
    // Ok when connected at once (datagram sockets), InProgress while a
    // handshake runs; then finish_connect() is TryAgain until it is over, and
    // Ok or the connection's error after.
    virtual Result<void> start_connect(SocketAddress address) = 0;
    virtual Result<void> finish_connect() = 0;
    // Sends up to size bytes (a datagram whole), to the connected peer when to
    // is null. Returns what was taken; TryAgain when nothing could be.
    virtual Result<usize> send(u8 const* data, usize size, SocketAddress const* to) = 0;
    // Receives up to size bytes (the rest of a datagram is dropped, and
    // *truncated says so); 0 at the end of a stream; TryAgain when nothing is
    // there. from: the sender. from and truncated may be null.
    virtual Result<usize> receive(u8* buffer, usize size, SocketAddress* from, bool peek, bool* truncated) = 0;
    virtual Result<void> shutdown(bool read, bool write) = 0;
    // Streams: whether sent data still waits for the peer's acknowledgement
    // (what a lingering close waits for).
    virtual bool has_unacknowledged_data() = 0;
    // Streams: resets the connection now (RST), dropping what was not sent —
    // SO_LINGER with a zero timeout. Nothing for other sockets.
    virtual void abort() = 0;
    // Options the stack keeps (not the timeouts or the type, which Socket keeps).
    virtual Result<void> set_option(SocketOption option, i64 value) = 0;
    virtual Result<i64> get_option(SocketOption option) = 0;
    virtual Result<SocketAddress> local_address() = 0;
    virtual Result<SocketAddress> peer_address() = 0;
    // Readiness now, as PollEvent bits (a listener is Readable with a
    // connection waiting; Error with a pending error; HangUp once closed).
    virtual u32 poll() = 0;
};

// Makes the stack's backend for kind. The kernel links the netconn one; where
// no stack is linked (host tests, fuzzing) this answers NotSupported.
Result<OwnPtr<SocketBackend>> create_socket_backend(SocketKind const& kind);
