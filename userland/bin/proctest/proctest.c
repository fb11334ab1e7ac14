/* proctest: exercises the process system calls end to end (fork, execve,
   waitpid, pipes, signal handlers, SIGSEGV, kill permissions, brk) and prints
   one `proctest: <name> ok|FAILED ...` line per check, then a summary. The
   system tests boot it as init and check the summary. */
#include <errno.h>
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
    test_segv_reported();
    test_kernel_memory_unreadable();
    test_kill_child();
    test_heap();
    test_getentropy();
    printf("proctest: %d failed\n", failures);
    return failures ? 1 : 0;
}
