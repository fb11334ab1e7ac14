// Keymap: which character a PC set-1 scancode makes, unshifted and shifted, for
// one keyboard layout. Only layout data lives here; ScancodeDecoder applies the
// modifiers and the extended keys. us_keymap() is the US layout.
#pragma once

#include "kernel/lib/types.h"

struct Keymap {
    // Indexed by set-1 make code (0x00-0x58); 0 means the key makes no character.
    static constexpr usize SIZE = 0x59;
    char normal[SIZE];
    char shifted[SIZE];

    char lookup(u8 make_code, bool shift) const
    {
        if (make_code >= SIZE)
            return 0;
        return shift ? shifted[make_code] : normal[make_code];
    }
};

Keymap const& us_keymap();
