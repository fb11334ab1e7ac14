// Little-endian, bounds-checked reading and writing of the cluster wire format.
// WireWriter appends to a Vector (growth can fail: the first failure sticks and
// is reported by finish()); WireReader never reads past its buffer and turns
// every short read into BadMessage.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"
#include "kernel/lib/vector.h"

class WireWriter {
public:
    explicit WireWriter(Vector<u8>& out)
        : m_out(out)
    {
    }
    void put_u8(u8 value);
    void put_u16(u16 value);
    void put_u32(u32 value);
    void put_u64(u64 value);
    void put_bytes(void const* data, usize size);
    // A u16 length then the characters; MessageTooLong past 65535.
    void put_string16(StringView text);
    // Overwrites 4 bytes already written at offset (for lengths known later).
    void patch_u32(usize offset, u32 value);
    usize size() const { return m_out.size(); }
    // The first error of any put, or success.
    Result<void> finish() const;

private:
    Vector<u8>& m_out;
    Error m_error { Error::None };
};

class WireReader {
public:
    WireReader(u8 const* data, usize size)
        : m_data(data)
        , m_size(size)
    {
    }
    Result<u8> get_u8();
    Result<u16> get_u16();
    Result<u32> get_u32();
    Result<u64> get_u64();
    // A view of the next size bytes (not copied).
    Result<u8 const*> get_bytes(usize size);
    // A u16 length then that many characters; the view points into the buffer.
    Result<StringView> get_string16();
    usize remaining() const { return m_size - m_offset; }
    usize offset() const { return m_offset; }
    // BadMessage unless every byte was consumed.
    Result<void> expect_end() const;

private:
    u8 const* m_data;
    usize m_size;
    usize m_offset { 0 };
};

// Fixed-offset helpers for headers (the caller checked the size).
inline void store_le32(u8* out, u32 value)
{
    for (int i = 0; i < 4; ++i)
        out[i] = u8(value >> (8 * i));
}
inline u32 load_le32(u8 const* in)
{
    return u32(in[0]) | (u32(in[1]) << 8) | (u32(in[2]) << 16) | (u32(in[3]) << 24);
}
