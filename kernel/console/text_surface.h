// TextSurface: the grid of character cells a Terminal draws on (VGA text memory,
// a framebuffer, a test fake). The Terminal owns all policy; a surface only
// stores and shows cells, so every primitive here is small and already clamped.
#pragma once

#include "kernel/lib/types.h"

// The 16 colours of the ANSI/VGA palette in ANSI order (SGR 30+n); 8-15 are the
// bright variants. Each surface maps them to its own hardware encoding.
enum AnsiColor : u8 {
    ColorBlack = 0,
    ColorRed = 1,
    ColorGreen = 2,
    ColorYellow = 3,
    ColorBlue = 4,
    ColorMagenta = 5,
    ColorCyan = 6,
    ColorWhite = 7,
    ColorBrightBlack = 8,
    ColorBrightWhite = 15,
};

// Final colours of one cell: bold, reverse video and defaults are already
// resolved by the terminal, so a surface never needs to know about them.
struct CellAttr {
    u8 fg { ColorWhite };
    u8 bg { ColorBlack };

    bool operator==(CellAttr const&) const = default;
};

// Every call is made with coordinates inside columns() x rows() and counts that
// stay inside the grid; surfaces may rely on that. Calls come from one Terminal,
// which serialises them under its own lock.
class TextSurface {
public:
    virtual u32 columns() const = 0;
    virtual u32 rows() const = 0;

    // Draws codepoint at (col, row).
    virtual void put_cell(u32 col, u32 row, u32 codepoint, CellAttr attr) = 0;
    // Blanks count cells of one row starting at col (a space in attr's colours).
    virtual void clear_span(u32 col, u32 row, u32 count, CellAttr attr) = 0;
    // Moves count whole rows from src_row to dst_row, like memmove (ranges may
    // overlap). Rows left behind keep their old contents; the terminal clears them.
    virtual void copy_rows(u32 dst_row, u32 src_row, u32 count) = 0;
    // Moves count cells within one row from src_col to dst_col, like memmove.
    virtual void copy_span(u32 row, u32 dst_col, u32 src_col, u32 count) = 0;
    // Shows (or hides) the cursor at (col, row). Called once at the end of every
    // terminal write, so it is a good place to flush batched drawing.
    virtual void set_cursor(u32 col, u32 row, bool visible) = 0;

protected:
    // Not virtual: surfaces are never deleted through this interface, and a
    // virtual destructor would drag operator delete into static surfaces.
    ~TextSurface() = default;
};
