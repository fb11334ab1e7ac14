// VT100/ANSI interpretation: a small state machine (ground, escape, CSI, string)
// in the spirit of the DEC parser diagrams, plus the cursor and erase logic.
// Every coordinate is clamped here before the surface sees it.
#include "kernel/console/terminal.h"

namespace {

constexpr u8 BEL = 0x07;
constexpr u8 BS = 0x08;
constexpr u8 HT = 0x09;
constexpr u8 LF = 0x0A;
constexpr u8 VT = 0x0B;
constexpr u8 FF = 0x0C;
constexpr u8 CR = 0x0D;
constexpr u8 CAN = 0x18;
constexpr u8 SUB = 0x1A;
constexpr u8 ESC = 0x1B;
constexpr u8 DEL = 0x7F;

u32 min_u32(u32 a, u32 b) { return a < b ? a : b; }

} // namespace

Terminal::Terminal(TextSurface& surface)
    : m_surface(surface)
    , m_columns(surface.columns())
    , m_rows(surface.rows())
{
    m_scroll_bottom = m_rows ? m_rows - 1 : 0;
}

void Terminal::write(char const* data, usize length)
{
    if (m_columns == 0 || m_rows == 0)
        return;
    SpinlockGuard guard(m_lock);
    for (usize i = 0; i < length; ++i)
        feed(u8(data[i]));
    m_surface.set_cursor(m_col, m_row, m_cursor_visible);
}

void Terminal::reset()
{
    if (m_columns == 0 || m_rows == 0)
        return;
    SpinlockGuard guard(m_lock);
    reset_locked();
    m_surface.set_cursor(m_col, m_row, m_cursor_visible);
}

void Terminal::reset_locked()
{
    m_fg = ColorWhite;
    m_bg = ColorBlack;
    m_bold = false;
    m_reverse = false;
    m_autowrap = true;
    m_cursor_visible = true;
    m_scroll_top = 0;
    m_scroll_bottom = m_rows - 1;
    m_col = 0;
    m_row = 0;
    m_wrap_pending = false;
    m_saved = SavedCursor { 0, 0, ColorWhite, ColorBlack, false, false };
    m_state = State::Ground;
    m_utf8.reset();
    clear_rows(0, m_rows - 1);
}

void Terminal::feed(u8 byte)
{
    // These interrupt any sequence, in every state.
    if (byte == CAN || byte == SUB) {
        m_state = State::Ground;
        return;
    }
    if (byte == ESC) {
        m_utf8.reset();
        m_state = State::Escape;
        m_intermediate = 0;
        return;
    }

    switch (m_state) {
    case State::Ground: {
        u32 codepoints[2];
        u32 count = m_utf8.feed(byte, codepoints);
        for (u32 i = 0; i < count; ++i)
            handle_codepoint(codepoints[i]);
        return;
    }
    case State::Escape:
        if (byte < 0x20) {
            execute_control(byte);
        } else if (byte < 0x30) {
            m_intermediate = byte;
            m_state = State::EscapeIntermediate;
        } else if (byte == '[') {
            m_param_count = 0;
            for (auto& p : m_params)
                p = 0;
            m_private_marker = 0;
            m_intermediate = 0;
            m_state = State::Csi;
        } else if (byte == ']' || byte == 'P' || byte == 'X' || byte == '^' || byte == '_') {
            m_state = State::String;
        } else {
            m_state = State::Ground;
            escape_dispatch(byte);
        }
        return;
    case State::EscapeIntermediate:
        // Character set designations (ESC ( B) and the like: nothing to do, but
        // the final byte must not be printed.
        if (byte < 0x20)
            execute_control(byte);
        else if (byte >= 0x30)
            m_state = State::Ground;
        return;
    case State::Csi:
    case State::CsiIgnore:
        if (byte < 0x20) {
            execute_control(byte);
        } else if (byte >= 0x40 && byte <= 0x7E) {
            bool ignore = m_state == State::CsiIgnore;
            m_state = State::Ground;
            if (!ignore)
                csi_dispatch(byte);
        } else if (m_state == State::Csi && byte != DEL) {
            csi_collect(byte);
        }
        return;
    case State::String:
        if (byte == BEL)
            m_state = State::Ground;
        return;
    }
}

