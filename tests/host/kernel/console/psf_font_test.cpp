// PsfFont parsing: synthetic PSF1/PSF2 blobs (valid, truncated, lying about
// their sizes, with good and broken unicode tables), and the real build font.
#include <catch2/catch.hpp>
#include <cstdio>
#include <vector>

#include "kernel/console/psf_font.h"

namespace {

using Blob = std::vector<u8>;

void put32(Blob& b, u32 v)
{
    for (int i = 0; i < 4; ++i)
        b.push_back(u8(v >> (8 * i)));
}
void put16(Blob& b, u16 v)
{
    b.push_back(u8(v));
    b.push_back(u8(v >> 8));
}

// Glyph n is filled with byte n, so a lookup's result is easy to identify.
Blob make_psf1(u8 mode, u8 height, u32 glyphs)
{
    Blob b { 0x36, 0x04, mode, height };
    for (u32 g = 0; g < glyphs; ++g)
        for (u32 r = 0; r < height; ++r)
            b.push_back(u8(g));
    return b;
}

Blob make_psf2(u32 glyphs, u32 width, u32 height, u32 flags = 0, u32 header_size = 32)
{
    Blob b { 0x72, 0xb5, 0x4a, 0x86 };
    u32 row_bytes = (width + 7) / 8;
    put32(b, 0);
    put32(b, header_size);
    put32(b, flags);
    put32(b, glyphs);
    put32(b, row_bytes * height);
    put32(b, height);
    put32(b, width);
    b.resize(header_size, 0);
    for (u32 g = 0; g < glyphs; ++g)
        for (u32 i = 0; i < row_bytes * height; ++i)
            b.push_back(u8(g));
    return b;
}

Result<PsfFont> parse(Blob const& b) { return PsfFont::parse(b.data(), b.size()); }

} // namespace

TEST_CASE("psf1 without table indexes by codepoint")
{
    Blob b = make_psf1(0, 16, 256);
    auto font = parse(b);
    REQUIRE_FALSE(font.is_error());
    auto& f = font.value();
    CHECK(f.width() == 8);
    CHECK(f.height() == 16);
    CHECK(f.glyph_count() == 256);
    CHECK_FALSE(f.has_unicode_table());
    GlyphBitmap g = f.glyph('A');
    CHECK(g.rows[0] == 'A');
    CHECK(g.rows == b.data() + 4 + 'A' * 16);
    CHECK(g.bytes_per_row == 1);
    // Out of range falls back to '?'.
    CHECK(f.glyph(0x20AC).rows[0] == '?');
    CHECK(f.glyph_index(0xFFFFFFFF) == '?');
}

TEST_CASE("psf1 512-glyph mode")
{
    Blob b = make_psf1(0x01, 8, 512);
    auto font = parse(b);
    REQUIRE_FALSE(font.is_error());
    CHECK(font.value().glyph_count() == 512);
    CHECK(font.value().glyph_index(300) == 300);
}

TEST_CASE("psf1 unicode table maps codepoints and skips sequences")
{
    Blob b = make_psf1(0x02, 4, 256);
    for (u32 g = 0; g < 256; ++g) {
        if (g == 1) {
            put16(b, 0x00E9);   // é -> glyph 1
            put16(b, 0xFFFE);   // a sequence: must not map 'e'
            put16(b, 'e');
            put16(b, 0x0301);
        } else if (g == 2) {
            put16(b, 0x2500);   // box drawing -> glyph 2
        } else if (g == 3) {
            put16(b, 0xFFFD);
        } else if (g >= 0x20 && g < 0x7F) {
            put16(b, u16(g));
        }
        put16(b, 0xFFFF);
    }
    auto font = parse(b);
    REQUIRE_FALSE(font.is_error());
    auto& f = font.value();
    CHECK(f.has_unicode_table());
    CHECK(f.glyph_index('A') == 'A');
    CHECK(f.glyph_index(0xE9) == 1);
    CHECK(f.glyph_index(0x2500) == 2);
    CHECK(f.fallback_index() == 3);
    CHECK(f.glyph_index(0x10) == 3);    // unmapped Latin-1
    CHECK(f.glyph_index(0x1F600) == 3); // unmapped beyond
    CHECK(f.glyph(0xE9).rows[0] == 1);
}

TEST_CASE("psf1 truncated unicode table is dropped, not trusted")
{
    Blob b = make_psf1(0x02, 4, 256);
    put16(b, 'A');
    put16(b, 0xFFFF);
    put16(b, 'B'); // then the table ends 254 entries early
    auto font = parse(b);
    REQUIRE_FALSE(font.is_error());
    CHECK_FALSE(font.value().has_unicode_table());
    CHECK(font.value().glyph_index('B') == 'B');
}

TEST_CASE("psf1 truncated glyphs are rejected")
{
    Blob b = make_psf1(0, 16, 256);
    b.pop_back();
    CHECK(parse(b).error() == Error::BadMessage);
    Blob b512 = make_psf1(0x01, 16, 256); // claims 512
    CHECK(parse(b512).error() == Error::BadMessage);
    Blob zero = make_psf1(0, 0, 256);
    CHECK(parse(zero).error() == Error::BadMessage);
    Blob tiny { 0x36, 0x04, 0 };
    CHECK(parse(tiny).error() == Error::BadMessage);
}

