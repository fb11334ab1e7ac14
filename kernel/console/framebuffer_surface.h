// FramebufferSurface: a TextSurface drawn with a PsfFont onto a linear RGB
// framebuffer (16, 24 or 32 bits per pixel, any channel layout). Portable: it
// only writes to memory it is given, so the arch maps the framebuffer first.
// Not locked: its only caller is a Terminal, which serialises every call.
#pragma once

#include "kernel/console/psf_font.h"
#include "kernel/console/text_surface.h"
#include "kernel/lib/result.h"

// Where the pixels are and how a pixel is encoded (the Multiboot2 framebuffer tag's
// fields). pixels is a ready-to-use virtual address for pitch * height bytes.
struct FramebufferLayout {
    u8* pixels;
    u32 pitch; // bytes per scanline
    u32 width; // pixels
    u32 height;
    u8 bpp;
    u8 red_position, red_size;
    u8 green_position, green_size;
    u8 blue_position, blue_size;
};

class FramebufferSurface final : public TextSurface {
public:
    // Shadow cells (one u32 each) the surface needs for layout and font.
    static usize cells_needed(FramebufferLayout const& layout, PsfFont const& font);
    // Validates the layout (InvalidArgument for unsupported depths, channel fields
    // that do not fit a pixel, or a pitch too small for the width), clears the
    // screen and starts with a blank grid. cell_storage must outlive the surface;
    // with fewer than cells_needed() cells the grid is cut to fewer rows (NoSpace
    // if not even one row fits). The font is copied; its blob must stay alive.
    static Result<FramebufferSurface> create(FramebufferLayout const& layout, PsfFont const& font,
        u32* cell_storage, usize cell_capacity);

    u32 columns() const override { return m_columns; }
    u32 rows() const override { return m_rows; }
    void put_cell(u32 col, u32 row, u32 codepoint, CellAttr attr) override;
    void clear_span(u32 col, u32 row, u32 count, CellAttr attr) override;
    void copy_rows(u32 dst_row, u32 src_row, u32 count) override;
    void copy_span(u32 row, u32 dst_col, u32 src_col, u32 count) override;
    void set_cursor(u32 col, u32 row, bool visible) override;

    // The encoded pixel value for palette colour index (for tests).
    u32 pixel_value(u8 color) const { return m_palette[color & 15]; }

private:
    FramebufferSurface(FramebufferLayout const& layout, PsfFont const& font, u32* cells);

    // A shadow cell packs codepoint (21 bits), foreground and background (4 each).
    static u32 pack(u32 codepoint, CellAttr attr);
    // Sets the shadow cell and redraws it, unless it already holds that value.
    void store(u32 col, u32 row, u32 cell);
    void draw(u32 col, u32 row, u32 cell, bool inverted);
    // Repaints the cell under a drawn cursor, so that moving pixels or cells
    // never drags a stale cursor image along.
    void hide_cursor();
    u32& cell_at(u32 col, u32 row) { return m_cells[usize(row) * m_columns + col]; }

    FramebufferLayout m_layout;
    PsfFont m_font;
    u32* m_cells;
    u32 m_columns { 0 };
    u32 m_rows { 0 };
    u32 m_bytes_per_pixel { 0 };
    u32 m_palette[16] {};
    u32 m_cursor_col { 0 };
    u32 m_cursor_row { 0 };
    bool m_cursor_drawn { false };
};
