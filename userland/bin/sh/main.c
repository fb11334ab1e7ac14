/* sh: start-up and the read-parse-run loop. `sh` on a terminal is interactive
   (prompt, line editing, job control); `sh FILE [ARG...]`, `sh -c 'CMD' [ARG0
   ARG...]` and `sh` reading a pipe run commands without either. A command that
   spans lines (open quote, trailing `|`, `&&`, `||` or `\`) is read to its end
   before it runs. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <termios.h>
#include <unistd.h>

#include "sh.h"
#include "unum.h"

struct shell g_shell;

/* ---------------------------------------------------------------- small helpers */

void* xmalloc(size_t size)
{
    void* p = malloc(size ? size : 1);
    if (!p) {
        fputs("sh: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

void* xrealloc(void* old, size_t size)
{
    void* p = realloc(old, size ? size : 1);
    if (!p) {
        fputs("sh: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

char* xstrdup(const char* s) { return xstrndup(s, strlen(s)); }

char* xstrndup(const char* s, size_t n)
{
    char* p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* ---------------------------------------------------------------- the prompt */

static char g_node_name[72]; /* "node<N>" or a utsname nodename */

static void find_node_name(void)
{
    struct unum_self_info self;
    if (unum_self(&self) == 0) {
        snprintf(g_node_name, sizeof g_node_name, "node%u", self.node);
        return;
    }
    struct utsname u;
    if (uname(&u) == 0)
        snprintf(g_node_name, sizeof g_node_name, "%s", u.nodename);
    else
        snprintf(g_node_name, sizeof g_node_name, "unum");
}

/* `node<N>:<cwd># ` for root, `$ ` for everyone else (DESIGN §4). */
static void make_prompt(char* buf, size_t size)
{
    if (geteuid() != 0) {
        snprintf(buf, size, "$ ");
        return;
    }
    char cwd[1024];
    if (!getcwd(cwd, sizeof cwd))
        snprintf(cwd, sizeof cwd, "?");
    snprintf(buf, size, "%s:%s# ", g_node_name, cwd);
}

/* ---------------------------------------------------------------- line sources */

/* Where command lines come from: the line editor, a string (-c), or an fd. */
struct line_source {
    int use_editor;
    const char* string; /* -c: handed out whole, once */
    int fd;
    char buffer[4096];
    size_t at, length;
    int eof;
};

/* Reads one line without its newline; NULL at end of input. *interrupted is
   set when ^C abandoned the line. */
static char* next_line(struct line_source* src, const char* prompt, int* interrupted)
{
    *interrupted = 0;
    if (src->use_editor)
        return line_editor_read(prompt, interrupted);
    if (*prompt) { /* -i without a terminal: prompts, but plain reads */
        fputs(prompt, stdout);
        fflush(stdout);
    }
    if (src->string) {
        char* line = xstrdup(src->string);
        src->string = NULL;
        src->eof = 1;
        return line;
    }
    char* line = NULL;
    size_t length = 0;
    for (;;) {
        if (src->at == src->length) {
            if (src->eof)
                break;
            ssize_t n = read(src->fd, src->buffer, sizeof src->buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                src->eof = 1;
                break;
            }
            src->at = 0;
            src->length = (size_t)n;
        }
        char* start = src->buffer + src->at;
        char* newline = memchr(start, '\n', src->length - src->at);
        size_t take = newline ? (size_t)(newline - start) : src->length - src->at;
        line = xrealloc(line, length + take + 1);
        memcpy(line + length, start, take);
        length += take;
        line[length] = '\0';
        src->at += take + (newline ? 1 : 0);
        if (newline)
            return line;
    }
    return line; /* a last line without a newline, or NULL */
}

/* Reads and runs one complete command; returns 0 at end of input. */
static int run_one(struct line_source* src)
{
    char prompt[1100];
    if (g_shell.interactive) {
        jobs_reap_and_notify(1);
        make_prompt(prompt, sizeof prompt);
    }
    int interrupted;
    char* text = next_line(src, g_shell.interactive ? prompt : "", &interrupted);
    if (!text)
        return 0;
    if (interrupted) {
        g_shell.last_status = 130;
        free(text);
        return 1;
    }
    struct command_list list;
    enum parse_result r;
    while ((r = parse_command_list(text, &list)) == PARSE_INCOMPLETE) {
        char* more = next_line(src, "> ", &interrupted);
        if (!more || interrupted) {
            if (!more)
                fputs("sh: syntax error: unexpected end of input\n", stderr);
            free(more);
            r = PARSE_ERROR;
            break;
        }
        size_t n = strlen(text);
        text = xrealloc(text, n + strlen(more) + 2);
        text[n] = '\n';
        strcpy(text + n + 1, more);
        free(more);
    }
    if (g_shell.interactive)
        history_add(text);
    free(text);
    if (r == PARSE_OK) {
        execute_list(&list);
        free_command_list(&list);
    } else {
        g_shell.last_status = 2;
    }
    return 1;
}

/* ---------------------------------------------------------------- start-up */

static void start_job_control(void)
{
    g_shell.job_control = 1;
    g_shell.terminal_fd = 0;
    /* ^C, ^\ and ^Z are for the foreground job; the shell must survive them, and
       must be able to take the terminal back (tcsetpgrp from the background). */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
    g_shell.pgid = getpid();
    if (getpgrp() != g_shell.pgid)
        setpgid(0, g_shell.pgid); /* fails harmlessly for a session leader */
    g_shell.pgid = getpgrp();
    tcsetpgrp(0, g_shell.pgid);
}

static void usage(void)
{
    fputs("usage: sh [-i] [-c COMMAND [NAME [ARG...]] | FILE [ARG...]]\n", stderr);
    exit(2);
}

int main(int argc, char** argv)
{
    struct line_source src = { .fd = 0 };
    int force_interactive = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "-c") == 0) {
            if (i + 1 >= argc)
                usage();
            src.string = argv[++i];
        } else if (strcmp(argv[i], "-i") == 0) {
            force_interactive = 1;
        } else {
            usage();
        }
    }
    /* $0 and the positional parameters. */
    if (src.string) {
        g_shell.argv = i < argc ? argv + i : argv;
        g_shell.argc = i < argc ? argc - i : 1;
    } else if (i < argc) {
        src.fd = open(argv[i], O_RDONLY);
        if (src.fd < 0) {
            fprintf(stderr, "sh: %s: %s\n", argv[i], strerror(errno));
            return 127;
        }
        fcntl(src.fd, F_SETFD, FD_CLOEXEC);
        g_shell.argv = argv + i;
        g_shell.argc = argc - i;
    } else {
        g_shell.argv = argv;
        g_shell.argc = 1;
    }
    if (!getenv("PATH"))
        setenv("PATH", "/bin", 1);

    struct termios t;
    int on_terminal = !src.string && src.fd == 0 && tcgetattr(0, &t) == 0;
    g_shell.interactive = force_interactive || on_terminal;
    if (g_shell.interactive && on_terminal) {
        src.use_editor = 1;
        start_job_control();
    }
    if (g_shell.interactive)
        find_node_name();

    while (run_one(&src) && !g_shell.exit_requested)
        ;
    fflush(NULL);
    return g_shell.exit_requested ? g_shell.exit_status : g_shell.last_status;
}
