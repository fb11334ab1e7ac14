// The US keyboard layout as set-1 make codes (see keymap.h). Keys that make no
// plain character (modifiers, function keys, the keypad) are 0 here and are
// handled by ScancodeDecoder.
#include "kernel/tty/keymap.h"

namespace {

// Row by row, starting at make code 0x00 (no key) and 0x01 (Escape).
constexpr Keymap US = {
    .normal = {
        0, 0x1b, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', 0x7f, '\t',
        'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\r', 0, 'a', 's',
        'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`', 0, '\\', 'z', 'x', 'c', 'v',
        'b', 'n', 'm', ',', '.', '/', 0, '*', 0, ' ', 0,
    },
    .shifted = {
        0, 0x1b, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', 0x7f, '\t',
        'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r', 0, 'A', 'S',
        'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~', 0, '|', 'Z', 'X', 'C', 'V',
        'B', 'N', 'M', '<', '>', '?', 0, '*', 0, ' ', 0,
    },
};

static_assert(US.normal[0x1E] == 'a' && US.normal[0x2C] == 'z' && US.normal[0x39] == ' ');
static_assert(US.shifted[0x02] == '!' && US.shifted[0x35] == '?');

} // namespace

Keymap const& us_keymap() { return US; }