void Terminal::handle_codepoint(u32 codepoint)
{
    if (codepoint < 0x20) {
        execute_control(u8(codepoint));
        return;
    }
    // DEL and the C1 range draw nothing; C1 controls are not honoured as 8-bit
    // codes because in UTF-8 those bytes are continuation bytes.
    if (codepoint == DEL || (codepoint >= 0x80 && codepoint < 0xA0))
        return;
    print(codepoint);
}

void Terminal::execute_control(u8 control)
{
    switch (control) {
    case BS:
        if (m_col > 0)
            --m_col;
        m_wrap_pending = false;
        break;
    case HT: {
        u32 next = (m_col / TAB_WIDTH + 1) * TAB_WIDTH;
        m_col = min_u32(next, m_columns - 1);
        m_wrap_pending = false;
        break;
    }
    case LF:
    case VT:
    case FF:
        line_feed();
        break;
    case CR:
        carriage_return();
        break;
    default:
        // BEL and the rest: no bell to ring, nothing to show.
        break;
    }
}

void Terminal::print(u32 codepoint)
{
    if (m_wrap_pending) {
        m_wrap_pending = false;
        carriage_return();
        line_feed();
    }
    m_surface.put_cell(m_col, m_row, codepoint, effective_attr());
    if (m_col + 1 < m_columns)
        ++m_col;
    else if (m_autowrap)
        m_wrap_pending = true;
}

void Terminal::escape_dispatch(u8 final_byte)
{
    switch (final_byte) {
    case '7':
        save_cursor();
        break;
    case '8':
        restore_cursor();
        break;
    case 'D': // IND
        line_feed();
        break;
    case 'E': // NEL
        carriage_return();
        line_feed();
        break;
    case 'M': // RI
        reverse_index();
        break;
    case 'c': // RIS
        reset_locked();
        break;
    default:
        break;
    }
}

void Terminal::csi_collect(u8 byte)
{
    if (byte >= '0' && byte <= '9') {
        if (m_intermediate) {
            m_state = State::CsiIgnore;
            return;
        }
        if (m_param_count == 0)
            m_param_count = 1;
        u32 index = m_param_count - 1;
        if (index < MAX_PARAMS)
            m_params[index] = min_u32(m_params[index] * 10 + (byte - '0'), MAX_PARAM_VALUE);
    } else if (byte == ';' || byte == ':') {
        if (m_intermediate) {
            m_state = State::CsiIgnore;
            return;
        }
        if (m_param_count == 0)
            m_param_count = 1;
        // Stops counting one past the limit: the extra parameters are dropped.
        if (m_param_count <= MAX_PARAMS)
            ++m_param_count;
    } else if (byte >= '<' && byte <= '?') {
        if (m_param_count != 0 || m_private_marker != 0 || m_intermediate)
            m_state = State::CsiIgnore;
        else
            m_private_marker = byte;
    } else if (byte >= 0x20 && byte <= 0x2F) {
        m_intermediate = byte;
    }
}

u32 Terminal::param(u32 i, u32 fallback) const
{
    if (i >= m_param_count || i >= MAX_PARAMS || m_params[i] == 0)
        return fallback;
    return m_params[i];
}

