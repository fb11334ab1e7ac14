// Terminal: a VT100/ANSI (xterm subset) emulator that turns a byte stream into
// drawing on a TextSurface. Covers what a shell, the kernel log and a small
// full-screen editor need; unknown sequences are consumed and ignored.
// Locking: write() and reset() take the terminal's spinlock (interrupts off), so
// they may be called from any context; the surface is only touched under it.
#pragma once

#include "kernel/console/text_surface.h"
#include "kernel/console/utf8_decoder.h"
#include "kernel/sync/spinlock.h"

class Terminal {
public:
    // Parameters beyond this many in one sequence are ignored, and each value is
    // capped, so hostile input cannot overflow anything.
    static constexpr u32 MAX_PARAMS = 16;
    static constexpr u32 MAX_PARAM_VALUE = 9999;
    static constexpr u32 TAB_WIDTH = 8;

    // Does not draw: call reset() to clear the screen and home the cursor.
    explicit Terminal(TextSurface& surface);
    Terminal(Terminal const&) = delete;
    Terminal& operator=(Terminal const&) = delete;

    // Interprets bytes (UTF-8 text and control sequences). Sequences may be split
    // across calls. LF is a pure line feed, as on a VT100: a newline needs CR LF.
    void write(char const* data, usize length);
    // Full reset (also reachable as ESC c): default colours and modes, cleared
    // screen, cursor home.
    void reset();

    // Snapshot accessors for tests and the debug monitor (read without the lock).
    u32 columns() const { return m_columns; }
    u32 rows() const { return m_rows; }
    u32 cursor_col() const { return m_col; }
    u32 cursor_row() const { return m_row; }
    bool cursor_visible() const { return m_cursor_visible; }
    // Colours the next printed character gets.
    CellAttr current_attr() const { return effective_attr(); }

private:
    enum class State : u8 {
        Ground,
        Escape,             // after ESC
        EscapeIntermediate, // ESC ( B and friends: wait for the final byte
        Csi,                // ESC [ parameters
        CsiIgnore,          // malformed CSI: swallow to its final byte
        String,             // OSC/DCS/PM/APC payload, ended by BEL or ESC
    };

    struct SavedCursor {
        u32 col;
        u32 row;
        u8 fg;
        u8 bg;
        bool bold;
        bool reverse;
    };

    // All of these run with m_lock held.
    void reset_locked();
    void feed(u8 byte);
    void handle_codepoint(u32 codepoint);
    void execute_control(u8 control);
    void print(u32 codepoint);
    void escape_dispatch(u8 final_byte);
    void csi_collect(u8 byte);
    void csi_dispatch(u8 final_byte);
    void select_graphic_rendition();
    void set_private_mode(bool enable);

    void line_feed();
    void reverse_index();
    void carriage_return();
    void move_to(u32 col, u32 row);
    void scroll_up(u32 top, u32 bottom, u32 lines);
    void scroll_down(u32 top, u32 bottom, u32 lines);
    void clear_rows(u32 first, u32 last);
    void erase_in_display(u32 mode);
    void erase_in_line(u32 mode);
    void save_cursor();
    void restore_cursor();

    // Parameter index i, or fallback when it is absent or zero.
    u32 param(u32 i, u32 fallback) const;
    CellAttr effective_attr() const;
    CellAttr blank_attr() const;

    TextSurface& m_surface;
    u32 m_columns;
    u32 m_rows;

    u32 m_col { 0 };
    u32 m_row { 0 };
    // Set after printing in the last column: the wrap happens only when the next
    // character comes, so a full-width line does not leave an empty line behind.
    bool m_wrap_pending { false };
    u32 m_scroll_top { 0 };
    u32 m_scroll_bottom { 0 }; // inclusive
    bool m_autowrap { true };
    bool m_cursor_visible { true };

    u8 m_fg { ColorWhite };
    u8 m_bg { ColorBlack };
    bool m_bold { false };
    bool m_reverse { false };
    SavedCursor m_saved {};

    State m_state { State::Ground };
    u32 m_params[MAX_PARAMS] {};
    u32 m_param_count { 0 };
    u8 m_private_marker { 0 };
    u8 m_intermediate { 0 };
    Utf8Decoder m_utf8;

    Spinlock m_lock;
};
