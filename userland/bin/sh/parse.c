/* sh: the lexer and parser. Text becomes tokens (words kept raw, with their
   quotes, so that expansion can happen when the command runs: `false; echo $?`
   must see the new $?), then a recursive-descent parser builds the tree of
   sh.h. Grammar (docs/shell.md):
     list     := and_or ((';' | '&' | newline) and_or)* [';' | '&']
     and_or   := pipeline (('&&' | '||') newline* pipeline)*
     pipeline := command ('|' newline* command)*
     command  := (word | redirection)+
     redirection := [n] ('<' | '>' | '>>' | '<&' | '>&') word */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

enum token_kind {
    TOKEN_WORD,
    TOKEN_REDIRECTION,
    TOKEN_PIPE,
    TOKEN_AND,
    TOKEN_OR,
    TOKEN_SEMICOLON,
    TOKEN_AMPERSAND,
    TOKEN_NEWLINE,
    TOKEN_END,
};

struct token {
    enum token_kind kind;
    char* word;                  /* TOKEN_WORD */
    int fd;                      /* TOKEN_REDIRECTION: fd, kind */
    enum redirection_kind redir;
    size_t start, end;           /* source offsets, for job texts */
};

struct lexer {
    const char* text;
    size_t at;
    struct token* tokens;
    int count, capacity;
};

static void push_token(struct lexer* lx, struct token t)
{
    if (lx->count == lx->capacity) {
        lx->capacity = lx->capacity ? lx->capacity * 2 : 16;
        lx->tokens = xrealloc(lx->tokens, sizeof(struct token) * (size_t)lx->capacity);
    }
    lx->tokens[lx->count++] = t;
}

static int is_operator_char(char c) { return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '\n'; }

/* Scans one word starting at lx->at; returns its end, or 0 when a quote or a
   trailing backslash is left open. */
static size_t scan_word(const char* s, size_t i, int* open)
{
    *open = 0;
    while (s[i] && s[i] != ' ' && s[i] != '\t' && !is_operator_char(s[i])) {
        if (s[i] == '\\') {
            if (!s[i + 1]) {
                *open = 1;
                return i + 1;
            }
            i += 2;
        } else if (s[i] == '\'') {
            const char* close = strchr(s + i + 1, '\'');
            if (!close) {
                *open = 1;
                return strlen(s);
            }
            i = (size_t)(close - s) + 1;
        } else if (s[i] == '"') {
            i++;
            while (s[i] && s[i] != '"')
                i += (s[i] == '\\' && s[i + 1]) ? 2 : 1;
            if (!s[i]) {
                *open = 1;
                return i;
            }
            i++;
        } else {
            i++;
        }
    }
    return i;
}

