// A cursor over the user segments of one socket call.
#include "kernel/syscall/user_io_vector.h"

#include "kernel/syscall/user_ptr.h"

Result<UserIoVector> UserIoVector::single(u64 base, usize length)
{
    UserIoVector vector;
    TRY(vector.m_segments.try_append(IoSegment { base, length }));
    vector.m_total = length;
    return vector;
}

Result<UserIoVector> UserIoVector::from_user(u64 vectors, usize count)
{
    if (count > UNUM_IOV_MAX)
        return Error::MessageTooLong;
    Vector<u8> bytes;
    TRY(bytes.try_resize(count * IO_VECTOR_SIZE));
    if (count)
        TRY(UserPtr<u8>(vectors).read_array(bytes.data(), bytes.size()));
    UserIoVector vector;
    TRY(vector.m_segments.try_resize(count));
    vector.m_total = TRY(decode_io_vectors(bytes.data(), count, vector.m_segments.data()));
    return vector;
}

template<typename Copy>
Result<void> UserIoVector::walk(usize size, Copy copy)
{
    if (size > remaining())
        return Error::InvalidArgument;
    usize moved = 0;
    while (moved < size) {
        IoSegment const& segment = m_segments[m_segment];
        usize left = segment.length - m_offset;
        usize piece = size - moved < left ? size - moved : left;
        if (piece)
            TRY(copy(segment.base + m_offset, moved, piece));
        moved += piece;
        m_offset += piece;
        if (m_offset == segment.length) {
            ++m_segment;
            m_offset = 0;
        }
    }
    m_done += size;
    return {};
}

Result<void> UserIoVector::gather(u8* out, usize size)
{
    return walk(size, [&](u64 user, usize at, usize piece) { return UserPtr<u8>(user).read_array(out + at, piece); });
}

Result<void> UserIoVector::scatter(u8 const* data, usize size)
{
    return walk(size, [&](u64 user, usize at, usize piece) { return UserPtr<u8>(user).write_array(data + at, piece); });
}
