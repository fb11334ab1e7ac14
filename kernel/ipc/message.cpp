// Message payload storage and the message wire codec (the one encoder/decoder
// the cluster transport will use for port messages).
#include "kernel/ipc/message.h"

#include <new>

#include "kernel/lib/string.h"

Result<NonnullRefPtr<MessageBuffer>> MessageBuffer::create(void const* data, usize size)
{
    auto* bytes = new (std::nothrow) u8[size ? size : 1];
    if (!bytes)
        return Error::NoMemory;
    if (size)
        memcpy(bytes, data, size);
    auto* buffer = new (std::nothrow) MessageBuffer(bytes, size);
    if (!buffer) {
        delete[] bytes;
        return Error::NoMemory;
    }
    return adopt_ref(*buffer);
}

MessageBuffer::~MessageBuffer() { delete[] m_data; }

Result<Message> Message::create(u32 type, void const* data, usize size)
{
    Message message(type);
    TRY(message.set_payload(data, size));
    return message;
}

Message Message::error_reply(Error status)
{
    Message message;
    message.m_status = status;
    return message;
}

Result<void> Message::set_payload(void const* data, usize size)
{
    if (size > MAX_PAYLOAD)
        return Error::MessageTooLong;
    if (size <= INLINE_CAPACITY) {
        m_buffer.clear();
        if (size)
            memcpy(m_inline, data, size);
        m_inline_size = u32(size);
        return {};
    }
    m_buffer = TRY(MessageBuffer::create(data, size));
    m_inline_size = 0;
    return {};
}

void Message::copy_out(void* destination, usize size) const { memcpy(destination, data(), size); }

namespace {

void put_u32(u8* out, u32 value)
{
    for (int i = 0; i < 4; ++i)
        out[i] = u8(value >> (8 * i));
}
void put_u64(u8* out, u64 value)
{
    for (int i = 0; i < 8; ++i)
        out[i] = u8(value >> (8 * i));
}
u32 get_u32(u8 const* in)
{
    u32 value = 0;
    for (int i = 0; i < 4; ++i)
        value |= u32(in[i]) << (8 * i);
    return value;
}
u64 get_u64(u8 const* in)
{
    u64 value = 0;
    for (int i = 0; i < 8; ++i)
        value |= u64(in[i]) << (8 * i);
    return value;
}

bool is_known_error(i32 code)
{
    if (code < 0 || code > 255)
        return false;
    return code == 0 || error_name(Error(code))[1] != '?';
}

} // namespace

Result<usize> Message::encode(u8* out, usize capacity) const
{
    usize total = encoded_size();
    if (capacity < total)
        return Error::NoBufferSpace;
    put_u32(out + 0, m_type);
    put_u32(out + 4, u32(to_errno(m_status)));
    put_u32(out + 8, m_sender.node);
    put_u64(out + 12, m_sender.thread_id);
    put_u64(out + 20, m_reply_token);
    put_u32(out + 28, u32(size()));
    if (size())
        memcpy(out + HEADER_SIZE, data(), size());
    return total;
}

Result<Message> Message::decode(u8 const* bytes, usize size)
{
    if (size < HEADER_SIZE)
        return Error::BadMessage;
    u32 payload_size = get_u32(bytes + 28);
    if (payload_size > MAX_PAYLOAD || size - HEADER_SIZE != payload_size)
        return Error::BadMessage;
    i32 status = i32(get_u32(bytes + 4));
    if (!is_known_error(status))
        return Error::BadMessage;
    Message message(get_u32(bytes + 0));
    message.m_status = Error(status);
    message.m_sender.node = get_u32(bytes + 8);
    message.m_sender.thread_id = get_u64(bytes + 12);
    message.m_reply_token = get_u64(bytes + 20);
    TRY(message.set_payload(bytes + HEADER_SIZE, payload_size));
    return message;
}
