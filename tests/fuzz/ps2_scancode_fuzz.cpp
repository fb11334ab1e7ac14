// libFuzzer target: arbitrary scancode bytes (a broken or hostile keyboard) into
// the ScancodeDecoder. Checks the output bound and that reset() always brings the
// decoder back to a state where the A key types a letter.
#include "kernel/tty/scancode_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(u8 const* data, usize size)
{
    ScancodeDecoder decoder;
    u8 out[ScancodeDecoder::MAX_OUTPUT];
    for (usize i = 0; i < size; ++i) {
        usize n = decoder.feed(data[i], out);
        if (n > ScancodeDecoder::MAX_OUTPUT)
            __builtin_trap();
    }
    decoder.reset();
    usize n = decoder.feed(0x1E, out);
    if (n != 1 || (out[0] != 'a' && out[0] != 'A'))
        __builtin_trap();
    return 0;
}
