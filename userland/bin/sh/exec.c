/* sh: running the command tree. A lone builtin runs inside the shell (so `cd`
   and `export` change it) with its redirections applied and undone around it;
   everything else forks, one process per pipeline stage, all stages of a
   pipeline in one process group that gets the terminal while in the foreground.
   An and-or list sent to the background as a whole runs in a forked sub-shell. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* The signals an interactive shell ignores and its children must not. */
static const int g_job_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD };

void reset_child_signals(void)
{
    for (size_t i = 0; i < sizeof g_job_signals / sizeof g_job_signals[0]; i++)
        signal(g_job_signals[i], SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

/* ---------------------------------------------------------------- redirections */

static void save_fd(int fd, struct saved_fd* saved, int* saved_count)
{
    if (!saved)
        return;
    for (int i = 0; i < *saved_count; i++)
        if (saved[i].fd == fd)
            return; /* the first save holds the original */
    if (*saved_count == MAX_SAVED_FDS)
        return;
    /* Copies go above the fds commands use, and must not leak into children. */
    int copy = fcntl(fd, F_DUPFD, 10);
    if (copy >= 0)
        fcntl(copy, F_SETFD, FD_CLOEXEC);
    saved[(*saved_count)++] = (struct saved_fd){ fd, copy };
}

static int parse_fd(const char* s)
{
    if (!*s)
        return -1;
    int n = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || n > 1000)
            return -1;
        n = n * 10 + (*s - '0');
    }
    return n;
}

int apply_redirections(const struct redirection* r, struct saved_fd* saved, int* saved_count)
{
    for (; r; r = r->next) {
        char* target = expand_single(r->word);
        save_fd(r->fd, saved, saved_count);
        if (r->kind == REDIR_DUP) {
            if (strcmp(target, "-") == 0) {
                close(r->fd);
            } else {
                int from = parse_fd(target);
                if (from < 0 || (from != r->fd && dup2(from, r->fd) < 0)) {
                    fprintf(stderr, "sh: %s: bad file descriptor\n", target);
                    free(target);
                    return -1;
                }
            }
            free(target);
            continue;
        }
        int flags = r->kind == REDIR_INPUT    ? O_RDONLY
                  : r->kind == REDIR_OUTPUT   ? O_WRONLY | O_CREAT | O_TRUNC
                                              : O_WRONLY | O_CREAT | O_APPEND;
        int fd = open(target, flags, 0666);
        if (fd < 0) {
            fprintf(stderr, "sh: %s: %s\n", target, strerror(errno));
            free(target);
            return -1;
        }
        free(target);
        if (fd != r->fd) {
            int ok = dup2(fd, r->fd) >= 0;
            close(fd);
            if (!ok) {
                fprintf(stderr, "sh: %d: %s\n", r->fd, strerror(errno));
                return -1;
            }
        }
    }
    return 0;
}

void restore_fds(struct saved_fd* saved, int saved_count)
{
    for (int i = saved_count - 1; i >= 0; i--) {
        if (saved[i].copy >= 0) {
            dup2(saved[i].copy, saved[i].fd);
            close(saved[i].copy);
        } else {
            close(saved[i].fd);
        }
    }
}

/* ---------------------------------------------------------------- one command */

/* Expands cmd: leading NAME=value words go to *assignments (expanded, not
   split), the rest to the returned argv. */
static char** expand_command(const struct simple_command* cmd, int* argc, char*** assignments)
{
    int first = 0;
    *assignments = NULL;
    int count = 0;
    while (first < cmd->word_count && is_assignment(cmd->words[first])) {
        *assignments = xrealloc(*assignments, sizeof(char*) * (size_t)(count + 2));
        (*assignments)[count++] = expand_single(cmd->words[first]);
        (*assignments)[count] = NULL;
        first++;
    }
    return expand_words(cmd->words + first, cmd->word_count - first, argc);
}

static void set_assignments(char** assignments, int export)
{
    for (char** a = assignments; a && *a; a++) {
        char* eq = strchr(*a, '=');
        *eq = '\0';
        variable_set(*a, eq + 1, export);
        *eq = '=';
    }
}

/* In a forked child: runs the command and never returns. */
static void run_in_child(const struct simple_command* cmd, char** argv, int argc, char** assignments)
{
    char** my_assignments = NULL;
    if (!argv) /* expand here: the parent did not need to */
        argv = expand_command(cmd, &argc, &my_assignments);
    else
        my_assignments = assignments;
    set_assignments(my_assignments, 1);
    if (apply_redirections(cmd->redirections, NULL, NULL) < 0)
        _exit(1);
    if (argc == 0)
        _exit(0);
    builtin_function builtin = find_builtin(argv[0]);
    if (builtin) {
        int status = builtin(argc, argv);
        fflush(NULL);
        _exit(status);
    }
    execvp(argv[0], argv);
    int error = errno;
    if (error == ENOENT)
        fprintf(stderr, "sh: %s: not found\n", argv[0]);
    else
        fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(error));
    fflush(stderr);
    _exit(error == ENOENT ? 127 : 126);
}

/* Gives a forked process its job's group (both parent and child do this, so
   neither depends on who runs first) and, in the foreground, the terminal. */
static void join_process_group(pid_t pid, pid_t* pgid, int foreground, int in_child)
{
    if (!g_shell.job_control)
        return;
    if (*pgid == 0)
        *pgid = pid;
    setpgid(pid, *pgid);
    if (in_child && foreground)
        tcsetpgrp(g_shell.terminal_fd, *pgid);
}

