/* edit FILE: a small full-screen editor for a VT100 terminal. Arrows, Home/End,
   PgUp/PgDn move; printable keys and Tab insert; Backspace and Delete remove
   (joining lines at the ends); Enter splits the line; ^S saves; ^Q quits, and
   asks for a second ^Q when there are unsaved changes. The bottom row shows the
   file name, a modified flag, the position and messages. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buffer.h"
#include "screen.h"

#define TAB_STOP 8

static struct {
    struct buffer buf;
    const char* path;
    size_t cy, cx;     /* cursor: line index, byte offset in it */
    size_t top, left;  /* first shown line, first shown display column */
    int rows, cols;    /* screen; rows - 1 of them hold text */
    int modified;
    int quit_armed;    /* ^Q pressed once with unsaved changes */
    char message[128];
} E;

static int text_rows(void) { return E.rows - 1; }

/* The display column of byte offset x on line y (tabs expand). */
static size_t display_col(size_t y, size_t x)
{
    const struct line* l = &E.buf.lines[y];
    size_t col = 0;
    for (size_t i = 0; i < x && i < l->len; i++)
        col = l->text[i] == '\t' ? (col / TAB_STOP + 1) * TAB_STOP : col + 1;
    return col;
}

/* Keeps the cursor on the screen by moving the view. */
static void scroll_to_cursor(void)
{
    if (E.cy < E.top)
        E.top = E.cy;
    if (E.cy >= E.top + (size_t)text_rows())
        E.top = E.cy - (size_t)text_rows() + 1;
    size_t col = display_col(E.cy, E.cx);
    if (col < E.left)
        E.left = col;
    if (col >= E.left + (size_t)E.cols)
        E.left = col - (size_t)E.cols + 1;
}

/* One text row as it looks on screen: tabs expanded, control bytes as '?',
   cut to the visible columns. */
static size_t render_line(const struct line* l, char* out, size_t max)
{
    size_t col = 0, n = 0;
    for (size_t i = 0; i < l->len && n < max; i++) {
        unsigned char c = (unsigned char)l->text[i];
        size_t width = c == '\t' ? TAB_STOP - col % TAB_STOP : 1;
        for (size_t k = 0; k < width && n < max; k++, col++) {
            if (col >= E.left)
                out[n++] = c == '\t' ? ' ' : (c < 32 || c == 127) ? '?' : (char)c;
        }
    }
    return n;
}

static void draw(void)
{
    scroll_to_cursor();
    char row[512];
    size_t width = (size_t)E.cols < sizeof row ? (size_t)E.cols : sizeof row;
    for (int r = 0; r < text_rows(); r++) {
        size_t y = E.top + (size_t)r;
        if (y < E.buf.count)
            screen_row(r, row, render_line(&E.buf.lines[y], row, width), 0);
        else
            screen_row(r, "~", 1, 0);
    }
    int n = snprintf(row, sizeof row, " %s%s  line %zu/%zu col %zu  %s", E.path,
                     E.modified ? " [modified]" : "", E.cy + 1, E.buf.count,
                     display_col(E.cy, E.cx) + 1,
                     E.message[0] ? E.message : "^S save  ^Q quit");
    screen_row(text_rows(), row, n < 0 ? 0 : (size_t)n < sizeof row ? (size_t)n : sizeof row - 1, 1);
    screen_show((int)(E.cy - E.top), (int)(display_col(E.cy, E.cx) - E.left));
}

static void set_message(const char* text)
{
    snprintf(E.message, sizeof E.message, "%s", text);
}

static void save(void)
{
    if (buffer_save(&E.buf, E.path) < 0) {
        snprintf(E.message, sizeof E.message, "cannot save: %s", strerror(errno));
        return;
    }
    E.modified = 0;
    snprintf(E.message, sizeof E.message, "saved %zu lines", E.buf.count);
}

static void clamp_cx(void)
{
    if (E.cx > E.buf.lines[E.cy].len)
        E.cx = E.buf.lines[E.cy].len;
}

