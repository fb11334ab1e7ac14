// libFuzzer target: user bytes as sendmsg/recvmsg's msghdr and iovec array,
// and as an SO_LINGER value. Decoding must never read past length or crash; a
// decoded message keeps its iovec count within UNUM_IOV_MAX, iovec lengths add
// up to the total, and a linger survives encode/decode unchanged.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "net/socket/socket_message.h"
#include "net/socket/socket_option.h"

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    auto message = decode_socket_message(data, size);
    if (!message.is_error() && message.value().io_vector_count > UNUM_IOV_MAX)
        __builtin_trap();

    // The bytes as an iovec array (at most UNUM_IOV_MAX + 1 of them).
    usize count = size / IO_VECTOR_SIZE;
    std::vector<IoSegment> segments(count);
    auto total = decode_io_vectors(data, count, segments.data());
    if (!total.is_error()) {
        usize sum = 0;
        for (IoSegment const& segment : segments)
            sum += segment.length;
        if (sum != total.value() || total.value() > usize(INT64_MAX))
            __builtin_trap();
    }

    auto linger = decode_socket_option_value(SocketOption::Linger, data, size);
    if (!linger.is_error()) {
        if (linger.value() < 0)
            __builtin_trap();
        u8 out[SOCKET_OPTION_VALUE_MAX];
        usize length = encode_socket_option_value(SocketOption::Linger, linger.value(), out);
        auto again = decode_socket_option_value(SocketOption::Linger, out, length);
        if (length > sizeof(out) || again.is_error() || again.value() != linger.value())
            __builtin_trap();
    }
    return 0;
}