/* Returns PARSE_OK, or PARSE_INCOMPLETE for an open quote or backslash. */
static enum parse_result tokenize(struct lexer* lx)
{
    const char* s = lx->text;
    size_t i = 0;
    for (;;) {
        while (s[i] == ' ' || s[i] == '\t')
            i++;
        if (s[i] == '\\' && s[i + 1] == '\n') { /* line continuation between words */
            i += 2;
            continue;
        }
        if (s[i] == '#') { /* comment to the end of the line */
            while (s[i] && s[i] != '\n')
                i++;
        }
        struct token t = { .start = i };
        if (!s[i]) {
            t.kind = TOKEN_END;
            t.end = i;
            push_token(lx, t);
            return PARSE_OK;
        }
        char c = s[i], next = s[i + 1];
        if (c == '\n') {
            t.kind = TOKEN_NEWLINE, i++;
        } else if (c == '|') {
            t.kind = next == '|' ? TOKEN_OR : TOKEN_PIPE, i += next == '|' ? 2 : 1;
        } else if (c == '&') {
            t.kind = next == '&' ? TOKEN_AND : TOKEN_AMPERSAND, i += next == '&' ? 2 : 1;
        } else if (c == ';') {
            t.kind = TOKEN_SEMICOLON, i++;
        } else {
            /* A word, or a redirection whose fd is a leading run of digits. */
            size_t digits = i;
            while (isdigit((unsigned char)s[digits]))
                digits++;
            int fd = -1;
            if ((s[digits] == '<' || s[digits] == '>') && (digits > i || c == '<' || c == '>')) {
                fd = digits > i ? atoi(s + i) : (s[digits] == '<' ? 0 : 1);
                i = digits;
                t.kind = TOKEN_REDIRECTION;
                t.fd = fd;
                if (s[i] == '<') {
                    t.redir = s[i + 1] == '&' ? REDIR_DUP : REDIR_INPUT;
                    i += s[i + 1] == '&' ? 2 : 1;
                } else if (s[i + 1] == '>') {
                    t.redir = REDIR_APPEND, i += 2;
                } else if (s[i + 1] == '&') {
                    t.redir = REDIR_DUP, i += 2;
                } else {
                    t.redir = REDIR_OUTPUT;
                    i += s[i + 1] == '|' ? 2 : 1; /* >| : no noclobber, same as > */
                }
                while (s[i] == ' ' || s[i] == '\t')
                    i++;
                if (!s[i] || is_operator_char(s[i])) {
                    fprintf(stderr, "sh: syntax error: redirection without a file name\n");
                    return PARSE_ERROR;
                }
            } else {
                t.kind = TOKEN_WORD;
            }
            int open;
            size_t end = scan_word(s, i, &open);
            if (open)
                return PARSE_INCOMPLETE;
            t.word = xstrndup(s + i, end - i);
            i = end;
        }
        t.end = i;
        push_token(lx, t);
    }
}

/* ---------------------------------------------------------------- parser */

struct parser {
    struct lexer* lx;
    int at;
    const char* text;
};

static struct token* peek(struct parser* p) { return &p->lx->tokens[p->at]; }

static const char* token_name(const struct token* t)
{
    switch (t->kind) {
    case TOKEN_WORD: return t->word;
    case TOKEN_REDIRECTION: return "redirection";
    case TOKEN_PIPE: return "|";
    case TOKEN_AND: return "&&";
    case TOKEN_OR: return "||";
    case TOKEN_SEMICOLON: return ";";
    case TOKEN_AMPERSAND: return "&";
    case TOKEN_NEWLINE: return "newline";
    case TOKEN_END: return "end of input";
    }
    return "?";
}

static enum parse_result syntax_error(struct parser* p)
{
    fprintf(stderr, "sh: syntax error near `%s'\n", token_name(peek(p)));
    return PARSE_ERROR;
}

/* After | && ||: newlines may follow; the end of input means "read more". */
static enum parse_result skip_newlines_expecting_more(struct parser* p)
{
    while (peek(p)->kind == TOKEN_NEWLINE)
        p->at++;
    return peek(p)->kind == TOKEN_END ? PARSE_INCOMPLETE : PARSE_OK;
}

static enum parse_result parse_command(struct parser* p, struct simple_command* cmd)
{
    memset(cmd, 0, sizeof *cmd);
    struct redirection** tail = &cmd->redirections;
    for (;;) {
        struct token* t = peek(p);
        if (t->kind == TOKEN_WORD) {
            cmd->words = xrealloc(cmd->words, sizeof(char*) * (size_t)(cmd->word_count + 2));
            cmd->words[cmd->word_count++] = t->word;
            cmd->words[cmd->word_count] = NULL;
            t->word = NULL; /* now owned by the command */
        } else if (t->kind == TOKEN_REDIRECTION) {
            struct redirection* r = xmalloc(sizeof *r);
            r->fd = t->fd;
            r->kind = t->redir;
            r->word = t->word;
            r->next = NULL;
            t->word = NULL;
            *tail = r;
            tail = &r->next;
        } else {
            break;
        }
        p->at++;
    }
    if (!cmd->word_count && !cmd->redirections)
        return syntax_error(p);
    if (!cmd->words) {
        cmd->words = xmalloc(sizeof(char*));
        cmd->words[0] = NULL;
    }
    return PARSE_OK;
}

