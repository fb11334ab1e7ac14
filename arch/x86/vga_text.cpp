// VGA text mode: each cell is a CP437 character byte plus an attribute byte
// (background << 4 | foreground, in the VGA's own colour order). The hardware
// cursor is programmed through the CRTC index/data ports.
#include "arch/x86/vga_text.h"

#include "arch/x86/io.h"
#include "kernel/arch/memory.h"
#include "kernel/console/cp437.h"
#include "kernel/lib/string.h"

namespace x86 {

namespace {

constexpr PhysAddr VGA_TEXT_BUFFER = 0xB8000;
constexpr u16 CRTC_INDEX = 0x3D4;
constexpr u16 CRTC_DATA = 0x3D5;
constexpr u8 CRTC_CURSOR_START = 0x0A;
constexpr u8 CRTC_CURSOR_END = 0x0B;
constexpr u8 CRTC_CURSOR_HIGH = 0x0E;
constexpr u8 CRTC_CURSOR_LOW = 0x0F;
constexpr u8 CURSOR_DISABLE = 0x20;
// Underline cursor in the 16-scanline character cell.
constexpr u8 CURSOR_FIRST_SCANLINE = 14;
constexpr u8 CURSOR_LAST_SCANLINE = 15;

constexpr u16 INPUT_STATUS_1 = 0x3DA; // reading it resets the attribute flip-flop
constexpr u16 ATTRIBUTE_INDEX = 0x3C0;
constexpr u16 ATTRIBUTE_DATA_READ = 0x3C1;
constexpr u8 ATTRIBUTE_MODE_CONTROL = 0x10;
constexpr u8 ATTRIBUTE_PALETTE_ENABLE = 0x20; // keep the display on while indexing
constexpr u8 MODE_CONTROL_BLINK = 0x08;

// ANSI colour index -> VGA colour index (the VGA swaps red and blue bits).
constexpr u8 ANSI_TO_VGA[16] = { 0, 4, 2, 6, 1, 5, 3, 7, 8, 12, 10, 14, 9, 13, 11, 15 };

VgaTextSurface g_vga_text;

u16 make_cell(u8 character, CellAttr attr)
{
    u8 attribute = u8(ANSI_TO_VGA[attr.bg & 15] << 4 | ANSI_TO_VGA[attr.fg & 15]);
    return u16(attribute << 8 | character);
}

void crtc_write(u8 index, u8 value)
{
    outb(CRTC_INDEX, index);
    outb(CRTC_DATA, value);
}

void disable_blink()
{
    inb(INPUT_STATUS_1);
    outb(ATTRIBUTE_INDEX, ATTRIBUTE_MODE_CONTROL | ATTRIBUTE_PALETTE_ENABLE);
    u8 mode = inb(ATTRIBUTE_DATA_READ);
    outb(ATTRIBUTE_INDEX, u8(mode & ~MODE_CONTROL_BLINK));
}

} // namespace

void VgaTextSurface::init(u32 columns, u32 rows)
{
    m_cells = static_cast<u16*>(arch::phys_to_virt(VGA_TEXT_BUFFER));
    m_columns = columns;
    m_rows = rows;
    disable_blink();
    crtc_write(CRTC_CURSOR_START, CURSOR_FIRST_SCANLINE);
    crtc_write(CRTC_CURSOR_END, CURSOR_LAST_SCANLINE);
}

void VgaTextSurface::put_cell(u32 col, u32 row, u32 codepoint, CellAttr attr)
{
    m_cells[row * m_columns + col] = make_cell(codepoint_to_cp437(codepoint), attr);
}

void VgaTextSurface::clear_span(u32 col, u32 row, u32 count, CellAttr attr)
{
    u16 blank = make_cell(' ', attr);
    u16* cell = m_cells + row * m_columns + col;
    for (u32 i = 0; i < count; ++i)
        cell[i] = blank;
}

void VgaTextSurface::copy_rows(u32 dst_row, u32 src_row, u32 count)
{
    memmove(m_cells + dst_row * m_columns, m_cells + src_row * m_columns, usize(count) * m_columns * sizeof(u16));
}

void VgaTextSurface::copy_span(u32 row, u32 dst_col, u32 src_col, u32 count)
{
    u16* line = m_cells + row * m_columns;
    memmove(line + dst_col, line + src_col, usize(count) * sizeof(u16));
}

void VgaTextSurface::set_cursor(u32 col, u32 row, bool visible)
{
    if (visible != m_cursor_visible) {
        crtc_write(CRTC_CURSOR_START, visible ? CURSOR_FIRST_SCANLINE : CURSOR_DISABLE);
        m_cursor_visible = visible;
    }
    u16 position = u16(row * m_columns + col);
    crtc_write(CRTC_CURSOR_HIGH, u8(position >> 8));
    crtc_write(CRTC_CURSOR_LOW, u8(position));
}

VgaTextSurface& vga_text_init(u32 columns, u32 rows)
{
    g_vga_text.init(columns, rows);
    return g_vga_text;
}

} // namespace x86
