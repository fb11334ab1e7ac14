// UserIoVector: the user memory of one send- or receive-like call as a list
// of segments — one for sendto/recvfrom, the iovec array for sendmsg/recvmsg —
// and a position in it. gather() copies the next bytes in, scatter() the next
// bytes out, so the socket calls move data the same way whichever they got.
#pragma once

#include "kernel/lib/vector.h"
#include "net/socket/socket_message.h"

class UserIoVector {
public:
    static Result<UserIoVector> single(u64 base, usize length);
    // Copies count iovecs in from user address vectors (count is at most
    // UNUM_IOV_MAX; the lengths may add up to at most SSIZE_MAX: EINVAL).
    static Result<UserIoVector> from_user(u64 vectors, usize count);

    usize total() const { return m_total; }
    usize remaining() const { return m_total - m_done; }

    // Copies the next size bytes (at most remaining()) into out / from data,
    // and moves past them. BadAddress for memory the program may not use.
    Result<void> gather(u8* out, usize size);
    Result<void> scatter(u8 const* data, usize size);

private:
    template<typename Copy>
    Result<void> walk(usize size, Copy copy);

    Vector<IoSegment> m_segments;
    usize m_total { 0 };
    usize m_done { 0 };
    usize m_segment { 0 }; // where the position is: segment index and offset in it
    usize m_offset { 0 };
};
