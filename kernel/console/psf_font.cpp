// PSF1/PSF2 parsing and glyph lookup. Every offset is checked against the blob
// size before it is read; sizes are bounded first so that no product overflows.
#include "kernel/console/psf_font.h"

namespace {

constexpr u8 PSF1_MAGIC[2] = { 0x36, 0x04 };
constexpr u8 PSF1_MODE_512 = 0x01;
constexpr u8 PSF1_MODE_HAS_TABLE = 0x02;
constexpr u8 PSF1_MODE_HAS_SEQUENCES = 0x04;
constexpr usize PSF1_HEADER_SIZE = 4;
constexpr u16 PSF1_SEQUENCE_START = 0xFFFE;
constexpr u16 PSF1_ENTRY_END = 0xFFFF;

constexpr u8 PSF2_MAGIC[4] = { 0x72, 0xb5, 0x4a, 0x86 };
constexpr u32 PSF2_FLAG_HAS_TABLE = 0x01;
constexpr usize PSF2_HEADER_SIZE = 32;
constexpr u8 PSF2_SEQUENCE_START = 0xFE;
constexpr u8 PSF2_ENTRY_END = 0xFF;

constexpr u32 REPLACEMENT_CHARACTER = 0xFFFD;

u32 read_le32(u8 const* p) { return u32(p[0]) | u32(p[1]) << 8 | u32(p[2]) << 16 | u32(p[3]) << 24; }
u16 read_le16(u8 const* p) { return u16(p[0] | p[1] << 8); }

// Strict UTF-8 decode of one codepoint from [*p, end); advances *p. Returns false
// on malformed, overlong, surrogate or out-of-range input.
bool decode_utf8(u8 const*& p, u8 const* end, u32& codepoint)
{
    u8 lead = *p++;
    u32 length;
    u32 minimum;
    if (lead < 0x80) {
        codepoint = lead;
        return true;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 1, minimum = 0x80, codepoint = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 2, minimum = 0x800, codepoint = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 3, minimum = 0x10000, codepoint = lead & 0x07;
    } else {
        return false;
    }
    if (usize(end - p) < length)
        return false;
    for (u32 i = 0; i < length; ++i) {
        if ((*p & 0xC0) != 0x80)
            return false;
        codepoint = codepoint << 6 | (*p++ & 0x3F);
    }
    if (codepoint < minimum || codepoint > 0x10FFFF || (codepoint >= 0xD800 && codepoint <= 0xDFFF))
        return false;
    return true;
}

// Walks a unicode table, calling on_mapping(codepoint, glyph) for each single-
// codepoint mapping (multi-codepoint sequences are skipped: a console draws one
// glyph per codepoint). Stops early when on_mapping returns true. Returns false
// if the table is malformed or has fewer than glyph_count entries.
template<typename OnMapping>
bool walk_unicode_table(u8 const* table, usize size, bool psf2, u32 glyph_count, OnMapping&& on_mapping)
{
    u8 const* p = table;
    u8 const* end = table + size;
    for (u32 glyph = 0; glyph < glyph_count; ++glyph) {
        bool in_sequence = false;
        for (;;) {
            u32 codepoint;
            if (psf2) {
                if (p == end)
                    return false;
                if (*p == PSF2_ENTRY_END) {
                    ++p;
                    break;
                }
                if (*p == PSF2_SEQUENCE_START) {
                    ++p;
                    in_sequence = true;
                    continue;
                }
                if (!decode_utf8(p, end, codepoint))
                    return false;
            } else {
                if (end - p < 2)
                    return false;
                u16 value = read_le16(p);
                p += 2;
                if (value == PSF1_ENTRY_END)
                    break;
                if (value == PSF1_SEQUENCE_START) {
                    in_sequence = true;
                    continue;
                }
                codepoint = value;
            }
            if (!in_sequence && on_mapping(codepoint, glyph))
                return true;
        }
    }
    return true;
}

} // namespace

