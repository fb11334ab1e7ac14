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

int main(int argc, char** argv)
{
    unsigned long lines = 10;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char* count = NULL;
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
            fprintf(stderr, "head: invalid number of lines '%s'\nusage: head [-n N] [FILE...]\n", count);
            return 2;
        }
    }
    if (i == argc)
        return head_stream(stdin, "stdin", lines) < 0;
    int status = 0;
    for (int first = i; i < argc; i++) {
        FILE* f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!f) {
            util_warn("head", argv[i]);
            status = 1;
            continue;
        }
        if (argc - first > 1)
            printf("%s==> %s <==\n", i > first ? "\n" : "", argv[i]);
        status |= head_stream(f, argv[i], lines) < 0;
        if (f != stdin)
            fclose(f);
    }
    return status | (fflush(stdout) != 0);
}
