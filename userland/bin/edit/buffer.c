/* The line array of buffer.h. Lines grow by doubling; the file is read and
   written whole (edit is for small files such as /etc/rc). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buffer.h"
#include "util.h"

static int line_reserve(struct line* l, size_t need)
{
    if (need <= l->cap)
        return 0;
    size_t cap = l->cap ? l->cap : 16;
    while (cap < need)
        cap *= 2;
    char* grown = realloc(l->text, cap);
    if (!grown)
        return -1;
    l->text = grown;
    l->cap = cap;
    return 0;
}

/* Inserts an empty line before index at. */
static int insert_line(struct buffer* b, size_t at)
{
    if (b->count == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        struct line* grown = realloc(b->lines, cap * sizeof *grown);
        if (!grown)
            return -1;
        b->lines = grown;
        b->cap = cap;
    }
    memmove(&b->lines[at + 1], &b->lines[at], (b->count - at) * sizeof *b->lines);
    b->lines[at] = (struct line){NULL, 0, 0};
    b->count++;
    return 0;
}

static int append_to_line(struct line* l, const char* text, size_t len)
{
    if (line_reserve(l, l->len + len) < 0)
        return -1;
    memcpy(l->text + l->len, text, len);
    l->len += len;
    return 0;
}

int buffer_load(struct buffer* b, const char* path, int* is_new)
{
    *b = (struct buffer){NULL, 0, 0};
    *is_new = 0;
    if (insert_line(b, 0) < 0)
        return -1;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        if (errno == ENOENT) {
            *is_new = 1;
            return 0;
        }
        return -1;
    }
    char chunk[4096];
    int rc = 0;
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            rc = n < 0 ? -1 : 0;
            break;
        }
        for (ssize_t i = 0; i < n; i++) {
            /* A newline starts the next line; the last newline of the file
               ends the text rather than opening an empty line. */
            if (chunk[i] == '\n') {
                if (insert_line(b, b->count) < 0) {
                    rc = -1;
                    break;
                }
            } else if (append_to_line(&b->lines[b->count - 1], &chunk[i], 1) < 0) {
                rc = -1;
                break;
            }
        }
        if (rc < 0) {
            errno = ENOMEM;
            break;
        }
    }
    int saved = errno;
    close(fd);
    errno = saved;
    if (rc == 0 && b->count > 1 && b->lines[b->count - 1].len == 0) {
        free(b->lines[b->count - 1].text);
        b->count--;
    }
    return rc;
}

int buffer_save(const struct buffer* b, const char* path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return -1;
    /* A buffer that is one empty line is an empty file, not "\n". */
    int empty = b->count == 1 && b->lines[0].len == 0;
    for (size_t y = 0; !empty && y < b->count; y++) {
        if (util_write_all(fd, b->lines[y].text, b->lines[y].len) < 0 || util_write_all(fd, "\n", 1) < 0) {
            int saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
    }
    return close(fd);
}

int buffer_insert_char(struct buffer* b, size_t y, size_t x, char c)
{
    struct line* l = &b->lines[y];
    if (line_reserve(l, l->len + 1) < 0)
        return -1;
    memmove(l->text + x + 1, l->text + x, l->len - x);
    l->text[x] = c;
    l->len++;
    return 0;
}

void buffer_delete_char(struct buffer* b, size_t y, size_t x)
{
    struct line* l = &b->lines[y];
    if (x >= l->len)
        return;
    memmove(l->text + x, l->text + x + 1, l->len - x - 1);
    l->len--;
}

int buffer_split_line(struct buffer* b, size_t y, size_t x)
{
    if (insert_line(b, y + 1) < 0)
        return -1;
    struct line* l = &b->lines[y];
    if (append_to_line(&b->lines[y + 1], l->text + x, l->len - x) < 0) {
        free(b->lines[y + 1].text);
        memmove(&b->lines[y + 1], &b->lines[y + 2], (b->count - y - 2) * sizeof *b->lines);
        b->count--;
        return -1;
    }
    l->len = x;
    return 0;
}

int buffer_join_next(struct buffer* b, size_t y)
{
    if (y + 1 >= b->count)
        return 0;
    struct line* next = &b->lines[y + 1];
    if (append_to_line(&b->lines[y], next->text, next->len) < 0)
        return -1;
    free(next->text);
    memmove(&b->lines[y + 1], &b->lines[y + 2], (b->count - y - 2) * sizeof *b->lines);
    b->count--;
    return 0;
}

void buffer_free(struct buffer* b)
{
    for (size_t y = 0; y < b->count; y++)
        free(b->lines[y].text);
    free(b->lines);
    *b = (struct buffer){NULL, 0, 0};
}
