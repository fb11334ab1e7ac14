/* The VT100 terminal of screen.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "screen.h"
#include "util.h"

#define MAX_ROWS 200
#define MAX_COLS 400

static struct termios g_saved;
static int g_rows, g_cols;
/* What each row shows now (shown) and in the frame being built (next). */
static char g_shown[MAX_ROWS][MAX_COLS + 1], g_next[MAX_ROWS][MAX_COLS + 1];
static int g_shown_reverse[MAX_ROWS], g_next_reverse[MAX_ROWS], g_shown_valid[MAX_ROWS];

/* Output is gathered and sent in one write per frame. */
static char g_out[(MAX_COLS + 32) * MAX_ROWS];
static size_t g_out_len;

static void out(const char* s, size_t len)
{
    if (g_out_len + len > sizeof g_out)
        return;
    memcpy(g_out + g_out_len, s, len);
    g_out_len += len;
}

static void out_str(const char* s) { out(s, strlen(s)); }

static void flush_out(void)
{
    util_write_all(STDOUT_FILENO, g_out, g_out_len);
    g_out_len = 0;
}

int screen_open(int* rows, int* cols)
{
    if (tcgetattr(STDIN_FILENO, &g_saved) < 0)
        return -1;
    struct termios raw = g_saved;
    cfmakeraw(&raw);
    if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) < 0)
        return -1;
    struct winsize ws;
    g_rows = 25;
    g_cols = 80;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row >= 3 && ws.ws_col >= 20) {
        g_rows = ws.ws_row < MAX_ROWS ? ws.ws_row : MAX_ROWS;
        g_cols = ws.ws_col < MAX_COLS ? ws.ws_col : MAX_COLS;
    }
    memset(g_shown_valid, 0, sizeof g_shown_valid);
    out_str("\x1b[2J\x1b[H");
    flush_out();
    *rows = g_rows;
    *cols = g_cols;
    return 0;
}

void screen_close(void)
{
    out_str("\x1b[m\x1b[2J\x1b[H");
    flush_out();
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
}

static int read_byte(void)
{
    unsigned char c;
    for (;;) {
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n == 1)
            return c;
        if (n < 0 && errno == EINTR)
            continue;
        return -1;
    }
}

/* After ESC '[': digits, then a final byte ('~' ends the numbered keys). */
static int read_csi(void)
{
    int number = 0, c;
    while ((c = read_byte()) >= '0' && c <= '9')
        number = number * 10 + (c - '0');
    switch (c) {
    case 'A': return KEY_UP;
    case 'B': return KEY_DOWN;
    case 'C': return KEY_RIGHT;
    case 'D': return KEY_LEFT;
    case 'H': return KEY_HOME;
    case 'F': return KEY_END;
    case '~':
        switch (number) {
        case 1: case 7: return KEY_HOME;
        case 4: case 8: return KEY_END;
        case 3: return KEY_DELETE;
        case 5: return KEY_PAGE_UP;
        case 6: return KEY_PAGE_DOWN;
        }
        return KEY_NONE;
    case -1: return -1;
    }
    return KEY_NONE; /* some other sequence: ignore it whole */
}

int screen_read_key(void)
{
    int c = read_byte();
    if (c != 0x1b)
        return c;
    /* A lone ESC cannot be told from a sequence's start without a timeout;
       edit has no use for ESC, so it simply waits for the next byte. */
    int next = read_byte();
    if (next == '[')
        return read_csi();
    if (next == 'O') {
        switch (read_byte()) {
        case 'A': return KEY_UP;
        case 'B': return KEY_DOWN;
        case 'C': return KEY_RIGHT;
        case 'D': return KEY_LEFT;
        case 'H': return KEY_HOME;
        case 'F': return KEY_END;
        case -1: return -1;
        }
        return KEY_NONE;
    }
    return next < 0 ? -1 : KEY_NONE;
}

void screen_row(int row, const char* text, size_t len, int reverse)
{
    if (row < 0 || row >= g_rows)
        return;
    if (len > (size_t)g_cols - (reverse ? 1 : 0))
        len = (size_t)g_cols - (reverse ? 1 : 0);
    memcpy(g_next[row], text, len);
    g_next[row][len] = '\0';
    g_next_reverse[row] = reverse;
}

void screen_show(int cursor_row, int cursor_col)
{
    char seq[48];
    out_str("\x1b[?25l"); /* no cursor flicker while rows are rewritten */
    for (int r = 0; r < g_rows; r++) {
        if (g_shown_valid[r] && g_shown_reverse[r] == g_next_reverse[r] && strcmp(g_shown[r], g_next[r]) == 0)
            continue;
        snprintf(seq, sizeof seq, "\x1b[%d;1H", r + 1);
        out_str(seq);
        size_t len = strlen(g_next[r]);
        if (g_next_reverse[r]) {
            /* The status bar is reverse video across the width, short of the
               last column: some terminals scroll when the bottom-right cell is
               written. */
            out_str("\x1b[7m");
            out(g_next[r], len);
            for (size_t k = len; k + 1 < (size_t)g_cols; k++)
                out(" ", 1);
            out_str("\x1b[m");
        } else {
            out(g_next[r], len);
            out_str("\x1b[K");
        }
        strcpy(g_shown[r], g_next[r]);
        g_shown_reverse[r] = g_next_reverse[r];
        g_shown_valid[r] = 1;
    }
    snprintf(seq, sizeof seq, "\x1b[%d;%dH\x1b[?25h", cursor_row + 1, cursor_col + 1);
    out_str(seq);
    flush_out();
}
