// FramebufferSurface over an in-memory pixel buffer: layout validation, glyph
// pixels in each depth and channel order, scrolling, and the cursor.
#include <catch2/catch.hpp>
#include <cstring>
#include <vector>

#include "kernel/console/framebuffer_surface.h"

namespace {

// A 4x6 PSF2 font whose glyph n has row 0 = 0xF0 when n is odd (a full top
// line), else empty; rows 1.. are empty except the glyph for 'X', which is solid.
std::vector<u8> make_font()
{
    std::vector<u8> b { 0x72, 0xb5, 0x4a, 0x86 };
    auto put32 = [&](u32 v) {
        for (int i = 0; i < 4; ++i)
            b.push_back(u8(v >> (8 * i)));
    };
    put32(0), put32(32), put32(0), put32(128), put32(6), put32(6), put32(4);
    for (u32 g = 0; g < 128; ++g)
        for (u32 r = 0; r < 6; ++r)
            b.push_back(g == 'X' ? 0xF0 : (r == 0 && (g & 1)) ? 0xF0 : 0x00);
    return b;
}

struct Screen {
    std::vector<u8> font_blob = make_font();
    PsfFont font = PsfFont::parse(font_blob.data(), font_blob.size()).release_value();
    std::vector<u8> pixels;
    std::vector<u32> cells;
    FramebufferLayout layout;

    // 32 bpp x8r8g8b8, 10 columns x 3 rows of 4x6 cells, pitch with padding.
    explicit Screen(u8 bpp = 32, u32 width = 40, u32 height = 18)
    {
        u32 pitch = width * (bpp / 8) + 8;
        pixels.assign(usize(pitch) * height, 0xEE);
        layout = FramebufferLayout { pixels.data(), pitch, width, height, bpp, 16, 8, 8, 8, 0, 8 };
        if (bpp == 16)
            layout = FramebufferLayout { pixels.data(), pitch, width, height, bpp, 11, 5, 5, 6, 0, 5 };
        cells.resize(256);
    }
    Result<FramebufferSurface> make() { return FramebufferSurface::create(layout, font, cells.data(), cells.size()); }
    u32 pixel(u32 x, u32 y) const
    {
        u32 bytes = layout.bpp / 8;
        u32 value = 0;
        memcpy(&value, pixels.data() + usize(y) * layout.pitch + x * bytes, bytes);
        return value;
    }
};

} // namespace

TEST_CASE("framebuffer rejects unsupported layouts")
{
    Screen s;
    s.layout.bpp = 8;
    CHECK(s.make().error() == Error::InvalidArgument);
    s.layout.bpp = 32;
    s.layout.red_position = 30; // 30 + 8 > 32
    CHECK(s.make().error() == Error::InvalidArgument);
    s.layout.red_position = 16;
    s.layout.blue_size = 0;
    CHECK(s.make().error() == Error::InvalidArgument);
    s.layout.blue_size = 8;
    s.layout.pitch = 40 * 4 - 1;
    CHECK(s.make().error() == Error::InvalidArgument);
    s.layout.pitch = 40 * 4;
    s.layout.width = 3; // narrower than one glyph
    CHECK(s.make().error() == Error::InvalidArgument);
    s.layout.width = 40;
    CHECK(FramebufferSurface::create(s.layout, s.font, s.cells.data(), 5).error() == Error::NoSpace);
    CHECK_FALSE(s.make().is_error());
}

TEST_CASE("framebuffer grid size, shortened when cells are scarce")
{
    Screen s;
    CHECK(FramebufferSurface::cells_needed(s.layout, s.font) == 30);
    auto full = s.make();
    REQUIRE_FALSE(full.is_error());
    CHECK(full.value().columns() == 10);
    CHECK(full.value().rows() == 3);
    auto cut = FramebufferSurface::create(s.layout, s.font, s.cells.data(), 25);
    REQUIRE_FALSE(cut.is_error());
    CHECK(cut.value().rows() == 2);
}

