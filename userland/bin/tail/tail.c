/* tail [-n N | -N] [FILE...]: the last N (10) lines of each file or stdin.
   Reads the stream once and keeps the last N lines in a ring, so it works on
   pipes as well as files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static int tail_stream(FILE* f, const char* name, unsigned long lines)
{
    if (lines == 0)
        return 0;
    char** ring = calloc(lines, sizeof *ring);
    if (!ring) {
        fprintf(stderr, "tail: out of memory\n");
        return -1;
    }
    unsigned long next = 0, count = 0;
    char* line = NULL;
    size_t cap = 0;
    ssize_t len;
    /* newlib (x86_64-elf) has getline only as __getline. */
    while ((len = __getline(&line, &cap, f)) > 0) {
        free(ring[next]);
        ring[next] = line; /* the ring takes the buffer; getline makes a new one */
        line = NULL;
        cap = 0;
        next = (next + 1) % lines;
        if (count < lines)
            count++;
    }
    free(line);
    int rc = 0;
    if (ferror(f)) {
        util_warn("tail", name);
        rc = -1;
    }
    for (unsigned long k = 0; k < count; k++) {
        unsigned long at = (next + lines - count + k) % lines;
        fputs(ring[at], stdout);
    }
    for (unsigned long k = 0; k < lines; k++)
        free(ring[k]);
    free(ring);
    return rc;
}

int main(int argc, char** argv)
{
    unsigned long lines = 10;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char* count;
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            count = argv[++i];
        } else if (strncmp(argv[i], "-n", 2) == 0) {
            count = argv[i] + 2;
        } else {
            count = argv[i] + 1; /* the old -N form */
        }
        if (util_parse_ulong(count, &lines) < 0) {
            fprintf(stderr, "tail: invalid number of lines '%s'\nusage: tail [-n N] [FILE...]\n", count);
            return 2;
        }
    }
    if (i == argc)
        return tail_stream(stdin, "stdin", lines) < 0;
    int status = 0;
    for (int first = i; i < argc; i++) {
        FILE* f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!f) {
            util_warn("tail", argv[i]);
            status = 1;
            continue;
        }
        if (argc - first > 1)
            printf("%s==> %s <==\n", i > first ? "\n" : "", argv[i]);
        status |= tail_stream(f, argv[i], lines) < 0;
        if (f != stdin)
            fclose(f);
    }
    return status | (fflush(stdout) != 0);
}
