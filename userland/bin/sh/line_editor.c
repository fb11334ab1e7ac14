/* sh: the line editor for a VT100 terminal. While a line is read the terminal
   is non-canonical without echo or signals (^C arrives as a byte, so it can
   abandon the line without killing anything); the terminal's own settings come
   back before a command runs. The screen cursor always sits at `pos` within the
   line; edits at the end write only the new bytes, other edits redraw from the
   start of the line, so a prompt is printed exactly once per line. Lines wider
   than the terminal are not handled specially. History: the last 100 lines. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "sh.h"

#define HISTORY_SIZE 100
#define LINE_MAX_BYTES 4096

static char* g_history[HISTORY_SIZE];
static int g_history_count;

struct editor {
    char line[LINE_MAX_BYTES];
    int length, pos;
    int history_index;   /* == g_history_count: the line being typed */
    char* scratch;       /* the line being typed, kept while browsing history */
};

/* ---------------------------------------------------------------- output */

static void out(const char* s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(1, s, n);
        if (w <= 0) {
            if (w < 0 && errno == EINTR)
                continue;
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

static void out_string(const char* s) { out(s, strlen(s)); }

static void cursor_left(int n)
{
    if (n <= 0)
        return; /* CSI 0 D would move one column on many terminals */
    char seq[16];
    snprintf(seq, sizeof seq, "\x1b[%dD", n);
    out_string(seq);
}

/* Redraws the whole line from its first column and leaves the cursor at pos.
   old_pos: where the cursor is on screen now. */
static void redraw(struct editor* e, int old_pos)
{
    cursor_left(old_pos);
    out(e->line, (size_t)e->length);
    out_string("\x1b[K");
    cursor_left(e->length - e->pos);
}

/* ---------------------------------------------------------------- editing */

static void insert(struct editor* e, char c)
{
    if (e->length + 1 >= LINE_MAX_BYTES)
        return;
    memmove(e->line + e->pos + 1, e->line + e->pos, (size_t)(e->length - e->pos));
    e->line[e->pos] = c;
    e->length++;
    e->pos++;
    if (e->pos == e->length) {
        out(&c, 1);
    } else {
        out(e->line + e->pos - 1, (size_t)(e->length - e->pos + 1));
        cursor_left(e->length - e->pos);
    }
}

/* Deletes [from, to) and leaves the cursor at from. */
static void delete_range(struct editor* e, int from, int to)
{
    if (from >= to)
        return;
    int old_pos = e->pos;
    memmove(e->line + from, e->line + to, (size_t)(e->length - to));
    e->length -= to - from;
    e->pos = from;
    if (old_pos == to && to == e->length + (to - from) && to - from == 1) {
        out_string("\b \b"); /* the common case: backspace at the end */
        return;
    }
    redraw(e, old_pos);
}

static void move_to(struct editor* e, int pos)
{
    if (pos < 0)
        pos = 0;
    if (pos > e->length)
        pos = e->length;
    if (pos < e->pos) {
        cursor_left(e->pos - pos);
    } else if (pos > e->pos) {
        char seq[16];
        snprintf(seq, sizeof seq, "\x1b[%dC", pos - e->pos);
        out_string(seq);
    }
    e->pos = pos;
}

static void replace_line(struct editor* e, const char* text)
{
    int old_pos = e->pos;
    size_t n = strlen(text);
    if (n >= LINE_MAX_BYTES)
        n = LINE_MAX_BYTES - 1;
    memcpy(e->line, text, n);
    e->length = e->pos = (int)n;
    redraw(e, old_pos);
}

static void history_move(struct editor* e, int delta)
{
    int target = e->history_index + delta;
    if (target < 0 || target > g_history_count)
        return;
    if (e->history_index == g_history_count) {
        free(e->scratch);
        e->scratch = xstrndup(e->line, (size_t)e->length);
    }
    e->history_index = target;
    replace_line(e, target == g_history_count ? (e->scratch ? e->scratch : "") : g_history[target]);
}

static int is_word_char(char c) { return c != ' ' && c != '\t'; }

/* ---------------------------------------------------------------- input */

static int read_byte(void)
{
    unsigned char c;
    for (;;) {
        ssize_t n = read(0, &c, 1);
        if (n == 1)
            return c;
        if (n < 0 && errno == EINTR)
            continue;
        return -1;
    }
}

/* After ESC: CSI/SS3 sequences for the arrows, Home, End and Delete. */
static void escape_sequence(struct editor* e)
{
    int c = read_byte();
    if (c != '[' && c != 'O')
        return;
    int number = 0;
    int final = read_byte();
    while (final >= '0' && final <= '9') {
        number = number * 10 + (final - '0');
        final = read_byte();
    }
    switch (final) {
    case 'A': history_move(e, -1); break;
    case 'B': history_move(e, +1); break;
    case 'C': move_to(e, e->pos + 1); break;
    case 'D': move_to(e, e->pos - 1); break;
    case 'H': move_to(e, 0); break;
    case 'F': move_to(e, e->length); break;
    case '~':
        if (number == 1 || number == 7)
            move_to(e, 0);
        else if (number == 4 || number == 8)
            move_to(e, e->length);
        else if (number == 3)
            delete_range(e, e->pos, e->pos < e->length ? e->pos + 1 : e->pos);
        break;
    default:
        break;
    }
}

enum key_result { KEY_CONTINUE, KEY_DONE, KEY_EOF, KEY_INTERRUPT };

static enum key_result handle_key(struct editor* e, int c, const char* prompt)
{
    switch (c) {
    case '\r':
    case '\n':
        move_to(e, e->length);
        out_string("\n");
        return KEY_DONE;
    case 0x03: /* ^C */
        out_string("^C\n");
        return KEY_INTERRUPT;
    case 0x04: /* ^D: end of input on an empty line, else delete forward */
        if (e->length == 0) {
            out_string("\n");
            return KEY_EOF;
        }
        delete_range(e, e->pos, e->pos < e->length ? e->pos + 1 : e->pos);
        return KEY_CONTINUE;
    case 0x7f:
    case 0x08:
        delete_range(e, e->pos > 0 ? e->pos - 1 : 0, e->pos);
        return KEY_CONTINUE;
    case 0x01: move_to(e, 0); return KEY_CONTINUE;            /* ^A */
    case 0x05: move_to(e, e->length); return KEY_CONTINUE;    /* ^E */
    case 0x02: move_to(e, e->pos - 1); return KEY_CONTINUE;   /* ^B */
    case 0x06: move_to(e, e->pos + 1); return KEY_CONTINUE;   /* ^F */
    case 0x10: history_move(e, -1); return KEY_CONTINUE;      /* ^P */
    case 0x0e: history_move(e, +1); return KEY_CONTINUE;      /* ^N */
    case 0x15: delete_range(e, 0, e->pos); return KEY_CONTINUE;          /* ^U */
    case 0x0b: delete_range(e, e->pos, e->length); return KEY_CONTINUE;  /* ^K */
    case 0x17: { /* ^W: the word before the cursor and the blanks after it */
        int from = e->pos;
        while (from > 0 && !is_word_char(e->line[from - 1]))
            from--;
        while (from > 0 && is_word_char(e->line[from - 1]))
            from--;
        delete_range(e, from, e->pos);
        return KEY_CONTINUE;
    }
    case 0x0c: /* ^L: clear the screen, then prompt and line again */
        out_string("\x1b[H\x1b[2J");
        out_string(prompt);
        out(e->line, (size_t)e->length);
        cursor_left(e->length - e->pos);
        return KEY_CONTINUE;
    case 0x1b:
        escape_sequence(e);
        return KEY_CONTINUE;
    default:
        if (c >= 0x20 || c == '\t')
            insert(e, (char)c);
        return KEY_CONTINUE;
    }
}

char* line_editor_read(const char* prompt, int* interrupted)
{
    *interrupted = 0;
    struct termios cooked, raw;
    if (tcgetattr(0, &cooked) < 0)
        return NULL; /* main.c only calls us on a terminal */
    raw = cooked;
    raw.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_iflag &= ~(IXON);
    raw.c_iflag |= ICRNL;
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(0, TCSADRAIN, &raw);
    /* The prompt only once the terminal is raw: what is typed after seeing it
       must not be echoed by the terminal and then again by the editor. */
    out_string(prompt);

    struct editor* e = calloc(1, sizeof *e);
    if (!e) {
        tcsetattr(0, TCSADRAIN, &cooked);
        return NULL;
    }
    e->history_index = g_history_count;
    enum key_result result;
    for (;;) {
        int c = read_byte();
        if (c < 0) {
            result = e->length ? KEY_DONE : KEY_EOF;
            if (e->length)
                out_string("\n");
            break;
        }
        result = handle_key(e, c, prompt);
        if (result != KEY_CONTINUE)
            break;
    }
    tcsetattr(0, TCSADRAIN, &cooked);
    char* line = NULL;
    if (result == KEY_DONE)
        line = xstrndup(e->line, (size_t)e->length);
    else if (result == KEY_INTERRUPT) {
        *interrupted = 1;
        line = xstrdup("");
    }
    free(e->scratch);
    free(e);
    return line;
}

void history_add(const char* line)
{
    while (*line == ' ' || *line == '\t')
        line++;
    if (!*line)
        return;
    if (g_history_count && strcmp(g_history[g_history_count - 1], line) == 0)
        return;
    if (g_history_count == HISTORY_SIZE) {
        free(g_history[0]);
        memmove(g_history, g_history + 1, sizeof(char*) * (HISTORY_SIZE - 1));
        g_history_count--;
    }
    /* Multi-line commands come back as one line (newlines become blanks). */
    char* copy = xstrdup(line);
    for (char* p = copy; *p; p++)
        if (*p == '\n')
            *p = ' ';
    g_history[g_history_count++] = copy;
}
