// The console font, embedded at build time: FONT_PATH is the PSF the Makefile
// unpacked from console-setup's Lat15-Terminus16.psf.gz. Read through
// kernel/console/console_font.h and parsed (untrusted-style) by PsfFont.
    .section .rodata.unum_console_font, "a"
    .balign 16
    .global unum_console_font_start
    .type unum_console_font_start, @object
unum_console_font_start:
    .incbin FONT_PATH
    .global unum_console_font_end
    .type unum_console_font_end, @object
unum_console_font_end:
    .size unum_console_font_start, unum_console_font_end - unum_console_font_start

    .section .note.GNU-stack, "", @progbits
