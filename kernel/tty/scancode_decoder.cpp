// ScancodeDecoder (see scancode_decoder.h). Set 1: a key's make code, the same
// code | 0x80 on release, 0xE0 before the extended keys (arrows, the editing
// block, right Ctrl/Alt), and Pause as the odd 6-byte E1 sequence.
#include "kernel/tty/scancode_decoder.h"

namespace {

constexpr u8 PREFIX_EXTENDED = 0xE0;
constexpr u8 PREFIX_PAUSE = 0xE1;
constexpr u8 RELEASED = 0x80;

enum : u8 {
    KEY_LEFT_CTRL = 0x1D, // E0 1D: right Ctrl
    KEY_LEFT_SHIFT = 0x2A,
    KEY_RIGHT_SHIFT = 0x36,
    KEY_LEFT_ALT = 0x38, // E0 38: right Alt
    KEY_CAPS_LOCK = 0x3A,
    KEY_NUM_LOCK = 0x45,
    KEY_SCROLL_LOCK = 0x46,
    KEY_TAB = 0x0F,
    KEY_F1 = 0x3B,
    KEY_F10 = 0x44,
    KEY_F11 = 0x57,
    KEY_F12 = 0x58,
    KEY_PAD_FIRST = 0x47,
    KEY_PAD_MINUS = 0x4A,
    KEY_PAD_PLUS = 0x4E,
    KEY_PAD_LAST = 0x53,
    KEY_ENTER = 0x1C,
    KEY_SLASH = 0x35,
};

// The VT100/xterm sequences for the editing keys, by make code (extended, or
// the keypad with Num Lock off).
char const* navigation_sequence(u8 code)
{
    switch (code) {
    case 0x47: return "\x1b[H";  // Home
    case 0x48: return "\x1b[A";  // Up
    case 0x49: return "\x1b[5~"; // Page Up
    case 0x4B: return "\x1b[D";  // Left
    case 0x4D: return "\x1b[C";  // Right
    case 0x4F: return "\x1b[F";  // End
    case 0x50: return "\x1b[B";  // Down
    case 0x51: return "\x1b[6~"; // Page Down
    case 0x52: return "\x1b[2~"; // Insert
    case 0x53: return "\x1b[3~"; // Delete
    default: return nullptr;
    }
}

char const* function_key_sequence(u8 code)
{
    static char const* const f1_to_f10[] = {
        "\x1bOP", "\x1bOQ", "\x1bOR", "\x1bOS", "\x1b[15~", "\x1b[17~", "\x1b[18~", "\x1b[19~", "\x1b[20~", "\x1b[21~",
    };
    if (code >= KEY_F1 && code <= KEY_F10)
        return f1_to_f10[code - KEY_F1];
    if (code == KEY_F11)
        return "\x1b[23~";
    if (code == KEY_F12)
        return "\x1b[24~";
    return nullptr;
}

constexpr bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

// What Ctrl does to a character, as xterm and the Linux console do it.
u8 control_of(u8 c)
{
    if (c >= 'a' && c <= 'z')
        return c - 0x60;
    if (c >= '@' && c <= '_')
        return c & 0x1f;
    switch (c) {
    case ' ':
    case '2': return 0x00;
    case '3': return 0x1b;
    case '4': return 0x1c;
    case '5': return 0x1d;
    case '6': return 0x1e;
    case '7':
    case '-':
    case '/': return 0x1f;
    case '8':
    case '?': return 0x7f;
    default: return c;
    }
}

} // namespace

ScancodeDecoder::ScancodeDecoder(Keymap const& keymap)
    : m_keymap(keymap)
{
}

void ScancodeDecoder::reset()
{
    m_modifiers = 0;
    m_extended = false;
    m_skip = 0;
}

