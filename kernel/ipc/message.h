// Message: what travels through a Port, and later through the cluster transport
// to another node: a type, a status (for replies), the sender, a reply token for
// requests, and a payload — inline up to INLINE_CAPACITY bytes, otherwise in a
// shared immutable MessageBuffer. Copying a Message never allocates or fails.
#pragma once

#include <type_traits>

#include "kernel/lib/ref_counted.h"
#include "kernel/lib/ref_ptr.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

// Payloads too big to travel inline. Immutable once created, so messages that
// share one never see each other's changes.
class MessageBuffer : public RefCounted<MessageBuffer> {
public:
    static Result<NonnullRefPtr<MessageBuffer>> create(void const* data, usize size);
    ~MessageBuffer();
    u8 const* data() const { return m_data; }
    usize size() const { return m_size; }

private:
    MessageBuffer(u8* data, usize size)
        : m_data(data)
        , m_size(size)
    {
    }
    u8* m_data;
    usize m_size;
};

// Who sent a message: node 0 is this node (the cluster transport fills in others).
struct MessageSender {
    u32 node { 0 };
    u64 thread_id { 0 };
};

class Message {
public:
    static constexpr usize INLINE_CAPACITY = 256;
    static constexpr usize MAX_PAYLOAD = 64 * KiB;

    Message() = default;
    explicit Message(u32 type)
        : m_type(type)
    {
    }
    // A message carrying a copy of size bytes. NoMemory, or MessageTooLong past MAX_PAYLOAD.
    static Result<Message> create(u32 type, void const* data, usize size);
    template<typename T>
        requires std::is_trivially_copyable_v<T>
    static Result<Message> create_with(u32 type, T const& value)
    {
        return create(type, &value, sizeof(T));
    }
    // A reply that carries only an error.
    static Message error_reply(Error status);

    u32 type() const { return m_type; }
    void set_type(u32 type) { m_type = type; }
    Error status() const { return m_status; }
    void set_status(Error status) { m_status = status; }
    MessageSender const& sender() const { return m_sender; }
    void set_sender(MessageSender sender) { m_sender = sender; }
    // Non-zero on a request sent with Port::call(); the server passes it to reply().
    u64 reply_token() const { return m_reply_token; }
    void set_reply_token(u64 token) { m_reply_token = token; }

    u8 const* data() const { return m_buffer ? m_buffer->data() : m_inline; }
    usize size() const { return m_buffer ? m_buffer->size() : m_inline_size; }
    Result<void> set_payload(void const* data, usize size);

    // The payload as a T; BadMessage if its size is not sizeof(T).
    template<typename T>
        requires std::is_trivially_copyable_v<T>
    Result<T> read() const
    {
        if (size() != sizeof(T))
            return Error::BadMessage;
        T value;
        copy_out(&value, sizeof(T));
        return value;
    }

    // Wire form, little-endian: type u32, status i32, sender node u32, sender
    // thread u64, reply token u64, payload size u32, then the payload.
    static constexpr usize HEADER_SIZE = 32;
    usize encoded_size() const { return HEADER_SIZE + size(); }
    // Returns the bytes written; NoBufferSpace if capacity is too small.
    Result<usize> encode(u8* out, usize capacity) const;
    // Parses untrusted bytes: BadMessage if they are not exactly one message.
    static Result<Message> decode(u8 const* bytes, usize size);

private:
    void copy_out(void* destination, usize size) const;

    u32 m_type { 0 };
    Error m_status { Error::None };
    MessageSender m_sender;
    u64 m_reply_token { 0 };
    u32 m_inline_size { 0 };
    RefPtr<MessageBuffer> m_buffer;
    u8 m_inline[INLINE_CAPACITY];
};
