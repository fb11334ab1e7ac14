// The VGA text-mode console surface (BIOS boots): the 80x25 cell buffer at
// physical 0xB8000, reached through the direct map, and the CRTC's hardware
// cursor. Not locked: its only caller is the Terminal attached to it.
#pragma once

#include "kernel/console/text_surface.h"

namespace x86 {

class VgaTextSurface final : public TextSurface {
public:
    constexpr VgaTextSurface() = default;

    // Points the surface at the text buffer and sets up the hardware: disables
    // blinking so bright backgrounds work, and gives the cursor an underline
    // shape. columns and rows come from the Multiboot2 EGA-text framebuffer tag
    // when there is one (80x25 otherwise). Needs the direct map (phys_to_virt).
    void init(u32 columns, u32 rows);

    u32 columns() const override { return m_columns; }
    u32 rows() const override { return m_rows; }
    void put_cell(u32 col, u32 row, u32 codepoint, CellAttr attr) override;
    void clear_span(u32 col, u32 row, u32 count, CellAttr attr) override;
    void copy_rows(u32 dst_row, u32 src_row, u32 count) override;
    void copy_span(u32 row, u32 dst_col, u32 src_col, u32 count) override;
    void set_cursor(u32 col, u32 row, bool visible) override;

private:
    u16* m_cells { nullptr };
    u32 m_columns { 0 };
    u32 m_rows { 0 };
    bool m_cursor_visible { true };
};

// The one VGA text surface, initialised (80x25 unless told otherwise). Attach it
// with console_attach(). Safe to call more than once.
VgaTextSurface& vga_text_init(u32 columns = 80, u32 rows = 25);

} // namespace x86
