// Utf8Decoder: a byte-at-a-time UTF-8 decoder for terminal output, which arrives
// in arbitrary chunks. Malformed input (bad lead bytes, truncated, overlong or
// surrogate sequences) becomes U+FFFD; it never stalls or swallows a good byte.
#pragma once

#include "kernel/lib/types.h"

class Utf8Decoder {
public:
    static constexpr u32 REPLACEMENT = 0xFFFD;

    // Feeds one byte; writes 0, 1 or 2 finished codepoints to out and returns how
    // many. Two come out when a byte cuts a sequence short: U+FFFD for the broken
    // sequence, then whatever the interrupting byte decodes to.
    u32 feed(u8 byte, u32 out[2]);
    // Forgets a partial sequence (terminal reset).
    void reset() { m_needed = 0; }
    bool in_sequence() const { return m_needed != 0; }

private:
    u32 m_codepoint { 0 };
    u32 m_minimum { 0 };
    u32 m_needed { 0 };
};
