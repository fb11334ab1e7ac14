/* kill [-SIG | -s SIG | -N] PID...: send a signal (TERM by default) to each PID;
   kill -l lists the signal names. SIG is a name with or without SIG (TERM,
   SIGKILL, usr1; any case) or a number. Negative PIDs name process groups. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "unum_signal.h"
#include "util.h"

int kill(int pid, int sig); /* newlib's <signal.h> hides it without POSIX */

static const struct {
    const char* name;
    int number;
} g_signals[] = {
    {"HUP", UNUM_SIGHUP},   {"INT", UNUM_SIGINT},     {"QUIT", UNUM_SIGQUIT},   {"ILL", UNUM_SIGILL},
    {"TRAP", UNUM_SIGTRAP}, {"ABRT", UNUM_SIGABRT},   {"EMT", UNUM_SIGEMT},     {"FPE", UNUM_SIGFPE},
    {"KILL", UNUM_SIGKILL}, {"BUS", UNUM_SIGBUS},     {"SEGV", UNUM_SIGSEGV},   {"SYS", UNUM_SIGSYS},
    {"PIPE", UNUM_SIGPIPE}, {"ALRM", UNUM_SIGALRM},   {"TERM", UNUM_SIGTERM},   {"URG", UNUM_SIGURG},
    {"STOP", UNUM_SIGSTOP}, {"TSTP", UNUM_SIGTSTP},   {"CONT", UNUM_SIGCONT},   {"CHLD", UNUM_SIGCHLD},
    {"TTIN", UNUM_SIGTTIN}, {"TTOU", UNUM_SIGTTOU},   {"IO", UNUM_SIGIO},       {"XCPU", UNUM_SIGXCPU},
    {"XFSZ", UNUM_SIGXFSZ}, {"VTALRM", UNUM_SIGVTALRM}, {"PROF", UNUM_SIGPROF}, {"WINCH", UNUM_SIGWINCH},
    {"LOST", UNUM_SIGLOST}, {"USR1", UNUM_SIGUSR1},   {"USR2", UNUM_SIGUSR2},
};
#define SIGNAL_COUNT (sizeof g_signals / sizeof g_signals[0])

/* The signal number for a name or number, or -1. */
static int parse_signal(const char* s)
{
    unsigned long n;
    if (util_parse_ulong(s, &n) == 0)
        return n < UNUM_NSIG ? (int)n : -1; /* 0 probes whether the PID exists */
    if (strncasecmp(s, "SIG", 3) == 0)
        s += 3;
    for (size_t i = 0; i < SIGNAL_COUNT; i++) {
        if (strcasecmp(s, g_signals[i].name) == 0)
            return g_signals[i].number;
    }
    return -1;
}

static int usage(void)
{
    fprintf(stderr, "usage: kill [-SIG | -s SIG | -N] PID...\n       kill -l\n");
    return 2;
}

static void list_signals(void)
{
    for (size_t i = 0; i < SIGNAL_COUNT; i++)
        printf("%2d %s\n", g_signals[i].number, g_signals[i].name);
}

int main(int argc, char** argv)
{
    int sig = UNUM_SIGTERM, i = 1;
    if (i < argc && strcmp(argv[i], "-l") == 0) {
        list_signals();
        return 0;
    }
    if (i < argc && strcmp(argv[i], "-s") == 0) {
        if (i + 1 >= argc)
            return usage();
        sig = parse_signal(argv[i + 1]);
        if (sig < 0) {
            fprintf(stderr, "kill: %s: unknown signal\n", argv[i + 1]);
            return 2;
        }
        i += 2;
    } else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0) {
        sig = parse_signal(argv[i] + 1);
        if (sig < 0) {
            fprintf(stderr, "kill: %s: unknown signal\n", argv[i] + 1);
            return 2;
        }
        i++;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i == argc)
        return usage();
    int status = 0;
    for (; i < argc; i++) {
        char* end;
        long pid = strtol(argv[i], &end, 10);
        if (end == argv[i] || *end) {
            fprintf(stderr, "kill: %s: not a process id\n", argv[i]);
            status = 1;
            continue;
        }
        if (kill((int)pid, sig) < 0) {
            util_warn("kill", argv[i]);
            status = 1;
        }
    }
    return status;
}
