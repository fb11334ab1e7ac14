/* head [-n N | -N] [FILE...]: the first N (10) lines of each file or stdin. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static int head_stream(FILE* f, const char* name, unsigned long lines)
{
    int c;
    while (lines && (c = getc(f)) != EOF) {
        putchar(c);
        if (c == '\n')
            lines--;
    }
    if (ferror(f)) {
        util_warn("head", name);
        return -1;
    }
    return 0;
}

int main(int argc, char** argv) { return util_run_line_filter("head", argc, argv, head_stream); }