static enum parse_result parse_pipeline(struct parser* p, struct pipeline* pl)
{
    memset(pl, 0, sizeof *pl);
    for (;;) {
        pl->commands = xrealloc(pl->commands, sizeof(struct simple_command) * (size_t)(pl->command_count + 1));
        enum parse_result r = parse_command(p, &pl->commands[pl->command_count]);
        pl->command_count++; /* even when it failed: free_command_list frees its parts */
        if (r != PARSE_OK)
            return r;
        if (peek(p)->kind != TOKEN_PIPE)
            return PARSE_OK;
        p->at++;
        if ((r = skip_newlines_expecting_more(p)) != PARSE_OK)
            return r;
    }
}

static enum parse_result parse_and_or(struct parser* p, struct and_or* ao)
{
    memset(ao, 0, sizeof *ao);
    size_t start = peek(p)->start;
    for (;;) {
        ao->pipelines = xrealloc(ao->pipelines, sizeof(struct pipeline) * (size_t)(ao->pipeline_count + 1));
        ao->connectors = xrealloc(ao->connectors, sizeof(enum connector) * (size_t)(ao->pipeline_count + 1));
        enum parse_result r = parse_pipeline(p, &ao->pipelines[ao->pipeline_count]);
        ao->pipeline_count++;
        if (r != PARSE_OK)
            return r;
        enum token_kind k = peek(p)->kind;
        if (k != TOKEN_AND && k != TOKEN_OR)
            break;
        ao->connectors[ao->pipeline_count - 1] = k == TOKEN_AND ? CONNECT_AND : CONNECT_OR;
        p->at++;
        if ((r = skip_newlines_expecting_more(p)) != PARSE_OK)
            return r;
    }
    size_t end = p->lx->tokens[p->at - 1].end;
    ao->text = xstrndup(p->text + start, end - start);
    return PARSE_OK;
}

enum parse_result parse_command_list(const char* text, struct command_list* list)
{
    memset(list, 0, sizeof *list);
    struct lexer lx = { .text = text };
    enum parse_result r = tokenize(&lx);
    struct parser p = { .lx = &lx, .text = text };
    while (r == PARSE_OK) {
        enum token_kind k = peek(&p)->kind;
        if (k == TOKEN_NEWLINE || k == TOKEN_SEMICOLON) {
            /* Empty statements between separators are harmless; `;` first is not. */
            if (k == TOKEN_SEMICOLON && (p.at == 0 || lx.tokens[p.at - 1].kind != TOKEN_NEWLINE)) {
                r = syntax_error(&p);
                break;
            }
            p.at++;
            continue;
        }
        if (k == TOKEN_END)
            break;
        list->items = xrealloc(list->items, sizeof(struct and_or) * (size_t)(list->count + 1));
        r = parse_and_or(&p, &list->items[list->count]);
        list->count++;
        if (r != PARSE_OK)
            break;
        k = peek(&p)->kind;
        if (k == TOKEN_AMPERSAND) {
            list->items[list->count - 1].background = 1;
            p.at++;
        } else if (k == TOKEN_SEMICOLON || k == TOKEN_NEWLINE) {
            p.at++;
        } else if (k != TOKEN_END) {
            r = syntax_error(&p);
        }
    }
    for (int i = 0; i < lx.count; i++)
        free(lx.tokens[i].word);
    free(lx.tokens);
    if (r != PARSE_OK)
        free_command_list(list);
    return r;
}

void free_command_list(struct command_list* list)
{
    for (int i = 0; i < list->count; i++) {
        struct and_or* ao = &list->items[i];
        for (int j = 0; j < ao->pipeline_count; j++) {
            struct pipeline* pl = &ao->pipelines[j];
            for (int k = 0; k < pl->command_count; k++) {
                struct simple_command* c = &pl->commands[k];
                for (int w = 0; w < c->word_count; w++)
                    free(c->words[w]);
                free(c->words);
                for (struct redirection *r = c->redirections, *next; r; r = next) {
                    next = r->next;
                    free(r->word);
                    free(r);
                }
            }
            free(pl->commands);
        }
        free(ao->pipelines);
        free(ao->connectors);
        free(ao->text);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}
