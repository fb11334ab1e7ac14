// sockaddr_in bytes <-> SocketAddress.
#include "net/socket/socket_address.h"

#include "kernel/lib/string.h"

namespace {

u16 swap16(u16 value) { return u16((value >> 8) | (value << 8)); }
u32 swap32(u32 value) { return __builtin_bswap32(value); }

} // namespace

Result<SocketAddress> decode_socket_address(u8 const* bytes, usize length)
{
    if (!bytes || length < sizeof(unum_sockaddr_in))
        return Error::InvalidArgument;
    unum_sockaddr_in in;
    memcpy(&in, bytes, sizeof(in));
    if (in.sin_family != UNUM_AF_INET)
        return Error::AddressFamilyNotSupported;
    return SocketAddress { swap32(in.sin_addr), swap16(in.sin_port) };
}

unum_sockaddr_in encode_socket_address(SocketAddress address)
{
    unum_sockaddr_in in {};
    in.sin_family = UNUM_AF_INET;
    in.sin_port = swap16(address.port);
    in.sin_addr = swap32(address.address);
    return in;
}
