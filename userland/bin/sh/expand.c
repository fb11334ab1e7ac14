/* sh: word expansion and variables. A raw word from the parser becomes fields:
   quotes are removed, backslashes escape, `$NAME`, `${NAME}`, `$?`, `$$`, `$!`,
   `$#` and `$0`..`$9` are replaced, a leading `~` becomes $HOME, and the result
   of an unquoted expansion is split at blanks (so `$EMPTY` vanishes and "$X"
   stays one field). No globbing, no command substitution, no arithmetic. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* ---------------------------------------------------------------- variables */

/* Unexported shell variables; exported ones live only in environ. */
struct variable {
    char* name;
    char* value;
};
static struct variable* g_variables;
static int g_variable_count;

static struct variable* find_local(const char* name)
{
    for (int i = 0; i < g_variable_count; i++)
        if (strcmp(g_variables[i].name, name) == 0)
            return &g_variables[i];
    return NULL;
}

static void remove_local(const char* name)
{
    struct variable* v = find_local(name);
    if (!v)
        return;
    free(v->name);
    free(v->value);
    *v = g_variables[--g_variable_count];
}

const char* variable_get(const char* name)
{
    struct variable* v = find_local(name);
    return v ? v->value : getenv(name);
}

void variable_set(const char* name, const char* value, int export)
{
    if (export || getenv(name)) {
        remove_local(name);
        setenv(name, value, 1);
        return;
    }
    struct variable* v = find_local(name);
    if (v) {
        free(v->value);
        v->value = xstrdup(value);
        return;
    }
    g_variables = xrealloc(g_variables, sizeof(struct variable) * (size_t)(g_variable_count + 1));
    g_variables[g_variable_count++] = (struct variable){ xstrdup(name), xstrdup(value) };
}

void variable_unset(const char* name)
{
    remove_local(name);
    unsetenv(name);
}

void variable_export(const char* name)
{
    struct variable* v = find_local(name);
    if (v) {
        char* value = xstrdup(v->value);
        remove_local(name);
        setenv(name, value, 1);
        free(value);
    } else if (!getenv(name)) {
        setenv(name, "", 1);
    }
}

static int is_name_start(char c) { return isalpha((unsigned char)c) || c == '_'; }
static int is_name_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

int is_assignment(const char* word)
{
    if (!is_name_start(word[0]))
        return 0;
    const char* p = word + 1;
    while (is_name_char(*p))
        p++;
    return *p == '=';
}

/* ---------------------------------------------------------------- growing strings */

struct buffer {
    char* data;
    size_t length, capacity;
};

static void buffer_add(struct buffer* b, char c)
{
    if (b->length + 2 > b->capacity) {
        b->capacity = b->capacity ? b->capacity * 2 : 32;
        b->data = xrealloc(b->data, b->capacity);
    }
    b->data[b->length++] = c;
    b->data[b->length] = '\0';
}

static void buffer_add_string(struct buffer* b, const char* s)
{
    while (*s)
        buffer_add(b, *s++);
}

/* ---------------------------------------------------------------- expansion */

/* The value of the parameter that starts at raw[*i] (just after the `$`), or
   NULL if what follows is no parameter (the `$` is then literal). Advances *i. */
