/* sh: the Unum shell. Shared types and the interfaces between its parts:
   parse.c (text -> command tree), expand.c (words -> argv, variables),
   exec.c (running pipelines), jobs.c (job table, waiting, job control),
   builtins.c, line_editor.c (VT100 line editing and history), main.c. */
#ifndef SH_H
#define SH_H

#include <stddef.h>
#include <sys/types.h>

/* ---------------------------------------------------------------- command tree */

enum redirection_kind {
    REDIR_INPUT,  /* [n]<word  */
    REDIR_OUTPUT, /* [n]>word  */
    REDIR_APPEND, /* [n]>>word */
    REDIR_DUP,    /* [n]>&m or [n]<&m: word is the source fd */
};

struct redirection {
    int fd;
    enum redirection_kind kind;
    char* word; /* raw: still holds quotes and $ */
    struct redirection* next;
};

struct simple_command {
    char** words; /* raw words, NULL-terminated; assignments first */
    int word_count;
    struct redirection* redirections;
};

struct pipeline {
    struct simple_command* commands;
    int command_count;
};

enum connector { CONNECT_AND, CONNECT_OR };

/* pipeline (&& or ||  pipeline)* , maybe run in the background */
struct and_or {
    struct pipeline* pipelines;
    enum connector* connectors; /* connectors[i] joins pipelines[i] and [i+1] */
    int pipeline_count;
    int background;
    char* text; /* the source text, for `jobs` */
};

struct command_list {
    struct and_or* items;
    int count;
};

enum parse_result {
    PARSE_OK,
    PARSE_INCOMPLETE, /* open quote, trailing |, && or \: read another line */
    PARSE_ERROR,      /* message already printed */
};

/* Parses text (one or more lines) into *list. */
enum parse_result parse_command_list(const char* text, struct command_list* list);
void free_command_list(struct command_list* list);

/* ---------------------------------------------------------------- expansion */

/* Expands one raw word into fields (variables, $?, ~, quotes, backslashes);
   unquoted expansions are split at blanks. Appends to *fields (grown with
   realloc, NULL-terminated) and returns the new count. */
int expand_word(const char* raw, char*** fields, int count);
/* Expands a word that must stay one field (redirection targets). Caller frees. */
char* expand_single(const char* raw);
/* Expands every word of a command into a NULL-terminated argv. Caller frees
   with free_argv. */
char** expand_words(char* const* raw, int count, int* argc);
void free_argv(char** argv);

/* Is word NAME=value with a valid name? */
int is_assignment(const char* word);
/* Shell variables: unexported ones live here, exported ones in environ. */
const char* variable_get(const char* name);
void variable_set(const char* name, const char* value, int export);
void variable_unset(const char* name);
void variable_export(const char* name);

/* ---------------------------------------------------------------- shell state */

struct shell {
    int interactive;   /* reading commands from a terminal: prompts, job control */
    int job_control;   /* process groups and the terminal's foreground */
    int terminal_fd;   /* the controlling terminal (0) when job_control */
    pid_t pgid;        /* the shell's own process group */
    int last_status;   /* $? */
    pid_t last_background; /* $! */
    int argc;          /* $0..$9, $# */
    char** argv;
    int exit_requested;
    int exit_status;
    int warned_stopped_jobs;
};

extern struct shell g_shell;

/* ---------------------------------------------------------------- execution */

/* Runs every and-or list; returns the last status. */
int execute_list(const struct command_list* list);
/* Applies a command's redirections in this process; -1 (message printed) on error.
   With saved != NULL the fds they replace are saved there for restore_fds. */
struct saved_fd {
    int fd;
    int copy; /* -1: fd was closed before */
};
#define MAX_SAVED_FDS 16
int apply_redirections(const struct redirection* r, struct saved_fd* saved, int* saved_count);
void restore_fds(struct saved_fd* saved, int saved_count);
/* In a forked child: signals back to their defaults before exec. */
void reset_child_signals(void);

/* ---------------------------------------------------------------- jobs */

enum job_state { JOB_RUNNING, JOB_STOPPED, JOB_DONE };

struct job {
    int id;           /* %1, %2 ... ; 0 = free slot */
    pid_t pgid;
    pid_t* pids;
    int* statuses;    /* wait status of each process */
    int* finished;    /* 1 once the process exited or was killed */
    int* stopped;
    int process_count;
    char* text;
    int background;
    int notified;     /* state change already reported */
    unsigned sequence; /* higher = more recent, for the `+` job */
};

struct job* job_create(pid_t pgid, const char* text, int background);
void job_add_process(struct job* job, pid_t pid);
/* Waits for a foreground job to finish or stop, giving it the terminal;
   returns its status ($?: exit code, 128+signal) and reports a signal death. */
int job_wait_foreground(struct job* job);
/* Reaps finished children without blocking and reports background jobs that
   changed state (called before each prompt). */
void jobs_reap_and_notify(int verbose);
/* Finds a job by a %n / %% / %+ / %- / pid specification (NULL spec = current). */
struct job* job_find(const char* spec);
int job_state(const struct job* job);
void job_print(const struct job* job, int with_pid);
void job_remove(struct job* job);
int job_any_stopped(void);
/* Builtins' back ends. */
int jobs_list(void);
int job_foreground(struct job* job);
int job_background(struct job* job);
int jobs_wait_all(void);
int job_wait_one(struct job* job);
/* Message for a process killed by sig ("Killed", ...); NULL for none. */
const char* signal_description(int sig);

/* ---------------------------------------------------------------- builtins */

typedef int (*builtin_function)(int argc, char** argv);
/* NULL if name is no builtin. In a pipeline of several stages a builtin runs
   in a child like any command, as in most shells. */
builtin_function find_builtin(const char* name);

/* ---------------------------------------------------------------- line editor */

/* Reads one line (without the newline) from the terminal with editing and
   history. Returns a malloc'd line, or NULL on end of input (Ctrl-D on an empty
   line). *interrupted is set when Ctrl-C abandoned the line (returns ""). */
char* line_editor_read(const char* prompt, int* interrupted);
void history_add(const char* line);

/* ---------------------------------------------------------------- util */

void* xmalloc(size_t size);
void* xrealloc(void* p, size_t size);
char* xstrdup(const char* s);
char* xstrndup(const char* s, size_t n);

#endif
