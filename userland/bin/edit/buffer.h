/* edit's text: an array of lines (no newlines stored), loaded from and saved to
   one file. Every operation keeps at least one line, so the cursor always has
   somewhere to be. */
#ifndef EDIT_BUFFER_H
#define EDIT_BUFFER_H

#include <stddef.h>

struct line {
    char* text;
    size_t len, cap;
};

struct buffer {
    struct line* lines;
    size_t count, cap;
};

/* Loads path; a missing file gives one empty line and *is_new = 1. 0 or -1
   with errno (the buffer is then empty but usable). */
int buffer_load(struct buffer* b, const char* path, int* is_new);

/* Writes every line with a newline after it; 0 or -1 with errno. */
int buffer_save(const struct buffer* b, const char* path);

/* Edits at (y, x), a line index and a byte offset inside it. Return 0, or -1
   when memory runs out (the buffer is then unchanged). */
int buffer_insert_char(struct buffer* b, size_t y, size_t x, char c);
void buffer_delete_char(struct buffer* b, size_t y, size_t x);
int buffer_split_line(struct buffer* b, size_t y, size_t x);
/* Appends line y+1 to line y and removes it. */
int buffer_join_next(struct buffer* b, size_t y);

void buffer_free(struct buffer* b);

#endif
