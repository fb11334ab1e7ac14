/* grep's patterns: newlib (x86_64-elf) ships <regex.h> but no regcomp, so grep
   has this small matcher of its own. It knows literal characters, `.`, `[set]`
   (ranges, `^` to negate), `*` `+` `?` after any of those, `^` and `$` anchors
   and `\` to quote the next character. */
#ifndef GREP_PATTERN_H
#define GREP_PATTERN_H

#include <stddef.h>

enum atom_kind { ATOM_CHAR, ATOM_ANY, ATOM_SET };
enum atom_repeat { REPEAT_ONE, REPEAT_STAR, REPEAT_PLUS, REPEAT_OPTIONAL };

struct atom {
    enum atom_kind kind;
    enum atom_repeat repeat;
    unsigned char c;
    unsigned char set[32]; /* bit per byte value, for ATOM_SET */
};

struct pattern {
    struct atom* atoms;
    size_t count;
    int anchored_start, anchored_end;
    int ignore_case;
};

/* 0, or -1 with *error saying what is wrong with text. */
int pattern_compile(struct pattern* p, const char* text, int ignore_case, const char** error);

/* Whether the pattern matches anywhere in line[0..len). */
int pattern_match(const struct pattern* p, const char* line, size_t len);

void pattern_free(struct pattern* p);

#endif
