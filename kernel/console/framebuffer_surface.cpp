// Glyph rendering onto a linear framebuffer. Framebuffer memory is usually mapped
// uncached, where reads are very slow, so the surface never reads pixels back:
// scrolling redraws from the shadow cell grid, and only cells that change.
#include "kernel/console/framebuffer_surface.h"

#include "kernel/lib/string.h"

namespace {

// The classic VGA palette in ANSI order, as 0xRRGGBB.
constexpr u32 PALETTE_RGB[16] = {
    0x000000, 0xAA0000, 0x00AA00, 0xAA5500, 0x0000AA, 0xAA00AA, 0x00AAAA, 0xAAAAAA,
    0x555555, 0xFF5555, 0x55FF55, 0xFFFF55, 0x5555FF, 0xFF55FF, 0x55FFFF, 0xFFFFFF,
};

constexpr u32 CODEPOINT_MASK = 0x1FFFFF;

bool channel_fits(u8 position, u8 size, u8 bpp) { return size >= 1 && size <= 8 && position + size <= bpp; }

u32 encode_channel(u32 value8, u8 position, u8 size) { return (value8 >> (8 - size)) << position; }

// The pixel size is a template argument so each store compiles to one or two
// moves; memcpy keeps unaligned (24-bit) pixels well-defined. Little-endian low
// bytes of the encoded value are the pixel at every depth.
template<u32 BytesPerPixel>
void paint_glyph(u8* origin, u32 pitch, GlyphBitmap const& glyph, u32 fg, u32 bg)
{
    for (u32 y = 0; y < glyph.height; ++y) {
        u8* line = origin + usize(y) * pitch;
        u8 const* bits = glyph.rows + usize(y) * glyph.bytes_per_row;
        for (u32 x = 0; x < glyph.width; ++x) {
            u32 value = (bits[x / 8] >> (7 - x % 8)) & 1 ? fg : bg;
            memcpy(line + x * BytesPerPixel, &value, BytesPerPixel);
        }
    }
}

} // namespace

usize FramebufferSurface::cells_needed(FramebufferLayout const& layout, PsfFont const& font)
{
    return usize(layout.width / font.width()) * (layout.height / font.height());
}

Result<FramebufferSurface> FramebufferSurface::create(FramebufferLayout const& layout, PsfFont const& font,
    u32* cell_storage, usize cell_capacity)
{
    if (!layout.pixels || !cell_storage)
        return Error::InvalidArgument;
    if (layout.bpp != 16 && layout.bpp != 24 && layout.bpp != 32)
        return Error::InvalidArgument;
    if (!channel_fits(layout.red_position, layout.red_size, layout.bpp)
        || !channel_fits(layout.green_position, layout.green_size, layout.bpp)
        || !channel_fits(layout.blue_position, layout.blue_size, layout.bpp))
        return Error::InvalidArgument;
    if (u64(layout.width) * (layout.bpp / 8) > layout.pitch)
        return Error::InvalidArgument;

    u32 columns = layout.width / font.width();
    u32 rows = layout.height / font.height();
    if (columns == 0 || rows == 0)
        return Error::InvalidArgument;
    if (cell_capacity < usize(columns) * rows)
        rows = u32(cell_capacity / columns);
    if (rows == 0)
        return Error::NoSpace;

    FramebufferSurface surface(layout, font, cell_storage);
    surface.m_columns = columns;
    surface.m_rows = rows;
    // Blank screen and grid agree from the start, so unchanged cells can be
    // skipped (palette black encodes as 0 in every layout).
    for (u32 y = 0; y < layout.height; ++y)
        memset(layout.pixels + usize(y) * layout.pitch, 0, usize(layout.width) * surface.m_bytes_per_pixel);
    u32 blank = pack(' ', CellAttr { ColorWhite, ColorBlack });
    for (usize i = 0; i < usize(columns) * rows; ++i)
        cell_storage[i] = blank;
    return surface;
}

