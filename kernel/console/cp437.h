// Mapping from Unicode to code page 437, the character set of the VGA text
// mode's built-in font: what the VGA console can draw without loading a font.
#pragma once

#include "kernel/lib/types.h"

// The CP437 byte that draws codepoint: ASCII as itself, Latin-1 letters, box
// drawing and block shapes where CP437 has them, '?' for everything else.
u8 codepoint_to_cp437(u32 codepoint);
