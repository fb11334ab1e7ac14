// Framing of cluster messages on a byte stream (one TCP connection per pair of
// nodes): each frame is a u32 little-endian length followed by that many bytes
// (one sealed message). FrameStreamDecoder reassembles frames from bytes that
// arrive in arbitrary pieces; a length of 0 or past the maximum poisons the
// stream (the connection must be dropped: framing can't resynchronise).
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/lib/vector.h"

inline constexpr usize FRAME_LENGTH_SIZE = 4;

// Appends the length prefix and payload to out.
Result<void> append_frame(Vector<u8>& out, u8 const* payload, usize size, usize max_frame);

class FrameStreamDecoder {
public:
    explicit FrameStreamDecoder(usize max_frame)
        : m_max_frame(max_frame)
    {
    }

    // Consumes up to size bytes and stops after the first complete frame, so the
    // caller can handle it before feeding more. Returns the bytes consumed; after
    // it, has_frame() says whether a frame is ready. BadMessage (sticky) for a bad
    // length; NoMemory when the frame buffer cannot grow.
    Result<usize> feed(u8 const* bytes, usize size);
    bool has_frame() const { return m_state == State::Ready; }
    // The complete frame's payload; valid until the next feed() or next_frame().
    u8 const* frame() const { return m_buffer.data(); }
    usize frame_size() const { return m_buffer.size(); }
    // Discards the ready frame and starts on the next.
    void next_frame();
    bool is_poisoned() const { return m_state == State::Poisoned; }
    // Bytes of a partial frame (or length) currently held.
    usize buffered() const { return m_state == State::Length ? m_length_filled : m_buffer.size(); }

private:
    enum class State : u8 { Length, Payload, Ready, Poisoned };

    usize m_max_frame;
    State m_state { State::Length };
    u8 m_length_bytes[FRAME_LENGTH_SIZE] {};
    usize m_length_filled { 0 };
    usize m_frame_length { 0 };
    Vector<u8> m_buffer;
};
