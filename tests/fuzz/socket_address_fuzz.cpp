// libFuzzer target: user bytes as a sockaddr (bind/connect/sendto) and as
// socket option values (setsockopt). Decoding must never read past length or
// crash, and a decoded address must survive encode/decode unchanged.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "net/socket/socket_address.h"
#include "net/socket/socket_option.h"

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    auto address = decode_socket_address(data, size);
    if (!address.is_error()) {
        unum_sockaddr_in encoded = encode_socket_address(address.value());
        auto again = decode_socket_address(reinterpret_cast<u8 const*>(&encoded), sizeof(encoded));
        if (again.is_error() || !(again.value() == address.value()))
            __builtin_trap();
    }
    if (size >= 2) {
        // First byte picks the option, the rest is its value.
        auto option = static_cast<SocketOption>(data[0] % (u8(SocketOption::NoDelay) + 1));
        auto value = decode_socket_option_value(option, data + 1, size - 1);
        if (!value.is_error()) {
            if (value.value() < 0)
                __builtin_trap();
            u8 out[SOCKET_OPTION_VALUE_MAX];
            if (encode_socket_option_value(option, value.value(), out) > sizeof(out))
                __builtin_trap();
        }
    }
    return 0;
}
