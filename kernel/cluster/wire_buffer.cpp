// WireWriter and WireReader: the only code that turns cluster fields into bytes
// and back.
#include "kernel/cluster/wire_buffer.h"

#include "kernel/lib/string.h"

void WireWriter::put_bytes(void const* data, usize size)
{
    if (m_error != Error::None || size == 0)
        return;
    auto appended = m_out.try_append(static_cast<u8 const*>(data), size);
    if (appended.is_error())
        m_error = appended.error();
}

void WireWriter::put_u8(u8 value) { put_bytes(&value, 1); }

void WireWriter::put_u16(u16 value)
{
    u8 bytes[2] = { u8(value), u8(value >> 8) };
    put_bytes(bytes, 2);
}

void WireWriter::put_u32(u32 value)
{
    u8 bytes[4];
    store_le32(bytes, value);
    put_bytes(bytes, 4);
}

void WireWriter::put_u64(u64 value)
{
    put_u32(u32(value));
    put_u32(u32(value >> 32));
}

void WireWriter::put_string16(StringView text)
{
    if (text.length() > 0xFFFF) {
        if (m_error == Error::None)
            m_error = Error::MessageTooLong;
        return;
    }
    put_u16(u16(text.length()));
    put_bytes(text.characters(), text.length());
}

void WireWriter::patch_u32(usize offset, u32 value)
{
    if (m_error != Error::None)
        return;
    KASSERT(offset + 4 <= m_out.size());
    store_le32(m_out.data() + offset, value);
}

Result<void> WireWriter::finish() const
{
    if (m_error != Error::None)
        return m_error;
    return {};
}

Result<u8 const*> WireReader::get_bytes(usize size)
{
    if (size > remaining())
        return Error::BadMessage;
    u8 const* at = m_data + m_offset;
    m_offset += size;
    return at;
}

Result<u8> WireReader::get_u8()
{
    u8 const* at = TRY(get_bytes(1));
    return at[0];
}

Result<u16> WireReader::get_u16()
{
    u8 const* at = TRY(get_bytes(2));
    return u16(at[0] | (at[1] << 8));
}

Result<u32> WireReader::get_u32()
{
    u8 const* at = TRY(get_bytes(4));
    return load_le32(at);
}

Result<u64> WireReader::get_u64()
{
    u64 low = TRY(get_u32());
    u64 high = TRY(get_u32());
    return low | (high << 32);
}

Result<StringView> WireReader::get_string16()
{
    u16 length = TRY(get_u16());
    u8 const* at = TRY(get_bytes(length));
    return StringView(reinterpret_cast<char const*>(at), length);
}

Result<void> WireReader::expect_end() const
{
    if (remaining() != 0)
        return Error::BadMessage;
    return {};
}
