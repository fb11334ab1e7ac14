// Length-prefixed framing for cluster streams, and its incremental decoder.
#include "kernel/cluster/frame_stream_decoder.h"

#include "kernel/cluster/wire_buffer.h"

Result<void> append_frame(Vector<u8>& out, u8 const* payload, usize size, usize max_frame)
{
    if (size == 0 || size > max_frame)
        return Error::MessageTooLong;
    u8 length[FRAME_LENGTH_SIZE];
    store_le32(length, u32(size));
    TRY(out.try_append(length, FRAME_LENGTH_SIZE));
    TRY(out.try_append(payload, size));
    return {};
}

Result<usize> FrameStreamDecoder::feed(u8 const* bytes, usize size)
{
    usize used = 0;
    while (used < size) {
        switch (m_state) {
        case State::Poisoned:
            return Error::BadMessage;
        case State::Ready:
            return used;
        case State::Length: {
            m_length_bytes[m_length_filled++] = bytes[used++];
            if (m_length_filled < FRAME_LENGTH_SIZE)
                break;
            m_frame_length = load_le32(m_length_bytes);
            m_length_filled = 0;
            if (m_frame_length == 0 || m_frame_length > m_max_frame) {
                m_state = State::Poisoned;
                return Error::BadMessage;
            }
            m_buffer.clear();
            // Grow as bytes arrive, not to the announced length: a peer may lie.
            m_state = State::Payload;
            break;
        }
        case State::Payload: {
            usize wanted = m_frame_length - m_buffer.size();
            usize take = size - used < wanted ? size - used : wanted;
            TRY(m_buffer.try_append(bytes + used, take));
            used += take;
            if (m_buffer.size() == m_frame_length)
                m_state = State::Ready;
            break;
        }
        }
    }
    if (m_state == State::Poisoned)
        return Error::BadMessage;
    return used;
}

void FrameStreamDecoder::next_frame()
{
    if (m_state != State::Ready)
        return;
    m_buffer.clear();
    m_state = State::Length;
}