FramebufferSurface::FramebufferSurface(FramebufferLayout const& layout, PsfFont const& font, u32* cells)
    : m_layout(layout)
    , m_font(font)
    , m_cells(cells)
    , m_bytes_per_pixel(layout.bpp / 8)
{
    for (u32 i = 0; i < 16; ++i) {
        u32 rgb = PALETTE_RGB[i];
        m_palette[i] = encode_channel((rgb >> 16) & 0xFF, layout.red_position, layout.red_size)
            | encode_channel((rgb >> 8) & 0xFF, layout.green_position, layout.green_size)
            | encode_channel(rgb & 0xFF, layout.blue_position, layout.blue_size);
    }
}

u32 FramebufferSurface::pack(u32 codepoint, CellAttr attr)
{
    return (codepoint & CODEPOINT_MASK) | u32(attr.fg & 15) << 21 | u32(attr.bg & 15) << 25;
}

void FramebufferSurface::draw(u32 col, u32 row, u32 cell, bool inverted)
{
    u32 fg = m_palette[(cell >> 21) & 15];
    u32 bg = m_palette[(cell >> 25) & 15];
    if (inverted) {
        u32 t = fg;
        fg = bg;
        bg = t;
    }
    GlyphBitmap glyph = m_font.glyph(cell & CODEPOINT_MASK);
    u8* origin = m_layout.pixels + usize(row) * m_font.height() * m_layout.pitch
        + usize(col) * m_font.width() * m_bytes_per_pixel;
    switch (m_bytes_per_pixel) {
    case 4:
        paint_glyph<4>(origin, m_layout.pitch, glyph, fg, bg);
        break;
    case 3:
        paint_glyph<3>(origin, m_layout.pitch, glyph, fg, bg);
        break;
    default:
        paint_glyph<2>(origin, m_layout.pitch, glyph, fg, bg);
        break;
    }
}

void FramebufferSurface::store(u32 col, u32 row, u32 cell)
{
    u32& slot = cell_at(col, row);
    if (slot == cell)
        return;
    slot = cell;
    draw(col, row, cell, false);
    if (col == m_cursor_col && row == m_cursor_row)
        m_cursor_drawn = false;
}

void FramebufferSurface::hide_cursor()
{
    if (!m_cursor_drawn)
        return;
    draw(m_cursor_col, m_cursor_row, cell_at(m_cursor_col, m_cursor_row), false);
    m_cursor_drawn = false;
}

void FramebufferSurface::put_cell(u32 col, u32 row, u32 codepoint, CellAttr attr)
{
    store(col, row, pack(codepoint, attr));
}

void FramebufferSurface::clear_span(u32 col, u32 row, u32 count, CellAttr attr)
{
    u32 blank = pack(' ', attr);
    for (u32 i = 0; i < count; ++i)
        store(col + i, row, blank);
}

void FramebufferSurface::copy_rows(u32 dst_row, u32 src_row, u32 count)
{
    if (dst_row == src_row || count == 0)
        return;
    hide_cursor();
    // Row order as memmove: never read a row this copy has already overwritten.
    for (u32 i = 0; i < count; ++i) {
        u32 k = dst_row < src_row ? i : count - 1 - i;
        for (u32 col = 0; col < m_columns; ++col)
            store(col, dst_row + k, cell_at(col, src_row + k));
    }
}

void FramebufferSurface::copy_span(u32 row, u32 dst_col, u32 src_col, u32 count)
{
    if (dst_col == src_col || count == 0)
        return;
    hide_cursor();
    for (u32 i = 0; i < count; ++i) {
        u32 k = dst_col < src_col ? i : count - 1 - i;
        store(dst_col + k, row, cell_at(src_col + k, row));
    }
}

void FramebufferSurface::set_cursor(u32 col, u32 row, bool visible)
{
    if (m_cursor_drawn && visible && col == m_cursor_col && row == m_cursor_row)
        return;
    hide_cursor();
    m_cursor_col = col;
    m_cursor_row = row;
    if (visible) {
        draw(col, row, cell_at(col, row), true);
        m_cursor_drawn = true;
    }
}
