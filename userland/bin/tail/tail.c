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

int main(int argc, char** argv) { return util_run_line_filter("tail", argc, argv, tail_stream); }
