// Socket options: which (level, name) pairs Unum knows, and their values as
// the user passes them to setsockopt (an int, or a timeval for the timeouts)
// and gets them back from getsockopt. The value bytes come from user memory
// (fuzzed: tests/fuzz/socket_option_fuzz.cpp).
#pragma once

#include "kernel/abi/unum_socket.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

enum class SocketOption : u8 {
    ReuseAddress,
    KeepAlive,
    Broadcast,
    SendBuffer,
    ReceiveBuffer,
    SendTimeout,    // value: milliseconds, 0 = none
    ReceiveTimeout, // value: milliseconds, 0 = none
    Error,          // read-only: the pending error as an errno, cleared by reading
    Type,           // read-only: SOCK_STREAM/DGRAM/RAW
    NoDelay,        // level IPPROTO_TCP
    Linger,         // value: linger_option_value(); kept by Socket, used at the last close
};

// SO_LINGER: whether the last close() of a stream lingers, and for how long.
// On with 0 seconds, the close resets the connection (RST) instead.
struct Linger {
    bool on { false };
    u32 seconds { 0 };
};
// The option value as an i64 (never negative) and back.
i64 linger_option_value(Linger linger);
Linger linger_from_option_value(i64 value);

// NoProtocolOption (ENOPROTOOPT) for an unknown pair.
Result<SocketOption> socket_option_from(int level, int name);

// The value setsockopt passes: an int (length at least 4; booleans become 0/1,
// negative sizes are InvalidArgument), a timeval for the timeouts (length at
// least 16; negative or out-of-range fields are InvalidArgument) or a linger
// (length at least 8; a negative l_linger is InvalidArgument). Read-only
// options are NoProtocolOption.
Result<i64> decode_socket_option_value(SocketOption option, u8 const* bytes, usize length);

// getsockopt's bytes for value into out (room for 16); returns their length.
usize encode_socket_option_value(SocketOption option, i64 value, u8* out);
inline constexpr usize SOCKET_OPTION_VALUE_MAX = 16;