TEST_CASE("framebuffer clears the screen and draws glyph pixels in palette colours")
{
    Screen s;
    auto result = s.make();
    REQUIRE_FALSE(result.is_error());
    auto& fb = result.value();
    CHECK(s.pixel(39, 17) == 0);
    // Pitch padding is not part of the screen and stays untouched.
    CHECK(s.pixels[40 * 4] == 0xEE);

    CHECK(fb.pixel_value(ColorRed) == 0xAA0000);
    CHECK(fb.pixel_value(ColorBrightWhite) == 0xFFFFFF);
    fb.put_cell(2, 1, 'A', CellAttr { ColorBrightWhite, ColorBlue }); // 'A' = 65: odd
    for (u32 x = 8; x < 12; ++x) {
        CHECK(s.pixel(x, 6) == 0xFFFFFF); // top row: ink
        CHECK(s.pixel(x, 7) == 0x0000AA); // below: background
    }
    CHECK(s.pixel(7, 6) == 0); // neighbours untouched
    CHECK(s.pixel(12, 6) == 0);
}

TEST_CASE("framebuffer 16 and 24 bit pixels")
{
    for (u8 bpp : { u8(16), u8(24) }) {
        Screen s(bpp);
        auto result = s.make();
        REQUIRE_FALSE(result.is_error());
        auto& fb = result.value();
        fb.put_cell(0, 0, 'X', CellAttr { ColorBrightWhite, ColorBlack });
        u32 white = bpp == 16 ? 0xFFFF : 0xFFFFFF;
        CHECK(s.pixel(0, 0) == white);
        CHECK(s.pixel(3, 5) == white);
        CHECK(s.pixel(4, 0) == 0);
        if (bpp == 16)
            CHECK(fb.pixel_value(ColorRed) == (0xAAu >> 3) << 11);
    }
}

TEST_CASE("framebuffer copy_rows moves the picture and keeps memmove order")
{
    Screen s;
    auto result = s.make();
    REQUIRE_FALSE(result.is_error());
    auto& fb = result.value();
    fb.put_cell(0, 1, 'X', CellAttr { ColorRed, ColorBlack });
    fb.put_cell(0, 2, 'X', CellAttr { ColorGreen, ColorBlack });
    fb.copy_rows(0, 1, 2); // scroll up one row
    CHECK(s.pixel(0, 0) == 0xAA0000);
    CHECK(s.pixel(0, 6) == 0x00AA00);
    CHECK(s.pixel(0, 12) == 0x00AA00); // the old last row stays until cleared
    fb.clear_span(0, 2, 10, CellAttr { ColorWhite, ColorBlack });
    CHECK(s.pixel(0, 12) == 0);
    fb.copy_rows(1, 0, 2); // scroll down one row
    CHECK(s.pixel(0, 0) == 0xAA0000);
    CHECK(s.pixel(0, 6) == 0xAA0000);
    CHECK(s.pixel(0, 12) == 0x00AA00);
}

TEST_CASE("framebuffer copy_span and the cursor")
{
    Screen s;
    auto result = s.make();
    REQUIRE_FALSE(result.is_error());
    auto& fb = result.value();
    fb.put_cell(1, 0, 'X', CellAttr { ColorRed, ColorBlack });
    fb.copy_span(0, 2, 1, 3);
    CHECK(s.pixel(8, 0) == 0xAA0000);
    CHECK(s.pixel(4, 0) == 0xAA0000); // source left as it was

    // The cursor inverts its cell, and moving it restores the cell.
    fb.set_cursor(5, 0, true);
    CHECK(s.pixel(20, 3) == 0xAAAAAA);
    fb.set_cursor(6, 0, true);
    CHECK(s.pixel(20, 3) == 0);
    CHECK(s.pixel(24, 3) == 0xAAAAAA);
    // Scrolling must not carry the cursor image along.
    fb.copy_rows(1, 0, 2);
    CHECK(s.pixel(24, 6 + 3) == 0);
    fb.set_cursor(6, 0, false);
    CHECK(s.pixel(24, 3) == 0);
}
