/* grep [-v] [-i] [-n] [-c] [-F] PATTERN [FILE...]: print the lines that match
   PATTERN (see pattern.h; -F takes it as a fixed string). -v selects the lines
   that do not match, -i ignores case, -n numbers lines, -c prints only counts.
   With several files each line is prefixed by its file's name. Exit status: 0 if
   some line was selected, 1 if none, 2 on an error. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pattern.h"
#include "util.h"

static int g_invert, g_ignore_case, g_number, g_count, g_fixed;
static struct pattern g_pattern;
static const char* g_fixed_text;

static int fixed_match(const char* line, size_t len)
{
    size_t n = strlen(g_fixed_text);
    for (size_t at = 0; at + n <= len; at++) {
        size_t k = 0;
        while (k < n && (g_ignore_case ? tolower((unsigned char)line[at + k]) == tolower((unsigned char)g_fixed_text[k])
                                       : line[at + k] == g_fixed_text[k]))
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

/* The number of selected lines, or -1 on a read error. */
static long grep_stream(FILE* f, const char* name, int show_name)
{
    char* line = NULL;
    size_t cap = 0;
    ssize_t len;
    long selected = 0;
    unsigned long number = 0;
    /* newlib (x86_64-elf) has getline only as __getline. */
    while ((len = __getline(&line, &cap, f)) > 0) {
        number++;
        size_t body = (size_t)len;
        if (body && line[body - 1] == '\n')
            body--;
        int hit = g_fixed ? fixed_match(line, body) : pattern_match(&g_pattern, line, body);
        if (hit == g_invert)
            continue;
        selected++;
        if (g_count)
            continue;
        if (show_name)
            printf("%s:", name);
        if (g_number)
            printf("%lu:", number);
        fwrite(line, 1, body, stdout);
        putchar('\n');
    }
    free(line);
    if (ferror(f)) {
        util_warn("grep", name);
        return -1;
    }
    if (g_count) {
        if (show_name)
            printf("%s:", name);
        printf("%ld\n", selected);
    }
    return selected;
}

int main(int argc, char** argv)
{
    int c;
    while ((c = getopt(argc, argv, "vincF")) != -1) {
        switch (c) {
        case 'v': g_invert = 1; break;
        case 'i': g_ignore_case = 1; break;
        case 'n': g_number = 1; break;
        case 'c': g_count = 1; break;
        case 'F': g_fixed = 1; break;
        default:
            fprintf(stderr, "usage: grep [-v] [-i] [-n] [-c] [-F] PATTERN [FILE...]\n");
            return 2;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "usage: grep [-v] [-i] [-n] [-c] [-F] PATTERN [FILE...]\n");
        return 2;
    }
    const char* text = argv[optind++];
    const char* error;
    if (g_fixed)
        g_fixed_text = text;
    else if (pattern_compile(&g_pattern, text, g_ignore_case, &error) < 0) {
        fprintf(stderr, "grep: %s: %s\n", text, error);
        return 2;
    }
    int files = argc - optind, errors = 0;
    long selected = 0;
    if (files == 0) {
        long n = grep_stream(stdin, "(standard input)", 0);
        errors |= n < 0;
        selected += n > 0 ? n : 0;
    }
    for (int i = optind; i < argc; i++) {
        FILE* f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!f) {
            util_warn("grep", argv[i]);
            errors = 1;
            continue;
        }
        long n = grep_stream(f, argv[i], files > 1);
        errors |= n < 0;
        selected += n > 0 ? n : 0;
        if (f != stdin)
            fclose(f);
    }
    fflush(stdout);
    return errors ? 2 : selected ? 0 : 1;
}
