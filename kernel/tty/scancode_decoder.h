// ScancodeDecoder: turns PC keyboard scancode set 1 (what the 8042 delivers with
// translation on) into the bytes a VT100 terminal would send: characters through
// a Keymap with Shift/Caps Lock/Ctrl/Alt applied, Enter as '\r', Backspace as DEL,
// arrows and editing keys as escape sequences. Portable and untrusted-input safe:
// any byte sequence is accepted. Not thread-safe: one owner (the keyboard IRQ).
#pragma once

#include "kernel/lib/types.h"
#include "kernel/tty/keymap.h"

class ScancodeDecoder {
public:
    // The longest output of one scancode byte ("ESC [ 2 4 ~" with an Alt ESC).
    static constexpr usize MAX_OUTPUT = 8;

    explicit ScancodeDecoder(Keymap const& keymap = us_keymap());

    // Feeds one scancode byte; writes what it produces to out and returns the
    // count (0 for prefixes, releases, modifiers and unknown keys).
    usize feed(u8 scancode, u8 (&out)[MAX_OUTPUT]);

    // Forgets modifiers and any half-received sequence (after a controller reset).
    void reset();

    bool shift() const { return m_modifiers & (LEFT_SHIFT | RIGHT_SHIFT); }
    bool ctrl() const { return m_modifiers & (LEFT_CTRL | RIGHT_CTRL); }
    bool alt() const { return m_modifiers & (LEFT_ALT | RIGHT_ALT); }
    bool caps_lock() const { return m_caps_lock; }
    bool num_lock() const { return m_num_lock; }

private:
    enum Modifier : u8 {
        LEFT_SHIFT = 1,
        RIGHT_SHIFT = 2,
        LEFT_CTRL = 4,
        RIGHT_CTRL = 8,
        LEFT_ALT = 16,
        RIGHT_ALT = 32,
    };

    usize decode_plain(u8 code, u8 (&out)[MAX_OUTPUT]);
    usize decode_extended(u8 code, u8 (&out)[MAX_OUTPUT]);
    usize decode_keypad(u8 code, u8 (&out)[MAX_OUTPUT]);
    usize emit_char(u8 c, u8 (&out)[MAX_OUTPUT]);
    static usize emit_sequence(char const* sequence, u8 (&out)[MAX_OUTPUT]);
    // Press/release of a modifier or lock key; false if code is none.
    bool track_modifier(u8 code, bool extended, bool released);

    Keymap const& m_keymap;
    u8 m_modifiers { 0 };
    bool m_caps_lock { false };
    bool m_num_lock { false };
    bool m_extended { false };
    // Bytes of the Pause key's E1 sequence still to swallow.
    u8 m_skip { 0 };
};
