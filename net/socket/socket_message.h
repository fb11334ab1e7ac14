// SocketMessage: the user's msghdr and iovec array of sendmsg/recvmsg, decoded
// from their bytes (kernel/abi/unum_socket.h). The pointers inside stay user
// addresses; the syscall layer copies through them. The bytes come from user
// memory: decoding checks everything (fuzzed: tests/fuzz/socket_message_fuzz.cpp).
#pragma once

#include "kernel/abi/unum_socket.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

struct SocketMessage {
    u64 name { 0 }; // user address of a sockaddr, 0: none
    u32 name_length { 0 };
    u64 io_vectors { 0 }; // user address of io_vector_count unum_iovecs
    usize io_vector_count { 0 };
    u64 control { 0 };
    u32 control_length { 0 };
    int flags { 0 };
};

// One piece of user memory an iovec names.
struct IoSegment {
    u64 base { 0 };
    usize length { 0 };
};

inline constexpr usize SOCKET_MESSAGE_SIZE = sizeof(unum_msghdr);
inline constexpr usize IO_VECTOR_SIZE = sizeof(unum_iovec);

// InvalidArgument when length is short of a msghdr or msg_namelen is negative
// as an int; MessageTooLong (EMSGSIZE, as Linux) when msg_iovlen is negative
// or above UNUM_IOV_MAX.
Result<SocketMessage> decode_socket_message(u8 const* bytes, usize length);

// count iovecs from bytes (count * IO_VECTOR_SIZE of them) into out (room for
// count). Returns the total length; InvalidArgument when it would exceed
// SSIZE_MAX (as Linux).
Result<usize> decode_io_vectors(u8 const* bytes, usize count, IoSegment* out);
