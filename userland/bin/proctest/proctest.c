/* proctest: exercises the process system calls end to end (fork, execve,
   waitpid, pipes, signal handlers, SIGSEGV, kill permissions, brk) and prints
   one `proctest: <name> ok|FAILED ...` line per check, then a summary. The
   system tests boot it as init and check the summary. */
#include <errno.h>
#include <fcntl.h>
#include <time.h>

#include "util.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int failures;

static void check(const char* name, int ok, const char* detail)
{
    printf("proctest: %s %s%s%s\n", name, ok ? "ok" : "FAILED", ok ? "" : " ", ok ? "" : detail);
    if (!ok)
        failures++;
}

static void test_fork_exit_status(void)
{
    pid_t child = fork();
    if (child == 0)
        _exit(42);
    int status = 0;
    pid_t reaped = waitpid(child, &status, 0);
    check("fork-exit-status", child > 0 && reaped == child && WIFEXITED(status) && WEXITSTATUS(status) == 42,
        "child did not exit 42");
}

static void test_exec_through_pipe(void)
{
    int fds[2];
    if (pipe(fds) < 0) {
        check("exec-pipe", 0, strerror(errno));
        return;
    }
    pid_t child = fork();
    if (child == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        char* argv[] = { "echo", "from", "exec", NULL };
        char* envp[] = { "PATH=/bin", NULL };
        execve("/bin/echo", argv, envp);
        _exit(127);
    }
    close(fds[1]);
    char buffer[64] = { 0 };
    ssize_t total = 0, n;
    while ((n = read(fds[0], buffer + total, sizeof(buffer) - 1 - total)) > 0)
        total += n;
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    check("exec-pipe", strcmp(buffer, "from exec\n") == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
        buffer);
}

static volatile sig_atomic_t handled;
static void on_usr1(int sig) { handled = sig; }

static void test_signal_handler(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = on_usr1;
    sigaction(SIGUSR1, &action, NULL);
    kill(getpid(), SIGUSR1);
    check("signal-handler", handled == SIGUSR1, "handler did not run");
}

static volatile sig_atomic_t handled_usr2;
static int handler_ran_fd = -1;
static void on_usr2(int sig)
{
    handled_usr2 = sig;
    (void)write(handler_ran_fd, "h", 1); /* tells the child the handler ran */
}

/* The state letter of /proc/PID/stat ('S' while sleeping), or 0. */
static char process_state(pid_t pid)
{
    char path[64], text[256];
    snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, text, sizeof(text) - 1);
    close(fd);
    if (n <= 0)
        return 0;
    text[n] = 0;
    char* end = strrchr(text, ')');
    return end && end[1] == ' ' ? end[2] : 0;
}

/* A read on an empty pipe, interrupted by SIGUSR2 (handler with `flags`) that
   a child sends once it sees this process asleep; the child feeds the pipe one
   byte after the handler has run. Returns read's result; *error gets errno. */
static ssize_t read_interrupted_by_signal(int flags, int* error)
{
    int fds[2], ran[2];
    if (pipe(fds) < 0 || pipe(ran) < 0) {
        *error = errno;
        return -2;
    }
    handler_ran_fd = ran[1];
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = on_usr2;
    action.sa_flags = flags;
    sigaction(SIGUSR2, &action, NULL);
    handled_usr2 = 0;
    pid_t parent = getpid();
    pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        /* Asleep on three looks in a row: in read, not in a passing lock. */
        struct timespec tick = { 0, 10 * 1000 * 1000 };
        for (int asleep = 0; asleep < 3;) {
            asleep = process_state(parent) == 'S' ? asleep + 1 : 0;
            nanosleep(&tick, NULL);
        }
        kill(parent, SIGUSR2);
        /* Once the handler ran, the read has either failed or will restart. */
        char note;
        (void)read(ran[0], &note, 1);
        (void)write(fds[1], "x", 1);
        _exit(0);
    }
    close(fds[1]);
    char byte;
    errno = 0;
    ssize_t result = read(fds[0], &byte, 1);
    *error = errno;
    if (result < 0)
        (void)read(fds[0], &byte, 1); /* let the child finish its write */
    close(fds[0]);
    close(ran[0]);
    close(ran[1]);
    waitpid(child, NULL, 0);
    return result;
}

static void test_sa_restart(void)
{
    int error = 0;
    ssize_t result = read_interrupted_by_signal(0, &error);
    char detail[96];
    snprintf(detail, sizeof(detail), "read returned %d (%s), handler %s", (int)result, strerror(error),
        handled_usr2 == SIGUSR2 ? "ran" : "did not run");
    check("signal-interrupts-read", result == -1 && error == EINTR && handled_usr2 == SIGUSR2, detail);
    result = read_interrupted_by_signal(SA_RESTART, &error);
    check("sa-restart-restarts-read", result == 1 && handled_usr2 == SIGUSR2,
        "read did not restart after an SA_RESTART handler");
}

static void test_segv_reported(void)
{
    pid_t child = fork();
    if (child == 0) {
        volatile int* null_pointer = 0;
        *null_pointer = 1;
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    check("sigsegv", WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "child not killed by SIGSEGV");
}

static void test_kernel_memory_unreadable(void)
{
    pid_t child = fork();
    if (child == 0) {
        volatile unsigned long* kernel = (unsigned long*)0xffffffff80100000ul;
        unsigned long value = *kernel;
        (void)value;
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    check("kernel-memory", WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "read kernel memory");
    check("bad-pointer-efault", write(1, (void*)8, 4) == -1 && errno == EFAULT, "write(8) did not EFAULT");
}

static void test_kill_child(void)
{
    pid_t child = fork();
    if (child == 0) {
        for (;;)
            sleep(1);
    }
    int sent = kill(child, SIGTERM);
    int status = 0;
    waitpid(child, &status, 0);
    check("kill-term", sent == 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "not terminated");
}

static void test_heap(void)
{
    char* blocks[64];
    int ok = 1;
    for (int i = 0; i < 64; i++) {
        blocks[i] = malloc(1024 * (i + 1));
        if (!blocks[i]) {
            ok = 0;
            break;
        }
        memset(blocks[i], i, 1024 * (i + 1));
    }
    for (int i = 0; ok && i < 64; i++) {
        if (blocks[i][1024 * (i + 1) - 1] != (char)i)
            ok = 0;
        free(blocks[i]);
    }
    check("heap", ok, "malloc pattern mismatch");
}

int getentropy(void* buf, size_t len);

static void test_getentropy(void)
{
    unsigned char bytes[32] = { 0 };
    int ok = getentropy(bytes, sizeof(bytes)) == 0;
    int nonzero = 0;
    for (size_t i = 0; i < sizeof(bytes); i++)
        nonzero |= bytes[i];
    unsigned char big[300];
    check("getentropy", ok && nonzero && getentropy(big, sizeof(big)) == -1 && errno == EINVAL,
        "getentropy misbehaved");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_fork_exit_status();
    test_exec_through_pipe();
    test_signal_handler();
    test_sa_restart();
    test_segv_reported();
    test_kernel_memory_unreadable();
    test_kill_child();
    test_heap();
    test_getentropy();
    printf("proctest: %d failed\n", failures);
    return failures ? 1 : 0;
}
