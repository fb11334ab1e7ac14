// SocketAddress: an IPv4 address and port as the socket layer keeps them (host
// byte order), and the conversion from and to the user's sockaddr_in bytes
// (network byte order, kernel/abi/unum_socket.h). The bytes come from user
// memory: decoding checks everything (fuzzed: tests/fuzz/socket_address_fuzz.cpp).
#pragma once

#include "kernel/abi/unum_socket.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

struct SocketAddress {
    u32 address { 0 }; // host byte order: 127.0.0.1 is 0x7f000001
    u16 port { 0 };    // host byte order

    bool operator==(SocketAddress const&) const = default;
};

// The largest sockaddr the kernel copies in; longer lengths are accepted and
// the rest ignored (as BSD does).
inline constexpr usize SOCKET_ADDRESS_SIZE = sizeof(unum_sockaddr_in);

// InvalidArgument when length is shorter than a sockaddr_in,
// AddressFamilyNotSupported when the family is not AF_INET.
Result<SocketAddress> decode_socket_address(u8 const* bytes, usize length);

// The sockaddr_in for address (family AF_INET, zero padding).
unum_sockaddr_in encode_socket_address(SocketAddress address);