void Terminal::csi_dispatch(u8 final_byte)
{
    if (m_intermediate)
        return;
    if (m_private_marker) {
        if (m_private_marker == '?' && (final_byte == 'h' || final_byte == 'l'))
            set_private_mode(final_byte == 'h');
        return;
    }

    u32 n = param(0, 1);
    switch (final_byte) {
    case 'A': { // CUU: stops at the scroll region's top if it starts inside it
        u32 limit = m_row >= m_scroll_top ? m_scroll_top : 0;
        move_to(m_col, m_row - min_u32(n, m_row - limit));
        break;
    }
    case 'B': // CUD
    case 'e': {
        u32 limit = m_row <= m_scroll_bottom ? m_scroll_bottom : m_rows - 1;
        move_to(m_col, m_row + min_u32(n, limit - m_row));
        break;
    }
    case 'C': // CUF
    case 'a':
        move_to(m_col + min_u32(n, m_columns - 1 - m_col), m_row);
        break;
    case 'D': // CUB
        move_to(m_col - min_u32(n, m_col), m_row);
        break;
    case 'E': // CNL
        move_to(0, m_row + min_u32(n, m_rows - 1 - m_row));
        break;
    case 'F': // CPL
        move_to(0, m_row - min_u32(n, m_row));
        break;
    case 'G': // CHA
    case '`':
        move_to(n - 1, m_row);
        break;
    case 'd': // VPA
        move_to(m_col, n - 1);
        break;
    case 'H': // CUP
    case 'f':
        move_to(param(1, 1) - 1, n - 1);
        break;
    case 'J':
        erase_in_display(param(0, 0));
        break;
    case 'K':
        erase_in_line(param(0, 0));
        break;
    case 'L': // IL: only inside the scroll region
        if (m_row >= m_scroll_top && m_row <= m_scroll_bottom) {
            scroll_down(m_row, m_scroll_bottom, n);
            carriage_return();
        }
        break;
    case 'M': // DL
        if (m_row >= m_scroll_top && m_row <= m_scroll_bottom) {
            scroll_up(m_row, m_scroll_bottom, n);
            carriage_return();
        }
        break;
    case '@': { // ICH
        u32 count = min_u32(n, m_columns - m_col);
        m_surface.copy_span(m_row, m_col + count, m_col, m_columns - m_col - count);
        m_surface.clear_span(m_col, m_row, count, blank_attr());
        m_wrap_pending = false;
        break;
    }
    case 'P': { // DCH
        u32 count = min_u32(n, m_columns - m_col);
        m_surface.copy_span(m_row, m_col, m_col + count, m_columns - m_col - count);
        m_surface.clear_span(m_columns - count, m_row, count, blank_attr());
        m_wrap_pending = false;
        break;
    }
    case 'X': // ECH
        m_surface.clear_span(m_col, m_row, min_u32(n, m_columns - m_col), blank_attr());
        m_wrap_pending = false;
        break;
    case 'S': // SU
        scroll_up(m_scroll_top, m_scroll_bottom, n);
        break;
    case 'T': // SD
        scroll_down(m_scroll_top, m_scroll_bottom, n);
        break;
    case 'm':
        select_graphic_rendition();
        break;
    case 'r': { // DECSTBM
        u32 top = param(0, 1) - 1;
        u32 bottom = min_u32(param(1, m_rows), m_rows) - 1;
        if (top < bottom) {
            m_scroll_top = top;
            m_scroll_bottom = bottom;
            move_to(0, 0);
        }
        break;
    }
    case 's':
        save_cursor();
        break;
    case 'u':
        restore_cursor();
        break;
    default:
        // Including DSR (n) and DA (c): there is no input path to answer on.
        break;
    }
}

void Terminal::set_private_mode(bool enable)
{
    u32 count = min_u32(m_param_count, MAX_PARAMS);
    for (u32 i = 0; i < count; ++i) {
        if (m_params[i] == 25)
            m_cursor_visible = enable;
        else if (m_params[i] == 7)
            m_autowrap = enable;
    }
    if (!m_autowrap)
        m_wrap_pending = false;
}