Result<PsfFont> PsfFont::parse(u8 const* data, usize size)
{
    if (!data)
        return Error::InvalidArgument;

    PsfFont font;
    usize header_size;
    bool has_table;
    if (size >= PSF1_HEADER_SIZE && data[0] == PSF1_MAGIC[0] && data[1] == PSF1_MAGIC[1]) {
        u8 mode = data[2];
        font.m_width = 8;
        font.m_height = data[3];
        font.m_bytes_per_glyph = data[3];
        font.m_glyph_count = (mode & PSF1_MODE_512) ? 512 : 256;
        header_size = PSF1_HEADER_SIZE;
        has_table = mode & (PSF1_MODE_HAS_TABLE | PSF1_MODE_HAS_SEQUENCES);
    } else if (size >= PSF2_HEADER_SIZE && data[0] == PSF2_MAGIC[0] && data[1] == PSF2_MAGIC[1]
        && data[2] == PSF2_MAGIC[2] && data[3] == PSF2_MAGIC[3]) {
        u32 version = read_le32(data + 4);
        u32 declared_header_size = read_le32(data + 8);
        u32 flags = read_le32(data + 12);
        u32 count = read_le32(data + 16);
        u32 bytes_per_glyph = read_le32(data + 20);
        u32 height = read_le32(data + 24);
        u32 width = read_le32(data + 28);
        if (version != 0 || declared_header_size < PSF2_HEADER_SIZE || declared_header_size > size)
            return Error::BadMessage;
        if (count == 0 || count > MAX_GLYPHS || width == 0 || width > MAX_GLYPH_DIMENSION)
            return Error::BadMessage;
        // Checked before the product below, so it cannot overflow.
        if (height == 0 || height > MAX_GLYPH_DIMENSION)
            return Error::BadMessage;
        if (bytes_per_glyph != height * ((width + 7) / 8))
            return Error::BadMessage;
        font.m_psf2 = true;
        font.m_width = width;
        font.m_height = height;
        font.m_bytes_per_glyph = bytes_per_glyph;
        font.m_glyph_count = count;
        header_size = declared_header_size;
        has_table = flags & PSF2_FLAG_HAS_TABLE;
    } else {
        return Error::BadMessage;
    }

    if (font.m_height == 0 || font.m_height > MAX_GLYPH_DIMENSION)
        return Error::BadMessage;
    // At most 8192 glyphs of 64 rows of 8 bytes: 4 MiB, no overflow.
    usize glyph_bytes = usize(font.m_glyph_count) * font.m_bytes_per_glyph;
    if (glyph_bytes > size - header_size)
        return Error::BadMessage;
    font.m_glyphs = data + header_size;

    u8 const* table = font.m_glyphs + glyph_bytes;
    usize table_size = size - header_size - glyph_bytes;
    if (!has_table || !font.load_unicode_table(table, table_size)) {
        // Without a (usable) table, positions are codepoints.
        font.m_unicode_table = nullptr;
        font.m_unicode_table_size = 0;
        font.m_fallback_index = font.m_glyph_count > '?' ? '?' : 0;
    }
    return font;
}

bool PsfFont::load_unicode_table(u8 const* table, usize size)
{
    for (auto& entry : m_latin1)
        entry = NO_GLYPH;
    u32 replacement = NO_GLYPH;
    bool ok = walk_unicode_table(table, size, m_psf2, m_glyph_count, [&](u32 codepoint, u32 glyph) {
        // The first mapping wins, so a font listing a codepoint twice is stable.
        if (codepoint < 256 && m_latin1[codepoint] == NO_GLYPH)
            m_latin1[codepoint] = u16(glyph);
        if (codepoint == REPLACEMENT_CHARACTER && replacement == NO_GLYPH)
            replacement = glyph;
        return false;
    });
    if (!ok)
        return false;
    m_unicode_table = table;
    m_unicode_table_size = size;
    if (replacement != NO_GLYPH)
        m_fallback_index = replacement;
    else if (m_latin1[u8('?')] != NO_GLYPH)
        m_fallback_index = m_latin1[u8('?')];
    else
        m_fallback_index = 0;
    return true;
}

bool PsfFont::search_unicode_table(u32 codepoint, u32& index) const
{
    bool found = false;
    walk_unicode_table(m_unicode_table, m_unicode_table_size, m_psf2, m_glyph_count,
        [&](u32 mapped, u32 glyph) {
            if (mapped != codepoint)
                return false;
            index = glyph;
            found = true;
            return true;
        });
    return found;
}

u32 PsfFont::glyph_index(u32 codepoint) const
{
    if (!m_unicode_table)
        return codepoint < m_glyph_count ? codepoint : m_fallback_index;
    if (codepoint < 256) {
        u16 index = m_latin1[codepoint];
        return index == NO_GLYPH ? m_fallback_index : index;
    }
    u32 index;
    if (search_unicode_table(codepoint, index))
        return index;
    return m_fallback_index;
}

GlyphBitmap PsfFont::glyph_at(u32 index) const
{
    if (index >= m_glyph_count)
        index = m_fallback_index;
    return GlyphBitmap { m_glyphs + usize(index) * m_bytes_per_glyph, m_width, m_height, (m_width + 7) / 8 };
}

GlyphBitmap PsfFont::glyph(u32 codepoint) const { return glyph_at(glyph_index(codepoint)); }
