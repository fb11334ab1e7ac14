// PsfFont: a read-only view of a PC Screen Font (PSF1 or PSF2) blob, as shipped in
// Debian's console-setup fonts. The blob is untrusted input: parse() checks every
// length against its size, and lookups never index outside the validated glyphs.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

// One glyph's bitmap: height rows of bytes_per_row bytes, most significant bit
// leftmost (the PSF layout). Always points inside the font blob.
struct GlyphBitmap {
    u8 const* rows;
    u32 width;
    u32 height;
    u32 bytes_per_row;

    bool pixel(u32 x, u32 y) const
    {
        if (x >= width || y >= height)
            return false;
        return (rows[y * bytes_per_row + x / 8] >> (7 - x % 8)) & 1;
    }
};

class PsfFont {
public:
    // Fonts larger than this are rejected: a console glyph has no business being
    // bigger, and the bound keeps every size product far from overflow.
    static constexpr u32 MAX_GLYPH_DIMENSION = 64;
    static constexpr u32 MAX_GLYPHS = 8192;

    // The blob must outlive the font (it is referenced, not copied). Returns
    // BadMessage for anything malformed. A malformed unicode table does not fail
    // the parse: the table is dropped and glyphs are then indexed by codepoint.
    static Result<PsfFont> parse(u8 const* data, usize size);

    u32 width() const { return m_width; }
    u32 height() const { return m_height; }
    u32 glyph_count() const { return m_glyph_count; }
    u32 bytes_per_glyph() const { return m_bytes_per_glyph; }
    bool has_unicode_table() const { return m_unicode_table != nullptr; }

    // The glyph that draws codepoint: through the unicode table when the font has
    // one, else by position; the fallback glyph when the font cannot draw it.
    GlyphBitmap glyph(u32 codepoint) const;
    // Font position for codepoint, or the fallback position.
    u32 glyph_index(u32 codepoint) const;
    GlyphBitmap glyph_at(u32 index) const;
    u32 fallback_index() const { return m_fallback_index; }

private:
    PsfFont() = default;

    // Validates the unicode table at [table, table + size) for this font's glyph
    // count; on success fills m_latin1 and keeps the table for slower lookups.
    bool load_unicode_table(u8 const* table, usize size);
    // Searches the (validated) table; returns false when codepoint is absent.
    bool search_unicode_table(u32 codepoint, u32& index) const;

    u8 const* m_glyphs { nullptr };
    u32 m_glyph_count { 0 };
    u32 m_bytes_per_glyph { 0 };
    u32 m_width { 0 };
    u32 m_height { 0 };
    bool m_psf2 { false };
    u8 const* m_unicode_table { nullptr };
    usize m_unicode_table_size { 0 };
    u32 m_fallback_index { 0 };
    // Positions of U+0000..U+00FF, so the common case never scans the table.
    // NO_GLYPH marks codepoints the table does not map.
    static constexpr u16 NO_GLYPH = 0xFFFF;
    u16 m_latin1[256] {};
};