TEST_CASE("psf2 wide glyphs")
{
    Blob b = make_psf2(128, 12, 24);
    auto font = parse(b);
    REQUIRE_FALSE(font.is_error());
    auto& f = font.value();
    CHECK(f.width() == 12);
    CHECK(f.height() == 24);
    CHECK(f.bytes_per_glyph() == 48);
    GlyphBitmap g = f.glyph('x');
    CHECK(g.bytes_per_row == 2);
    CHECK(g.rows == b.data() + 32 + 'x' * 48);
    CHECK(g.pixel(1, 0) == (('x' >> 6) & 1));
    CHECK_FALSE(g.pixel(12, 0)); // outside the glyph
    CHECK_FALSE(g.pixel(0, 24));
    CHECK(f.glyph_index(200) == '?');
}

TEST_CASE("psf2 with a larger header and a UTF-8 unicode table")
{
    Blob b = make_psf2(4, 8, 8, 1, 40);
    b.insert(b.end(), { 'a', 0xFF });
    b.insert(b.end(), { 0xC3, 0xA9, 0xFE, 'e', 0xCC, 0x81, 0xFF });
    b.insert(b.end(), { 0xE2, 0x94, 0x80, 0xFF });
    b.insert(b.end(), { '?', 0xFF });
    auto font = parse(b);
    REQUIRE_FALSE(font.is_error());
    auto& f = font.value();
    CHECK(f.has_unicode_table());
    CHECK(f.glyph_index('a') == 0);
    CHECK(f.glyph_index(0xE9) == 1);
    CHECK(f.glyph_index('e') == 3); // only in a sequence: falls back to '?'
    CHECK(f.glyph_index(0x2500) == 2);
    CHECK(f.glyph(0x2500).rows == b.data() + 40 + 2 * 8);
}

TEST_CASE("psf2 malformed UTF-8 in the table drops the table")
{
    Blob b = make_psf2(2, 8, 8, 1);
    b.insert(b.end(), { 0xC3, 0xFF, 0xFF }); // truncated sequence
    auto font = parse(b);
    REQUIRE_FALSE(font.is_error());
    CHECK_FALSE(font.value().has_unicode_table());
}

TEST_CASE("psf2 lying headers are rejected")
{
    auto with = [](usize offset, u32 value) {
        Blob b = make_psf2(16, 8, 16);
        for (int i = 0; i < 4; ++i)
            b[offset + i] = u8(value >> (8 * i));
        return parse(b);
    };
    CHECK(with(4, 1).error() == Error::BadMessage);            // version
    CHECK(with(8, 16).error() == Error::BadMessage);           // header too small
    CHECK(with(8, 0xFFFFFFF0).error() == Error::BadMessage);   // header past the end
    CHECK(with(16, 17).error() == Error::BadMessage);          // more glyphs than bytes
    CHECK(with(16, 0).error() == Error::BadMessage);
    CHECK(with(16, 0x80000000).error() == Error::BadMessage);
    CHECK(with(20, 15).error() == Error::BadMessage);          // bytes per glyph mismatch
    CHECK(with(24, 0).error() == Error::BadMessage);           // height
    CHECK(with(24, 0x10000001).error() == Error::BadMessage);
    CHECK(with(28, 0).error() == Error::BadMessage);           // width
    CHECK(with(28, 0xFFFFFFFF).error() == Error::BadMessage);

    Blob b = make_psf2(16, 8, 16);
    b.pop_back();
    CHECK(parse(b).error() == Error::BadMessage);
    CHECK(PsfFont::parse(b.data(), 31).error() == Error::BadMessage);
    CHECK(PsfFont::parse(nullptr, 0).error() == Error::InvalidArgument);
    Blob junk(64, 0xAB);
    CHECK(parse(junk).error() == Error::BadMessage);
}

// The font the kernel embeds: build/font.psf, or straight from console-setup.
TEST_CASE("the build's console font parses and maps ASCII and Latin-1")
{
    Blob b;
    auto slurp = [&](FILE* file) {
        int c;
        while ((c = fgetc(file)) != EOF)
            b.push_back(u8(c));
    };
    if (FILE* file = fopen("build/font.psf", "rb")) {
        slurp(file);
        fclose(file);
    } else if (FILE* pipe = popen("gzip -dc /usr/share/consolefonts/Lat15-Terminus16.psf.gz 2>/dev/null", "r")) {
        slurp(pipe);
        pclose(pipe);
    }
    if (b.empty()) {
        WARN("no build/font.psf and no console-setup font; skipping the real-font check");
        return;
    }
    auto font = parse(b);
    REQUIRE_FALSE(font.is_error());
    auto& f = font.value();
    CHECK(f.width() == 8);
    CHECK(f.height() == 16);
    CHECK(f.has_unicode_table());
    // 'A' has ink; space has none; é is a different glyph from e.
    GlyphBitmap a = f.glyph('A');
    GlyphBitmap space = f.glyph(' ');
    u32 a_ink = 0, space_ink = 0;
    for (u32 y = 0; y < 16; ++y)
        for (u32 x = 0; x < 8; ++x)
            a_ink += a.pixel(x, y), space_ink += space.pixel(x, y);
    CHECK(a_ink > 10);
    CHECK(space_ink == 0);
    CHECK(f.glyph_index(0xE9) != f.glyph_index('e'));
    CHECK(f.glyph_index(0xE9) != f.fallback_index());
}