usize ScancodeDecoder::feed(u8 scancode, u8 (&out)[MAX_OUTPUT])
{
    if (m_skip) {
        --m_skip;
        return 0;
    }
    if (scancode == PREFIX_EXTENDED) {
        m_extended = true;
        return 0;
    }
    if (scancode == PREFIX_PAUSE) {
        // E1 1D 45 on press, E1 9D C5 on release: Pause makes nothing.
        m_extended = false;
        m_skip = 2;
        return 0;
    }
    bool extended = m_extended;
    m_extended = false;
    bool released = scancode & RELEASED;
    u8 code = scancode & ~RELEASED;
    if (track_modifier(code, extended, released) || released)
        return 0;
    return extended ? decode_extended(code, out) : decode_plain(code, out);
}

bool ScancodeDecoder::track_modifier(u8 code, bool extended, bool released)
{
    u8 bit = 0;
    switch (code) {
    case KEY_LEFT_SHIFT:
    case KEY_RIGHT_SHIFT:
        // E0 2A / E0 36 are fake shifts around Print Screen and friends.
        if (extended)
            return true;
        bit = code == KEY_LEFT_SHIFT ? LEFT_SHIFT : RIGHT_SHIFT;
        break;
    case KEY_LEFT_CTRL:
        bit = extended ? RIGHT_CTRL : LEFT_CTRL;
        break;
    case KEY_LEFT_ALT:
        bit = extended ? RIGHT_ALT : LEFT_ALT;
        break;
    case KEY_CAPS_LOCK:
        if (!released)
            m_caps_lock = !m_caps_lock;
        return true;
    case KEY_NUM_LOCK:
        if (!released && !extended)
            m_num_lock = !m_num_lock;
        return true;
    case KEY_SCROLL_LOCK:
        return true;
    default:
        return false;
    }
    if (released)
        m_modifiers &= ~bit;
    else
        m_modifiers |= bit;
    return true;
}

usize ScancodeDecoder::decode_plain(u8 code, u8 (&out)[MAX_OUTPUT])
{
    if (char const* sequence = function_key_sequence(code))
        return emit_sequence(sequence, out);
    if (code >= KEY_PAD_FIRST && code <= KEY_PAD_LAST && code != KEY_PAD_MINUS && code != KEY_PAD_PLUS)
        return decode_keypad(code, out);
    if (code == KEY_PAD_MINUS)
        return emit_char('-', out);
    if (code == KEY_PAD_PLUS)
        return emit_char('+', out);
    if (code == KEY_TAB && shift())
        return emit_sequence("\x1b[Z", out); // back-tab
    char normal = m_keymap.lookup(code, false);
    bool upper = is_letter(normal) ? shift() != m_caps_lock : shift();
    char c = m_keymap.lookup(code, upper);
    if (c == 0)
        return 0;
    return emit_char(u8(c), out);
}

usize ScancodeDecoder::decode_keypad(u8 code, u8 (&out)[MAX_OUTPUT])
{
    if (m_num_lock) {
        static char const digits[] = "789-456+1230.";
        return emit_char(u8(digits[code - KEY_PAD_FIRST]), out);
    }
    char const* sequence = navigation_sequence(code);
    return sequence ? emit_sequence(sequence, out) : 0; // keypad 5 without Num Lock
}

usize ScancodeDecoder::decode_extended(u8 code, u8 (&out)[MAX_OUTPUT])
{
    if (code == KEY_ENTER)
        return emit_char('\r', out); // keypad Enter
    if (code == KEY_SLASH)
        return emit_char('/', out); // keypad '/'
    char const* sequence = navigation_sequence(code);
    return sequence ? emit_sequence(sequence, out) : 0; // GUI, menu, media keys: nothing
}

usize ScancodeDecoder::emit_char(u8 c, u8 (&out)[MAX_OUTPUT])
{
    if (ctrl())
        c = control_of(c);
    usize n = 0;
    if (alt())
        out[n++] = 0x1b; // Meta sends ESC first, as xterm's metaSendsEscape
    out[n++] = c;
    return n;
}

usize ScancodeDecoder::emit_sequence(char const* sequence, u8 (&out)[MAX_OUTPUT])
{
    usize n = 0;
    while (sequence[n] && n < MAX_OUTPUT) {
        out[n] = u8(sequence[n]);
        ++n;
    }
    return n;
}
