// sockaddr_in decoding and encoding; socket option names and values.
#include <catch2/catch.hpp>

#include <cstring>

#include "net/socket/socket_address.h"
#include "net/socket/socket_option.h"

TEST_CASE("socket address: round trip in network byte order", "[socket]")
{
    unum_sockaddr_in in = encode_socket_address(SocketAddress { 0x0a4d0001, 5001 });
    REQUIRE(in.sin_family == UNUM_AF_INET);
    u8 const* raw = reinterpret_cast<u8 const*>(&in);
    REQUIRE(raw[2] == 0x13); // port 5001 = 0x1389, big-endian
    REQUIRE(raw[3] == 0x89);
    REQUIRE(raw[4] == 10);
    REQUIRE(raw[7] == 1);
    auto decoded = decode_socket_address(raw, sizeof(in));
    REQUIRE(decoded.value() == SocketAddress { 0x0a4d0001, 5001 });
}

TEST_CASE("socket address: short, foreign and null addresses are refused", "[socket]")
{
    unum_sockaddr_in in = encode_socket_address(SocketAddress { 1, 2 });
    u8 const* raw = reinterpret_cast<u8 const*>(&in);
    REQUIRE(decode_socket_address(raw, sizeof(in) - 1).error() == Error::InvalidArgument);
    REQUIRE(decode_socket_address(nullptr, 16).error() == Error::InvalidArgument);
    in.sin_family = 10; // AF_INET6
    REQUIRE(decode_socket_address(raw, sizeof(in)).error() == Error::AddressFamilyNotSupported);
}

TEST_CASE("socket options: names by level", "[socket]")
{
    REQUIRE(socket_option_from(UNUM_SOL_SOCKET, UNUM_SO_REUSEADDR).value() == SocketOption::ReuseAddress);
    REQUIRE(socket_option_from(UNUM_IPPROTO_TCP, UNUM_TCP_NODELAY).value() == SocketOption::NoDelay);
    REQUIRE(socket_option_from(UNUM_SOL_SOCKET, UNUM_TCP_NODELAY).error() == Error::NoProtocolOption);
    REQUIRE(socket_option_from(UNUM_IPPROTO_UDP, 1).error() == Error::NoProtocolOption);
}

TEST_CASE("socket options: int and timeval values", "[socket]")
{
    int five = 5;
    u8 const* raw = reinterpret_cast<u8 const*>(&five);
    REQUIRE(decode_socket_option_value(SocketOption::KeepAlive, raw, 4).value() == 1);
    REQUIRE(decode_socket_option_value(SocketOption::ReceiveBuffer, raw, 4).value() == 5);
    REQUIRE(decode_socket_option_value(SocketOption::ReceiveBuffer, raw, 3).error() == Error::InvalidArgument);
    REQUIRE(decode_socket_option_value(SocketOption::Error, raw, 4).error() == Error::NoProtocolOption);
    int negative = -1;
    REQUIRE(decode_socket_option_value(SocketOption::SendBuffer, reinterpret_cast<u8 const*>(&negative), 4).error()
        == Error::InvalidArgument);

    unum_timeval timeout { 2, 500001 };
    u8 const* time_raw = reinterpret_cast<u8 const*>(&timeout);
    REQUIRE(decode_socket_option_value(SocketOption::ReceiveTimeout, time_raw, sizeof(timeout)).value() == 2501);
    REQUIRE(decode_socket_option_value(SocketOption::ReceiveTimeout, time_raw, 8).error() == Error::InvalidArgument);
    timeout.tv_usec = 1000000;
    REQUIRE(decode_socket_option_value(SocketOption::SendTimeout, time_raw, sizeof(timeout)).error()
        == Error::InvalidArgument);

    u8 out[SOCKET_OPTION_VALUE_MAX];
    REQUIRE(encode_socket_option_value(SocketOption::SendTimeout, 2501, out) == sizeof(unum_timeval));
    unum_timeval back;
    std::memcpy(&back, out, sizeof(back));
    REQUIRE(back.tv_sec == 2);
    REQUIRE(back.tv_usec == 501000);
    REQUIRE(encode_socket_option_value(SocketOption::Type, 2, out) == sizeof(int));
}
