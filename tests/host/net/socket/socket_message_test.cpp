// sendmsg/recvmsg's msghdr and iovec decoding, and SO_LINGER's option value.
#include <catch2/catch.hpp>

#include <cstring>

#include "net/socket/socket_message.h"
#include "net/socket/socket_option.h"

namespace {

u8 const* bytes_of(void const* value) { return static_cast<u8 const*>(value); }

} // namespace

TEST_CASE("socket message: a msghdr decodes to its user addresses", "[socket]")
{
    char name[16], control[8];
    unum_iovec vectors[2] {};
    unum_msghdr header { name, 16, vectors, 2, control, 0, 7 };
    auto message = decode_socket_message(bytes_of(&header), sizeof(header));
    REQUIRE(!message.is_error());
    REQUIRE(message.value().name == u64(uptr(name)));
    REQUIRE(message.value().name_length == 16);
    REQUIRE(message.value().io_vectors == u64(uptr(vectors)));
    REQUIRE(message.value().io_vector_count == 2);
    REQUIRE(message.value().control == u64(uptr(control)));
    REQUIRE(message.value().flags == 7);
}

TEST_CASE("socket message: short headers, bad counts and lengths are refused", "[socket]")
{
    unum_msghdr header {};
    REQUIRE(decode_socket_message(bytes_of(&header), sizeof(header) - 1).error() == Error::InvalidArgument);
    REQUIRE(decode_socket_message(nullptr, sizeof(header)).error() == Error::InvalidArgument);
    header.msg_iovlen = UNUM_IOV_MAX;
    REQUIRE(!decode_socket_message(bytes_of(&header), sizeof(header)).is_error());
    header.msg_iovlen = UNUM_IOV_MAX + 1;
    REQUIRE(decode_socket_message(bytes_of(&header), sizeof(header)).error() == Error::MessageTooLong);
    header.msg_iovlen = -1;
    REQUIRE(decode_socket_message(bytes_of(&header), sizeof(header)).error() == Error::MessageTooLong);
    header.msg_iovlen = 0;
    header.msg_namelen = 0x80000000u;
    REQUIRE(decode_socket_message(bytes_of(&header), sizeof(header)).error() == Error::InvalidArgument);
}

TEST_CASE("socket message: iovecs decode with their total; overflow is EINVAL", "[socket]")
{
    char a[3], b[5];
    unum_iovec vectors[3] { { a, 3 }, { nullptr, 0 }, { b, 5 } };
    IoSegment segments[3];
    auto total = decode_io_vectors(bytes_of(vectors), 3, segments);
    REQUIRE(total.value() == 8);
    REQUIRE(segments[0].base == u64(uptr(a)));
    REQUIRE(segments[2].length == 5);
    REQUIRE(decode_io_vectors(nullptr, 0, nullptr).value() == 0);
    unum_iovec huge[2] { { a, ~0ul >> 1 }, { b, 1 } };
    REQUIRE(decode_io_vectors(bytes_of(huge), 1, segments).value() == (~0ul >> 1));
    REQUIRE(decode_io_vectors(bytes_of(huge), 2, segments).error() == Error::InvalidArgument);
    REQUIRE(decode_io_vectors(bytes_of(huge), UNUM_IOV_MAX + 1, segments).error() == Error::MessageTooLong);
}

TEST_CASE("socket options: SO_LINGER takes and gives a struct linger", "[socket]")
{
    REQUIRE(socket_option_from(UNUM_SOL_SOCKET, UNUM_SO_LINGER).value() == SocketOption::Linger);
    unum_linger linger { 1, 5 };
    auto value = decode_socket_option_value(SocketOption::Linger, bytes_of(&linger), sizeof(linger));
    REQUIRE(!value.is_error());
    Linger decoded = linger_from_option_value(value.value());
    REQUIRE(decoded.on);
    REQUIRE(decoded.seconds == 5);
    u8 out[SOCKET_OPTION_VALUE_MAX];
    REQUIRE(encode_socket_option_value(SocketOption::Linger, value.value(), out) == sizeof(unum_linger));
    unum_linger back;
    memcpy(&back, out, sizeof(back));
    REQUIRE(back.l_onoff == 1);
    REQUIRE(back.l_linger == 5);

    unum_linger off { 0, 9 }; // off keeps its seconds, as Linux's getsockopt shows them
    i64 off_value = decode_socket_option_value(SocketOption::Linger, bytes_of(&off), sizeof(off)).value();
    REQUIRE(!linger_from_option_value(off_value).on);
    REQUIRE(linger_from_option_value(off_value).seconds == 9);
    REQUIRE(linger_from_option_value(0).on == false);

    unum_linger negative { 1, -1 };
    REQUIRE(decode_socket_option_value(SocketOption::Linger, bytes_of(&negative), sizeof(negative)).error()
        == Error::InvalidArgument);
    REQUIRE(decode_socket_option_value(SocketOption::Linger, bytes_of(&linger), 4).error() == Error::InvalidArgument);
}