/* Runs a pipeline; a single-stage one may come pre-expanded (argv != NULL). */
static int run_pipeline(const struct pipeline* pl, int background, const char* text, char** argv, int argc,
                        char** assignments)
{
    fflush(NULL); /* children must not write the shell's buffered output again */
    struct job* job = job_create(0, text, background);
    pid_t pgid = 0;
    int input = -1; /* read end of the previous stage's pipe */
    for (int i = 0; i < pl->command_count; i++) {
        int fds[2] = { -1, -1 };
        if (i + 1 < pl->command_count && pipe(fds) < 0) {
            fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
            break;
        }
        pid_t pid = fork();
        if (pid < 0) {
            fprintf(stderr, "sh: fork: %s\n", strerror(errno));
            if (fds[0] >= 0) {
                close(fds[0]);
                close(fds[1]);
            }
            break;
        }
        if (pid == 0) {
            join_process_group(getpid(), &pgid, !background, 1);
            reset_child_signals();
            if (input >= 0) {
                dup2(input, 0);
                close(input);
            } else if (background && !g_shell.job_control) {
                /* Without job control a background job must not steal our input. */
                int null = open("/dev/null", O_RDONLY);
                if (null >= 0 && null != 0) {
                    dup2(null, 0);
                    close(null);
                }
            }
            if (fds[1] >= 0) {
                dup2(fds[1], 1);
                close(fds[1]);
                close(fds[0]);
            }
            g_shell.interactive = g_shell.job_control = 0;
            run_in_child(&pl->commands[i], pl->command_count == 1 ? argv : NULL, argc, assignments);
        }
        join_process_group(pid, &pgid, !background, 0);
        job->pgid = pgid;
        job_add_process(job, pid);
        if (input >= 0)
            close(input);
        if (fds[1] >= 0)
            close(fds[1]);
        input = fds[0];
    }
    if (input >= 0)
        close(input);
    if (job->process_count == 0) {
        job_remove(job);
        return 1;
    }
    if (background) {
        g_shell.last_background = job->pids[job->process_count - 1];
        if (g_shell.interactive)
            printf("[%d] %d\n", job->id, (int)g_shell.last_background);
        fflush(stdout);
        return 0;
    }
    return job_wait_foreground(job);
}

/* A foreground pipeline of one builtin or only assignments/redirections runs in
   the shell; anything else goes to run_pipeline. */
static int run_foreground_pipeline(const struct pipeline* pl, const char* text)
{
    if (pl->command_count != 1)
        return run_pipeline(pl, 0, text, NULL, 0, NULL);
    const struct simple_command* cmd = &pl->commands[0];
    char** assignments;
    int argc;
    char** argv = expand_command(cmd, &argc, &assignments);
    builtin_function builtin = argc ? find_builtin(argv[0]) : NULL;
    int status;
    if (argc == 0 || builtin) {
        struct saved_fd saved[MAX_SAVED_FDS];
        int saved_count = 0;
        if (argc == 0)
            set_assignments(assignments, 0);
        if (apply_redirections(cmd->redirections, saved, &saved_count) < 0) {
            status = 1;
        } else {
            status = builtin ? builtin(argc, argv) : 0;
        }
        fflush(NULL);
        restore_fds(saved, saved_count);
    } else {
        status = run_pipeline(pl, 0, text, argv, argc, assignments);
    }
    free_argv(argv);
    free_argv(assignments);
    return status;
}

/* ---------------------------------------------------------------- lists */

static int run_and_or(const struct and_or* ao)
{
    int status = run_foreground_pipeline(&ao->pipelines[0], ao->text);
    for (int i = 1; i < ao->pipeline_count && !g_shell.exit_requested; i++) {
        g_shell.last_status = status;
        int want_success = ao->connectors[i - 1] == CONNECT_AND;
        if ((status == 0) == want_success)
            status = run_foreground_pipeline(&ao->pipelines[i], ao->text);
    }
    return status;
}

/* `a && b &`: the whole list runs in a forked sub-shell that is one job. */
static int run_background_and_or(const struct and_or* ao)
{
    if (ao->pipeline_count == 1)
        return run_pipeline(&ao->pipelines[0], 1, ao->text, NULL, 0, NULL);
    fflush(NULL);
    struct job* job = job_create(0, ao->text, 1);
    pid_t pgid = 0;
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "sh: fork: %s\n", strerror(errno));
        job_remove(job);
        return 1;
    }
    if (pid == 0) {
        join_process_group(getpid(), &pgid, 0, 1);
        reset_child_signals();
        g_shell.interactive = g_shell.job_control = 0;
        int status = run_and_or(ao);
        fflush(NULL);
        _exit(g_shell.exit_requested ? g_shell.exit_status : status);
    }
    join_process_group(pid, &pgid, 0, 0);
    job->pgid = pgid;
    job_add_process(job, pid);
    g_shell.last_background = pid;
    if (g_shell.interactive)
        printf("[%d] %d\n", job->id, (int)pid);
    fflush(stdout);
    return 0;
}

int execute_list(const struct command_list* list)
{
    for (int i = 0; i < list->count && !g_shell.exit_requested; i++) {
        const struct and_or* ao = &list->items[i];
        g_shell.last_status = ao->background ? run_background_and_or(ao) : run_and_or(ao);
    }
    return g_shell.last_status;
}