void Terminal::select_graphic_rendition()
{
    u32 count = min_u32(m_param_count, MAX_PARAMS);
    if (count == 0)
        count = 1; // CSI m is CSI 0 m; m_params[0] is 0 then
    for (u32 i = 0; i < count; ++i) {
        u32 p = m_params[i];
        if (p == 0) {
            m_fg = ColorWhite, m_bg = ColorBlack, m_bold = false, m_reverse = false;
        } else if (p == 1) {
            m_bold = true;
        } else if (p == 22) {
            m_bold = false;
        } else if (p == 7) {
            m_reverse = true;
        } else if (p == 27) {
            m_reverse = false;
        } else if (p >= 30 && p <= 37) {
            m_fg = u8(p - 30);
        } else if (p == 39) {
            m_fg = ColorWhite;
        } else if (p >= 40 && p <= 47) {
            m_bg = u8(p - 40);
        } else if (p == 49) {
            m_bg = ColorBlack;
        } else if (p >= 90 && p <= 97) {
            m_fg = u8(p - 90 + 8);
        } else if (p >= 100 && p <= 107) {
            m_bg = u8(p - 100 + 8);
        } else if (p == 38 || p == 48) {
            // 256-colour (5;n) and direct colour (2;r;g;b): honour the 16 basic
            // indexes, skip the rest so its numbers are not read as attributes.
            if (i + 1 < count && m_params[i + 1] == 5) {
                if (i + 2 < count && m_params[i + 2] < 16)
                    (p == 38 ? m_fg : m_bg) = u8(m_params[i + 2]);
                i += 2;
            } else if (i + 1 < count && m_params[i + 1] == 2) {
                i += 4;
            }
        }
    }
}

CellAttr Terminal::effective_attr() const
{
    u8 fg = m_fg;
    if (m_bold && fg < 8)
        fg = u8(fg + 8);
    if (m_reverse)
        return CellAttr { m_bg, fg };
    return CellAttr { fg, m_bg };
}

// Erased cells take the current background (as xterm does), not reverse video.
CellAttr Terminal::blank_attr() const { return CellAttr { m_fg, m_bg }; }

void Terminal::carriage_return()
{
    m_col = 0;
    m_wrap_pending = false;
}

void Terminal::line_feed()
{
    m_wrap_pending = false;
    if (m_row == m_scroll_bottom)
        scroll_up(m_scroll_top, m_scroll_bottom, 1);
    else if (m_row + 1 < m_rows)
        ++m_row;
}

void Terminal::reverse_index()
{
    m_wrap_pending = false;
    if (m_row == m_scroll_top)
        scroll_down(m_scroll_top, m_scroll_bottom, 1);
    else if (m_row > 0)
        --m_row;
}

void Terminal::move_to(u32 col, u32 row)
{
    m_col = min_u32(col, m_columns - 1);
    m_row = min_u32(row, m_rows - 1);
    m_wrap_pending = false;
}

void Terminal::scroll_up(u32 top, u32 bottom, u32 lines)
{
    u32 height = bottom - top + 1;
    lines = min_u32(lines, height);
    if (lines < height)
        m_surface.copy_rows(top, top + lines, height - lines);
    clear_rows(bottom + 1 - lines, bottom);
}

void Terminal::scroll_down(u32 top, u32 bottom, u32 lines)
{
    u32 height = bottom - top + 1;
    lines = min_u32(lines, height);
    if (lines < height)
        m_surface.copy_rows(top + lines, top, height - lines);
    clear_rows(top, top + lines - 1);
}

void Terminal::clear_rows(u32 first, u32 last)
{
    for (u32 row = first; row <= last; ++row)
        m_surface.clear_span(0, row, m_columns, blank_attr());
}

void Terminal::erase_in_display(u32 mode)
{
    if (mode == 0) {
        erase_in_line(0);
        if (m_row + 1 < m_rows)
            clear_rows(m_row + 1, m_rows - 1);
    } else if (mode == 1) {
        erase_in_line(1);
        if (m_row > 0)
            clear_rows(0, m_row - 1);
    } else if (mode == 2 || mode == 3) {
        clear_rows(0, m_rows - 1);
    }
}

void Terminal::erase_in_line(u32 mode)
{
    if (mode == 0)
        m_surface.clear_span(m_col, m_row, m_columns - m_col, blank_attr());
    else if (mode == 1)
        m_surface.clear_span(0, m_row, m_col + 1, blank_attr());
    else if (mode == 2)
        m_surface.clear_span(0, m_row, m_columns, blank_attr());
}

void Terminal::save_cursor()
{
    m_saved = SavedCursor { m_col, m_row, m_fg, m_bg, m_bold, m_reverse };
}

void Terminal::restore_cursor()
{
    m_fg = m_saved.fg;
    m_bg = m_saved.bg;
    m_bold = m_saved.bold;
    m_reverse = m_saved.reverse;
    move_to(m_saved.col, m_saved.row);
}
