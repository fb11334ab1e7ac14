// libFuzzer target: cluster stream frame reassembly. The input is cut into
// pieces whose sizes come from the input itself; the frames that come out must
// be exactly the frames a one-shot parse of the same bytes finds, and a poisoned
// stream must stay poisoned.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "kernel/cluster/frame_stream_decoder.h"
#include "kernel/cluster/wire_buffer.h"

namespace {

constexpr usize MAX_FRAME = 4096;

// Reference: walk the bytes as length-prefixed frames. Returns the count of
// complete frames and whether a bad length was met.
void reference_parse(u8 const* data, usize size, usize& frames, bool& poisoned)
{
    frames = 0;
    poisoned = false;
    usize offset = 0;
    while (size - offset >= FRAME_LENGTH_SIZE) {
        u32 length = load_le32(data + offset);
        if (length == 0 || length > MAX_FRAME) {
            poisoned = true;
            return;
        }
        if (size - offset - FRAME_LENGTH_SIZE < length)
            return;
        offset += FRAME_LENGTH_SIZE + length;
        ++frames;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    if (size < 1)
        return 0;
    u8 cut = data[0];
    data++, size--;
    usize expected_frames;
    bool expected_poison;
    reference_parse(data, size, expected_frames, expected_poison);

    FrameStreamDecoder decoder(MAX_FRAME);
    usize offset = 0;
    usize frames = 0;
    usize frame_start = 0; // where the current frame's payload starts in data
    bool poisoned = false;
    while (offset < size && !poisoned) {
        usize piece = 1 + (cut + offset) % 97;
        if (piece > size - offset)
            piece = size - offset;
        usize before = offset;
        while (offset < before + piece) {
            auto used = decoder.feed(data + offset, before + piece - offset);
            if (used.is_error()) {
                poisoned = true;
                break;
            }
            offset += used.value();
            if (decoder.has_frame()) {
                frame_start = offset - decoder.frame_size();
                if (decoder.frame_size() > MAX_FRAME || memcmp(decoder.frame(), data + frame_start, decoder.frame_size()) != 0)
                    __builtin_trap();
                ++frames;
                decoder.next_frame();
            }
        }
    }
    if (frames != expected_frames || poisoned != expected_poison)
        __builtin_trap();
    if (poisoned && (!decoder.is_poisoned() || !decoder.feed(data, size).is_error()))
        __builtin_trap();
    return 0;
}
