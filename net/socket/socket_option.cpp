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

// A linger's i64 form: the seconds in the low 32 bits, this bit when it is on.
constexpr i64 LINGER_ON = i64(1) << 32;

Result<i64> decode_linger(u8 const* bytes, usize length)
{
    if (length < sizeof(unum_linger))
        return Error::InvalidArgument;
    unum_linger linger;
    memcpy(&linger, bytes, sizeof(linger));
    if (linger.l_linger < 0)
        return Error::InvalidArgument;
    return linger_option_value(Linger { linger.l_onoff != 0, u32(linger.l_linger) });
}

} // namespace

i64 linger_option_value(Linger linger) { return (linger.on ? LINGER_ON : 0) | i64(linger.seconds); }

Linger linger_from_option_value(i64 value) { return Linger { (value & LINGER_ON) != 0, u32(value) }; }

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
        case UNUM_SO_LINGER: return SocketOption::Linger;
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
    if (option == SocketOption::Linger)
        return decode_linger(bytes, length);
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
    if (option == SocketOption::Linger) {
        Linger linger = linger_from_option_value(value);
        unum_linger encoded { linger.on ? 1 : 0, int(linger.seconds) };
        memcpy(out, &encoded, sizeof(encoded));
        return sizeof(encoded);
    }
    int number = value > 0x7fffffff ? 0x7fffffff : int(value);
    memcpy(out, &number, sizeof(number));
    return sizeof(number);
}
