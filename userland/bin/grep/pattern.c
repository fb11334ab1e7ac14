/* The matcher of pattern.h: the pattern becomes a list of atoms, each with its
   repetition, and matching backtracks over them (greedy, like grep's). Patterns
   typed at a shell are short, so the worst case does not matter here. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pattern.h"

static void set_add(struct atom* a, unsigned char c, int ignore_case)
{
    a->set[c >> 3] |= (unsigned char)(1u << (c & 7));
    if (ignore_case) {
        unsigned char l = (unsigned char)tolower(c), u = (unsigned char)toupper(c);
        a->set[l >> 3] |= (unsigned char)(1u << (l & 7));
        a->set[u >> 3] |= (unsigned char)(1u << (u & 7));
    }
}

static int set_has(const struct atom* a, unsigned char c)
{
    return (a->set[c >> 3] >> (c & 7)) & 1;
}

/* Parses "[...]" starting after the '['; returns the position after ']' or NULL. */
static const char* parse_set(const char* s, struct atom* a, int ignore_case)
{
    int negate = 0;
    if (*s == '^') {
        negate = 1;
        s++;
    }
    /* A ']' first is a member, not the end. */
    int first = 1;
    while (*s && (*s != ']' || first)) {
        unsigned char lo = (unsigned char)*s++;
        if (lo == '\\' && *s)
            lo = (unsigned char)*s++;
        unsigned char hi = lo;
        if (s[0] == '-' && s[1] && s[1] != ']') {
            hi = (unsigned char)s[1];
            s += 2;
        }
        for (unsigned c = lo; c <= hi; c++)
            set_add(a, (unsigned char)c, ignore_case);
        first = 0;
    }
    if (*s != ']')
        return NULL;
    if (negate) {
        for (int i = 0; i < 32; i++)
            a->set[i] = (unsigned char)~a->set[i];
    }
    return s + 1;
}

int pattern_compile(struct pattern* p, const char* text, int ignore_case, const char** error)
{
    memset(p, 0, sizeof *p);
    p->ignore_case = ignore_case;
    p->atoms = calloc(strlen(text) + 1, sizeof *p->atoms);
    if (!p->atoms) {
        *error = "out of memory";
        return -1;
    }
    const char* s = text;
    if (*s == '^') {
        p->anchored_start = 1;
        s++;
    }
    while (*s) {
        if (s[0] == '$' && s[1] == '\0') {
            p->anchored_end = 1;
            break;
        }
        struct atom* a = &p->atoms[p->count];
        if (*s == '.') {
            a->kind = ATOM_ANY;
            s++;
        } else if (*s == '[') {
            a->kind = ATOM_SET;
            s = parse_set(s + 1, a, ignore_case);
            if (!s) {
                *error = "unmatched [";
                pattern_free(p);
                return -1;
            }
        } else if ((*s == '*' || *s == '+' || *s == '?') && p->count == 0) {
            a->kind = ATOM_CHAR; /* nothing to repeat: a literal, as grep takes it */
            a->c = (unsigned char)*s++;
        } else {
            if (*s == '\\' && s[1])
                s++;
            a->kind = ATOM_CHAR;
            a->c = (unsigned char)(ignore_case ? tolower((unsigned char)*s) : *s);
            s++;
        }
        a->repeat = *s == '*' ? REPEAT_STAR : *s == '+' ? REPEAT_PLUS : *s == '?' ? REPEAT_OPTIONAL : REPEAT_ONE;
        if (a->repeat != REPEAT_ONE)
            s++;
        p->count++;
    }
    return 0;
}

static int atom_matches(const struct pattern* p, const struct atom* a, unsigned char c)
{
    switch (a->kind) {
    case ATOM_ANY: return 1;
    case ATOM_SET: return set_has(a, c);
    case ATOM_CHAR: return (p->ignore_case ? (unsigned char)tolower(c) : c) == a->c;
    }
    return 0;
}

/* Matches atoms[i..] against line[at..len). */
static int match_here(const struct pattern* p, size_t i, const char* line, size_t at, size_t len)
{
    if (i == p->count)
        return !p->anchored_end || at == len;
    const struct atom* a = &p->atoms[i];
    size_t min = a->repeat == REPEAT_ONE || a->repeat == REPEAT_PLUS ? 1 : 0;
    size_t max = a->repeat == REPEAT_ONE || a->repeat == REPEAT_OPTIONAL ? 1 : (size_t)-1;
    size_t n = 0;
    while (n < max && at + n < len && atom_matches(p, a, (unsigned char)line[at + n]))
        n++;
    /* Greedy: try the longest run first, give back one at a time. */
    for (;; n--) {
        if (n < min)
            return 0;
        if (match_here(p, i + 1, line, at + n, len))
            return 1;
        if (n == 0)
            return 0;
    }
}

int pattern_match(const struct pattern* p, const char* line, size_t len)
{
    if (p->anchored_start)
        return match_here(p, 0, line, 0, len);
    for (size_t at = 0; at <= len; at++) {
        if (match_here(p, 0, line, at, len))
            return 1;
    }
    return 0;
}

void pattern_free(struct pattern* p)
{
    free(p->atoms);
    p->atoms = NULL;
    p->count = 0;
}
