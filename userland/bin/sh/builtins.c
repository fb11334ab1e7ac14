/* sh: the builtins, the commands that must change the shell itself (cd, exit,
   export, job control) plus a few trivial ones. Each returns its exit status;
   output goes through stdio, which exec.c flushes before undoing redirections. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

extern char** environ;

static void set_pwd_variables(const char* old)
{
    char cwd[1024];
    if (old)
        variable_set("OLDPWD", old, 1);
    if (getcwd(cwd, sizeof cwd))
        variable_set("PWD", cwd, 1);
}

static int builtin_cd(int argc, char** argv)
{
    const char* target = argc > 1 ? argv[1] : variable_get("HOME");
    if (!target || !*target)
        target = "/";
    int print = 0;
    if (strcmp(target, "-") == 0) {
        target = variable_get("OLDPWD");
        if (!target) {
            fputs("sh: cd: OLDPWD not set\n", stderr);
            return 1;
        }
        print = 1;
    }
    char old[1024];
    int have_old = getcwd(old, sizeof old) != NULL;
    char* copy = xstrdup(target); /* target may point into the variable we replace */
    if (chdir(copy) < 0) {
        fprintf(stderr, "sh: cd: %s: %s\n", copy, strerror(errno));
        free(copy);
        return 1;
    }
    free(copy);
    set_pwd_variables(have_old ? old : NULL);
    if (print)
        puts(variable_get("PWD"));
    return 0;
}

static int builtin_pwd(int argc, char** argv)
{
    char cwd[1024];
    if (!getcwd(cwd, sizeof cwd)) {
        fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
        return 1;
    }
    puts(cwd);
    return 0;
}

static int builtin_exit(int argc, char** argv)
{
    int status = g_shell.last_status;
    if (argc > 1) {
        char* end;
        long n = strtol(argv[1], &end, 10);
        if (*end || end == argv[1]) {
            fprintf(stderr, "sh: exit: %s: numeric argument required\n", argv[1]);
            status = 2;
        } else {
            status = (int)(n & 0xff);
        }
    }
    /* Leaving stopped jobs behind is usually a mistake: warn once. */
    if (g_shell.interactive && job_any_stopped() && !g_shell.warned_stopped_jobs) {
        fputs("There are stopped jobs.\n", stderr);
        g_shell.warned_stopped_jobs = 1;
        return 1;
    }
    g_shell.exit_requested = 1;
    g_shell.exit_status = status;
    return status;
}

static int builtin_export(int argc, char** argv)
{
    if (argc == 1) {
        for (char** e = environ; *e; e++)
            printf("export %s\n", *e);
        return 0;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        char* eq = strchr(argv[i], '=');
        if (eq) {
            if (!is_assignment(argv[i])) {
                fprintf(stderr, "sh: export: `%s': not a valid name\n", argv[i]);
                status = 1;
                continue;
            }
            *eq = '\0';
            variable_set(argv[i], eq + 1, 1);
            *eq = '=';
        } else {
            variable_export(argv[i]);
        }
    }
    return status;
}

static int builtin_unset(int argc, char** argv)
{
    for (int i = 1; i < argc; i++)
        variable_unset(argv[i]);
    return 0;
}

static struct job* job_argument(const char* name, int argc, char** argv)
{
    struct job* job = job_find(argc > 1 ? argv[1] : NULL);
    if (!job)
        fprintf(stderr, "sh: %s: %s: no such job\n", name, argc > 1 ? argv[1] : "current");
    return job;
}

static int builtin_jobs(int argc, char** argv) { return jobs_list(); }

static int builtin_fg(int argc, char** argv)
{
    if (!g_shell.job_control) {
        fputs("sh: fg: no job control\n", stderr);
        return 1;
    }
    struct job* job = job_argument("fg", argc, argv);
    return job ? job_foreground(job) : 1;
}

static int builtin_bg(int argc, char** argv)
{
    if (!g_shell.job_control) {
        fputs("sh: bg: no job control\n", stderr);
        return 1;
    }
    struct job* job = job_argument("bg", argc, argv);
    return job ? job_background(job) : 1;
}

static int builtin_wait(int argc, char** argv)
{
    if (argc == 1)
        return jobs_wait_all();
    int status = 0;
    for (int i = 1; i < argc; i++) {
        struct job* job = job_find(argv[i]);
        if (!job) {
            fprintf(stderr, "sh: wait: %s: no such job\n", argv[i]);
            status = 127;
            continue;
        }
        status = job_wait_one(job);
    }
    return status;
}

