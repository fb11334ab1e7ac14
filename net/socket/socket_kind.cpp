// socket()'s arguments, validated; and the stand-in backend factory for
// builds without a protocol stack.
#include "net/socket/socket_backend.h"

Result<SocketKind> socket_kind_from(int domain, int type, int protocol)
{
    if (domain != UNUM_AF_INET)
        return Error::AddressFamilyNotSupported;
    constexpr int flags = UNUM_SOCK_NONBLOCK | UNUM_SOCK_CLOEXEC;
    if (type & ~(UNUM_SOCK_TYPE_MASK | flags))
        return Error::InvalidArgument;
    SocketKind kind;
    kind.nonblocking = type & UNUM_SOCK_NONBLOCK;
    kind.close_on_exec = type & UNUM_SOCK_CLOEXEC;
    switch (type & UNUM_SOCK_TYPE_MASK) {
    case UNUM_SOCK_STREAM:
        if (protocol != 0 && protocol != UNUM_IPPROTO_TCP)
            return Error::ProtocolNotSupported;
        kind.type = SocketType::Stream;
        kind.protocol = UNUM_IPPROTO_TCP;
        return kind;
    case UNUM_SOCK_DGRAM:
        if (protocol != 0 && protocol != UNUM_IPPROTO_UDP)
            return Error::ProtocolNotSupported;
        kind.type = SocketType::Datagram;
        kind.protocol = UNUM_IPPROTO_UDP;
        return kind;
    case UNUM_SOCK_RAW:
        if (protocol != UNUM_IPPROTO_ICMP)
            return Error::ProtocolNotSupported;
        kind.type = SocketType::Raw;
        kind.protocol = protocol;
        return kind;
    default:
        return Error::InvalidArgument;
    }
}

// Weak: net/socket/freestanding/netconn_backend.cpp overrides it in the kernel.
[[gnu::weak]] Result<OwnPtr<SocketBackend>> create_socket_backend(SocketKind const&)
{
    return Error::NotSupported;
}
