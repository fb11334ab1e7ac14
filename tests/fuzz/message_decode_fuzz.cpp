// libFuzzer target: port messages decoded from arbitrary bytes (what the cluster
// transport will receive). Whatever decodes must re-encode to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "kernel/ipc/message.h"

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    auto decoded = Message::decode(data, size);
    if (decoded.is_error())
        return 0;
    Message const& message = decoded.value();
    if (message.encoded_size() != size)
        __builtin_trap();
    static uint8_t out[Message::HEADER_SIZE + Message::MAX_PAYLOAD];
    auto written = message.encode(out, sizeof(out));
    if (written.is_error() || written.value() != size || memcmp(out, data, size) != 0)
        __builtin_trap();
    Message copy = message;
    if (copy.size() != message.size() || (copy.size() && memcmp(copy.data(), message.data(), copy.size()) != 0))
        __builtin_trap();
    return 0;
}