static const char* parameter_value(const char* raw, size_t* i, char* scratch, size_t scratch_size)
{
    char c = raw[*i];
    if (c == '?' || c == '$' || c == '!' || c == '#' || isdigit((unsigned char)c)) {
        (*i)++;
        long n = c == '?' ? g_shell.last_status
               : c == '$' ? (long)getpid()
               : c == '!' ? (long)g_shell.last_background
               : c == '#' ? (long)(g_shell.argc > 0 ? g_shell.argc - 1 : 0)
               : -1;
        if (isdigit((unsigned char)c)) {
            int index = c - '0';
            return index < g_shell.argc ? g_shell.argv[index] : "";
        }
        if (c == '!' && g_shell.last_background == 0)
            return "";
        snprintf(scratch, scratch_size, "%ld", n);
        return scratch;
    }
    char name[128];
    size_t length = 0;
    if (c == '{') {
        size_t j = *i + 1;
        while (raw[j] && raw[j] != '}' && length + 1 < sizeof name)
            name[length++] = raw[j++];
        if (raw[j] != '}' || length == 0)
            return NULL;
        name[length] = '\0';
        *i = j + 1;
        if (strcmp(name, "?") == 0 || strcmp(name, "#") == 0 || (length == 1 && isdigit((unsigned char)name[0]))) {
            size_t k = 0;
            return parameter_value(name, &k, scratch, scratch_size);
        }
    } else if (is_name_start(c)) {
        while (is_name_char(raw[*i]) && length + 1 < sizeof name)
            name[length++] = raw[(*i)++];
        name[length] = '\0';
    } else {
        return NULL;
    }
    const char* value = variable_get(name);
    return value ? value : "";
}

static void push_field(char*** fields, int* count, struct buffer* b)
{
    *fields = xrealloc(*fields, sizeof(char*) * (size_t)(*count + 2));
    (*fields)[(*count)++] = b->data ? b->data : xstrdup("");
    (*fields)[*count] = NULL;
    b->data = NULL;
    b->length = b->capacity = 0;
}

/* split: whether unquoted expansions are split into fields. */
static int expand(const char* raw, char*** fields, int count, int split)
{
    struct buffer b = { 0 };
    int have_field = 0, in_double = 0;
    char scratch[32];
    size_t i = 0;
    if (raw[0] == '~' && (raw[1] == '/' || raw[1] == '\0')) {
        const char* home = variable_get("HOME");
        buffer_add_string(&b, home ? home : "/");
        have_field = 1;
        i = 1;
    }
    while (raw[i]) {
        char c = raw[i];
        if (c == '\\') {
            char next = raw[i + 1];
            if (next == '\n') { /* line continuation */
                i += 2;
                continue;
            }
            if (!next) {
                i++;
                continue;
            }
            if (in_double && next != '$' && next != '"' && next != '\\' && next != '`')
                buffer_add(&b, '\\');
            buffer_add(&b, next);
            have_field = 1;
            i += 2;
        } else if (c == '\'' && !in_double) {
            have_field = 1;
            for (i++; raw[i] && raw[i] != '\''; i++)
                buffer_add(&b, raw[i]);
            if (raw[i])
                i++;
        } else if (c == '"') {
            in_double = !in_double;
            have_field = 1;
            i++;
        } else if (c == '$') {
            i++;
            const char* value = parameter_value(raw, &i, scratch, sizeof scratch);
            if (!value) {
                buffer_add(&b, '$');
                have_field = 1;
            } else if (in_double || !split) {
                buffer_add_string(&b, value);
                have_field = 1;
            } else {
                for (; *value; value++) {
                    if (*value == ' ' || *value == '\t' || *value == '\n') {
                        if (have_field)
                            push_field(fields, &count, &b);
                        have_field = 0;
                    } else {
                        buffer_add(&b, *value);
                        have_field = 1;
                    }
                }
            }
        } else {
            buffer_add(&b, c);
            have_field = 1;
            i++;
        }
    }
    if (have_field)
        push_field(fields, &count, &b);
    else
        free(b.data);
    return count;
}

int expand_word(const char* raw, char*** fields, int count) { return expand(raw, fields, count, 1); }

char* expand_single(const char* raw)
{
    char** fields = NULL;
    int n = expand(raw, &fields, 0, 0);
    char* result = n ? fields[0] : xstrdup("");
    free(fields);
    return result;
}

char** expand_words(char* const* raw, int count, int* argc)
{
    char** argv = xmalloc(sizeof(char*));
    argv[0] = NULL;
    int n = 0;
    for (int i = 0; i < count; i++)
        n = expand_word(raw[i], &argv, n);
    *argc = n;
    return argv;
}

void free_argv(char** argv)
{
    if (!argv)
        return;
    for (char** p = argv; *p; p++)
        free(*p);
    free(argv);
}
