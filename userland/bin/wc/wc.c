/* wc [-l] [-w] [-c] [FILE...]: count lines, words (runs of non-space) and bytes;
   all three when no option is given; a total line for several files. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

struct counts {
    unsigned long lines, words, bytes;
};

static int g_lines, g_words, g_bytes;

static int count_fd(int fd, const char* name, struct counts* c)
{
    static unsigned char buf[16384];
    int in_word = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            util_warn("wc", name);
            return -1;
        }
        if (n == 0)
            return 0;
        c->bytes += (unsigned long)n;
        for (ssize_t i = 0; i < n; i++) {
            if (buf[i] == '\n')
                c->lines++;
            if (isspace(buf[i])) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                c->words++;
            }
        }
    }
}

static void print(const struct counts* c, const char* name)
{
    const char* sep = "";
    if (g_lines) {
        printf("%7lu", c->lines);
        sep = " ";
    }
    if (g_words) {
        printf("%s%7lu", sep, c->words);
        sep = " ";
    }
    if (g_bytes)
        printf("%s%7lu", sep, c->bytes);
    if (name)
        printf(" %s", name);
    putchar('\n');
}

int main(int argc, char** argv)
{
    int c;
    while ((c = getopt(argc, argv, "lwc")) != -1) {
        switch (c) {
        case 'l': g_lines = 1; break;
        case 'w': g_words = 1; break;
        case 'c': g_bytes = 1; break;
        default:
            fprintf(stderr, "usage: wc [-l] [-w] [-c] [FILE...]\n");
            return 2;
        }
    }
    if (!g_lines && !g_words && !g_bytes)
        g_lines = g_words = g_bytes = 1;
    if (optind == argc) {
        struct counts counts = {0, 0, 0};
        int rc = count_fd(STDIN_FILENO, "stdin", &counts);
        print(&counts, NULL);
        return rc < 0;
    }
    struct counts total = {0, 0, 0};
    int status = 0;
    for (int i = optind; i < argc; i++) {
        struct counts counts = {0, 0, 0};
        int fd = strcmp(argv[i], "-") == 0 ? STDIN_FILENO : open(argv[i], O_RDONLY);
        if (fd < 0) {
            util_warn("wc", argv[i]);
            status = 1;
            continue;
        }
        status |= count_fd(fd, argv[i], &counts) < 0;
        if (fd != STDIN_FILENO)
            close(fd);
        print(&counts, argv[i]);
        total.lines += counts.lines;
        total.words += counts.words;
        total.bytes += counts.bytes;
    }
    if (argc - optind > 1)
        print(&total, "total");
    return status | (fflush(stdout) != 0);
}
