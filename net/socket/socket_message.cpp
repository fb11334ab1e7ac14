// msghdr and iovec bytes -> SocketMessage and IoSegments.
#include "net/socket/socket_message.h"

#include "kernel/lib/string.h"

namespace {

constexpr usize MAX_TOTAL_LENGTH = usize(INT64_MAX); // what a ssize_t result can say

u64 user_address(void* pointer) { return u64(reinterpret_cast<uptr>(pointer)); }

} // namespace

Result<SocketMessage> decode_socket_message(u8 const* bytes, usize length)
{
    if (!bytes || length < sizeof(unum_msghdr))
        return Error::InvalidArgument;
    unum_msghdr header;
    memcpy(&header, bytes, sizeof(header));
    if (header.msg_iovlen < 0 || header.msg_iovlen > UNUM_IOV_MAX)
        return Error::MessageTooLong;
    if (i32(header.msg_namelen) < 0)
        return Error::InvalidArgument;
    SocketMessage message;
    message.name = user_address(header.msg_name);
    message.name_length = header.msg_namelen;
    message.io_vectors = user_address(header.msg_iov);
    message.io_vector_count = usize(header.msg_iovlen);
    message.control = user_address(header.msg_control);
    message.control_length = header.msg_controllen;
    message.flags = header.msg_flags;
    return message;
}

Result<usize> decode_io_vectors(u8 const* bytes, usize count, IoSegment* out)
{
    if (count > UNUM_IOV_MAX)
        return Error::MessageTooLong;
    if (count && (!bytes || !out))
        return Error::InvalidArgument;
    usize total = 0;
    for (usize i = 0; i < count; ++i) {
        unum_iovec vector;
        memcpy(&vector, bytes + i * sizeof(vector), sizeof(vector));
        if (vector.iov_len > MAX_TOTAL_LENGTH - total)
            return Error::InvalidArgument;
        total += vector.iov_len;
        out[i] = IoSegment { user_address(vector.iov_base), usize(vector.iov_len) };
    }
    return total;
}
