// The console font embedded in the kernel image: Debian's Lat15-Terminus16 PSF,
// gunzipped by the Makefile and pulled in by arch/x86/font_blob.S (.incbin).
// Kernel-only: host builds do not link the blob, so host code must not call these.
#pragma once

#include "kernel/lib/types.h"

extern "C" u8 const unum_console_font_start[];
extern "C" u8 const unum_console_font_end[];

// The raw PSF bytes; parse them with PsfFont::parse.
inline u8 const* console_font_data() { return unum_console_font_start; }
inline usize console_font_size() { return usize(unum_console_font_end - unum_console_font_start); }
