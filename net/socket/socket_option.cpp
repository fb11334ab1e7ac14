// Socket option names and values.
#include "net/socket/socket_option.h"

#include "kernel/lib/string.h"

namespace {

bool is_timeout(SocketOption option) { return option == SocketOption::SendTimeout || option == SocketOption::ReceiveTimeout; }

bool is_boolean(SocketOption option)
{
    return option == SocketOption::ReuseAddress || option == SocketOption::KeepAlive
        || option == SocketOption::Broadcast || option == SocketOption::NoDelay;
}

// A timeout far beyond any real one, so millisecond arithmetic cannot overflow.
constexpr i64 MAX_TIMEOUT_SECONDS = i64(1) << 40;

} // namespace

Result<SocketOption> socket_option_from(int level, int name)
{
    if (level == UNUM_SOL_SOCKET) {
        switch (name) {
        case UNUM_SO_REUSEADDR: return SocketOption::ReuseAddress;
        case UNUM_SO_KEEPALIVE: return SocketOption::KeepAlive;
        case UNUM_SO_BROADCAST: return SocketOption::Broadcast;
        case UNUM_SO_SNDBUF: return SocketOption::SendBuffer;
        case UNUM_SO_RCVBUF: return SocketOption::ReceiveBuffer;
        case UNUM_SO_SNDTIMEO: return SocketOption::SendTimeout;
        case UNUM_SO_RCVTIMEO: return SocketOption::ReceiveTimeout;
        case UNUM_SO_ERROR: return SocketOption::Error;
        case UNUM_SO_TYPE: return SocketOption::Type;
        default: return Error::NoProtocolOption;
        }
    }
    if (level == UNUM_IPPROTO_TCP && name == UNUM_TCP_NODELAY)
        return SocketOption::NoDelay;
    return Error::NoProtocolOption;
}

Result<i64> decode_socket_option_value(SocketOption option, u8 const* bytes, usize length)
{
    if (option == SocketOption::Error || option == SocketOption::Type)
        return Error::NoProtocolOption;
    if (!bytes)
        return Error::BadAddress;
    if (is_timeout(option)) {
        if (length < sizeof(unum_timeval))
            return Error::InvalidArgument;
        unum_timeval timeout;
        memcpy(&timeout, bytes, sizeof(timeout));
        if (timeout.tv_sec < 0 || timeout.tv_usec < 0 || timeout.tv_usec >= 1000000)
            return Error::InvalidArgument;
        i64 seconds = timeout.tv_sec < MAX_TIMEOUT_SECONDS ? timeout.tv_sec : MAX_TIMEOUT_SECONDS;
        i64 ms = seconds * 1000 + (timeout.tv_usec + 999) / 1000;
        return ms;
    }
    if (length < sizeof(int))
        return Error::InvalidArgument;
    int value;
    memcpy(&value, bytes, sizeof(value));
    if (is_boolean(option))
        return i64(value != 0);
    if (value < 0)
        return Error::InvalidArgument;
    return i64(value);
}

usize encode_socket_option_value(SocketOption option, i64 value, u8* out)
{
    if (is_timeout(option)) {
        unum_timeval timeout { long(value / 1000), long(value % 1000) * 1000 };
        memcpy(out, &timeout, sizeof(timeout));
        return sizeof(timeout);
    }
    int number = value > 0x7fffffff ? 0x7fffffff : int(value);
    memcpy(out, &number, sizeof(number));
    return sizeof(number);
}
