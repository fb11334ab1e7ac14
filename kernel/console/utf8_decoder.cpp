// Streaming UTF-8 decoding for the terminal; see utf8_decoder.h for the contract.
#include "kernel/console/utf8_decoder.h"

u32 Utf8Decoder::feed(u8 byte, u32 out[2])
{
    u32 count = 0;
    if (m_needed != 0) {
        if ((byte & 0xC0) == 0x80) {
            m_codepoint = m_codepoint << 6 | (byte & 0x3F);
            if (--m_needed != 0)
                return 0;
            bool valid = m_codepoint >= m_minimum && m_codepoint <= 0x10FFFF
                && !(m_codepoint >= 0xD800 && m_codepoint <= 0xDFFF);
            out[0] = valid ? m_codepoint : REPLACEMENT;
            return 1;
        }
        // The sequence was cut short; the byte that cut it starts afresh.
        m_needed = 0;
        out[count++] = REPLACEMENT;
    }

    if (byte < 0x80) {
        out[count++] = byte;
    } else if (byte >= 0xC2 && byte <= 0xDF) {
        m_codepoint = byte & 0x1F, m_minimum = 0x80, m_needed = 1;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
        m_codepoint = byte & 0x0F, m_minimum = 0x800, m_needed = 2;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
        m_codepoint = byte & 0x07, m_minimum = 0x10000, m_needed = 3;
    } else {
        // Stray continuation byte, C0/C1 (always overlong) or F5..FF.
        out[count++] = REPLACEMENT;
    }
    return count;
}