/* Signal names for `kill -NAME` (newlib numbering, kernel/abi/unum_signal.h). */
static const char* const g_signal_names[] = {
    [SIGHUP] = "HUP",   [SIGINT] = "INT",   [SIGQUIT] = "QUIT", [SIGILL] = "ILL",   [SIGTRAP] = "TRAP",
    [SIGABRT] = "ABRT", [SIGFPE] = "FPE",   [SIGKILL] = "KILL", [SIGBUS] = "BUS",   [SIGSEGV] = "SEGV",
    [SIGSYS] = "SYS",   [SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM", [SIGURG] = "URG",
    [SIGSTOP] = "STOP", [SIGTSTP] = "TSTP", [SIGCONT] = "CONT", [SIGCHLD] = "CHLD", [SIGTTIN] = "TTIN",
    [SIGTTOU] = "TTOU", [SIGUSR1] = "USR1", [SIGUSR2] = "USR2", [SIGWINCH] = "WINCH",
};

static int signal_number(const char* s)
{
    if (strncmp(s, "SIG", 3) == 0)
        s += 3;
    char* end;
    long n = strtol(s, &end, 10);
    if (end != s && !*end)
        return n > 0 && n < NSIG ? (int)n : -1;
    for (int i = 1; i < (int)(sizeof g_signal_names / sizeof g_signal_names[0]); i++)
        if (g_signal_names[i] && strcmp(g_signal_names[i], s) == 0)
            return i;
    return -1;
}

/* kill [-SIG | -s SIG] PID|%JOB...: a builtin so that job specs work; a job
   is signalled as its whole process group. */
static int builtin_kill(int argc, char** argv)
{
    int sig = SIGTERM, i = 1;
    if (i < argc && strcmp(argv[i], "-l") == 0) {
        for (int n = 1; n < (int)(sizeof g_signal_names / sizeof g_signal_names[0]); n++)
            if (g_signal_names[n])
                printf("%d) SIG%s\n", n, g_signal_names[n]);
        return 0;
    }
    if (i + 1 < argc && strcmp(argv[i], "-s") == 0) {
        sig = signal_number(argv[i + 1]);
        i += 2;
    } else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0) {
        sig = signal_number(argv[i] + 1);
        i++;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (sig < 0 || i >= argc) {
        fputs(sig < 0 ? "sh: kill: unknown signal\n" : "usage: kill [-SIG] PID|%JOB...\n", stderr);
        return 2;
    }
    int status = 0;
    for (; i < argc; i++) {
        pid_t target;
        if (argv[i][0] == '%') {
            struct job* job = job_find(argv[i]);
            if (!job || job->pgid <= 0) {
                fprintf(stderr, "sh: kill: %s: no such job\n", argv[i]);
                status = 1;
                continue;
            }
            target = -job->pgid;
        } else {
            char* end;
            target = (pid_t)strtol(argv[i], &end, 10);
            if (end == argv[i] || *end) {
                fprintf(stderr, "sh: kill: %s: not a process id or job\n", argv[i]);
                status = 1;
                continue;
            }
        }
        if (kill(target, sig) < 0) {
            fprintf(stderr, "sh: kill: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}

static int builtin_true(int argc, char** argv) { return 0; }
static int builtin_false(int argc, char** argv) { return 1; }

/* exec CMD...: replace the shell (redirections-only `exec >f` is not supported). */
static int builtin_exec(int argc, char** argv)
{
    if (argc < 2)
        return 0;
    reset_child_signals();
    execvp(argv[1], argv + 1);
    fprintf(stderr, "sh: exec: %s: %s\n", argv[1], errno == ENOENT ? "not found" : strerror(errno));
    return errno == ENOENT ? 127 : 126;
}

static int builtin_help(int argc, char** argv);

static const struct {
    const char* name;
    builtin_function function;
} g_builtins[] = {
    { ":", builtin_true },
    { "bg", builtin_bg },
    { "cd", builtin_cd },
    { "exec", builtin_exec },
    { "exit", builtin_exit },
    { "export", builtin_export },
    { "false", builtin_false },
    { "fg", builtin_fg },
    { "help", builtin_help },
    { "jobs", builtin_jobs },
    { "kill", builtin_kill },
    { "pwd", builtin_pwd },
    { "true", builtin_true },
    { "unset", builtin_unset },
    { "wait", builtin_wait },
};

static int builtin_help(int argc, char** argv)
{
    fputs("builtins:", stdout);
    for (size_t i = 0; i < sizeof g_builtins / sizeof g_builtins[0]; i++)
        printf(" %s", g_builtins[i].name);
    puts("\nother commands are run from $PATH; see docs/shell.md");
    return 0;
}

builtin_function find_builtin(const char* name)
{
    for (size_t i = 0; i < sizeof g_builtins / sizeof g_builtins[0]; i++)
        if (strcmp(g_builtins[i].name, name) == 0)
            return g_builtins[i].function;
    return NULL;
}
