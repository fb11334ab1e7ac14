/* edit's terminal side: raw mode, key decoding and drawing on a VT100. Drawing
   sends only the rows that changed since the last frame, since a full 80x25
   screen takes a noticeable time over a 115200-baud serial line. */
#ifndef EDIT_SCREEN_H
#define EDIT_SCREEN_H

#include <stddef.h>

enum {
    KEY_UP = 1000, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END,
    KEY_PAGE_UP, KEY_PAGE_DOWN, KEY_DELETE, KEY_NONE,
};
#define KEY_CTRL(c) ((c) & 0x1f)

/* Enters raw mode on stdin and reads the size (TIOCGWINSZ, else 80x25). 0 or -1
   with errno (stdin is no terminal). */
int screen_open(int* rows, int* cols);
/* Clears the screen and restores the terminal as screen_open found it. */
void screen_close(void);

/* The next key: a byte, or a KEY_* for an escape sequence; -1 at end of input. */
int screen_read_key(void);

/* Starts a frame of rows x cols; screen_row sets one row's text (it need not be
   padded), screen_show sends what changed and puts the cursor at (row, col),
   both 0-based. reverse marks the row drawn in reverse video (the status line). */
void screen_row(int row, const char* text, size_t len, int reverse);
void screen_show(int cursor_row, int cursor_col);

#endif