static void move(int key)
{
    size_t page = (size_t)text_rows();
    switch (key) {
    case KEY_UP:
        if (E.cy > 0)
            E.cy--;
        break;
    case KEY_DOWN:
        if (E.cy + 1 < E.buf.count)
            E.cy++;
        break;
    case KEY_LEFT:
        if (E.cx > 0) {
            E.cx--;
        } else if (E.cy > 0) {
            E.cy--;
            E.cx = E.buf.lines[E.cy].len;
        }
        return;
    case KEY_RIGHT:
        if (E.cx < E.buf.lines[E.cy].len) {
            E.cx++;
        } else if (E.cy + 1 < E.buf.count) {
            E.cy++;
            E.cx = 0;
        }
        return;
    case KEY_HOME: E.cx = 0; return;
    case KEY_END: E.cx = E.buf.lines[E.cy].len; return;
    case KEY_PAGE_UP: E.cy = E.cy > page ? E.cy - page : 0; break;
    case KEY_PAGE_DOWN: E.cy = E.cy + page < E.buf.count ? E.cy + page : E.buf.count - 1; break;
    }
    clamp_cx();
}

/* Applies an editing key; returns 1 if the text changed. */
static int apply_edit(int key)
{
    if (key == '\r' || key == '\n') {
        if (buffer_split_line(&E.buf, E.cy, E.cx) < 0)
            return -1;
        E.cy++;
        E.cx = 0;
        return 1;
    }
    if (key == 127 || key == KEY_CTRL('h')) {
        if (E.cx > 0) {
            buffer_delete_char(&E.buf, E.cy, --E.cx);
            return 1;
        }
        if (E.cy == 0)
            return 0;
        size_t join_at = E.buf.lines[E.cy - 1].len;
        if (buffer_join_next(&E.buf, E.cy - 1) < 0)
            return -1;
        E.cy--;
        E.cx = join_at;
        return 1;
    }
    if (key == KEY_DELETE) {
        if (E.cx < E.buf.lines[E.cy].len) {
            buffer_delete_char(&E.buf, E.cy, E.cx);
            return 1;
        }
        if (E.cy + 1 >= E.buf.count)
            return 0;
        return buffer_join_next(&E.buf, E.cy) < 0 ? -1 : 1;
    }
    if (key == '\t' || (key >= 32 && key < 127)) {
        if (buffer_insert_char(&E.buf, E.cy, E.cx, (char)key) < 0)
            return -1;
        E.cx++;
        return 1;
    }
    return 0; /* other control keys do nothing */
}

static void edit_key(int key)
{
    int changed = apply_edit(key);
    if (changed < 0)
        set_message("out of memory: change not made");
    else if (changed)
        E.modified = 1;
}

int main(int argc, char** argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: edit FILE\n");
        return 2;
    }
    E.path = argv[1];
    int is_new;
    if (buffer_load(&E.buf, E.path, &is_new) < 0) {
        fprintf(stderr, "edit: %s: %s\n", E.path, strerror(errno));
        return 1;
    }
    if (!isatty(STDIN_FILENO) || screen_open(&E.rows, &E.cols) < 0) {
        fprintf(stderr, "edit: standard input is not a terminal\n");
        return 1;
    }
    set_message(is_new ? "new file  ^S save  ^Q quit" : "^S save  ^Q quit");
    for (;;) {
        draw();
        int key = screen_read_key();
        if (key < 0)
            break; /* the terminal went away: nothing more can be typed */
        E.message[0] = '\0';
        if (key == KEY_CTRL('q')) {
            if (!E.modified || E.quit_armed)
                break;
            E.quit_armed = 1;
            set_message("unsaved changes! ^Q again to quit without saving, ^S to save");
            continue;
        }
        E.quit_armed = 0;
        if (key == KEY_CTRL('s'))
            save();
        else if (key >= KEY_UP && key <= KEY_PAGE_DOWN)
            move(key);
        else if (key != KEY_NONE)
            edit_key(key);
    }
    screen_close();
    buffer_free(&E.buf);
    return 0;
}
