// libFuzzer target: PsfFont::parse over arbitrary bytes. Accepted fonts are then
// probed: every glyph lookup must stay inside the input (ASan checks the reads).
#include "kernel/console/psf_font.h"

extern "C" int LLVMFuzzerTestOneInput(u8 const* data, usize size)
{
    auto result = PsfFont::parse(data, size);
    if (result.is_error())
        return 0;
    PsfFont const& font = result.value();
    if (font.width() == 0 || font.height() == 0 || font.width() > PsfFont::MAX_GLYPH_DIMENSION)
        __builtin_trap();
    static constexpr u32 probes[] = { 0, ' ', 'A', 0x7F, 0xE9, 0xFF, 0x100, 0x2500, 0xFFFD, 0x10FFFF,
        0xFFFFFFFF };
    u32 ink = 0;
    for (u32 codepoint : probes) {
        GlyphBitmap glyph = font.glyph(codepoint);
        for (u32 y = 0; y < glyph.height; ++y)
            for (u32 x = 0; x < glyph.width; ++x)
                ink += glyph.pixel(x, y);
        if (font.glyph_index(codepoint) >= font.glyph_count())
            __builtin_trap();
    }
    GlyphBitmap last = font.glyph_at(font.glyph_count() - 1);
    volatile u8 sink = last.rows[usize(last.height) * last.bytes_per_row - 1];
    (void)sink;
    (void)ink;
    return 0;
}
