/* polltest: checks poll() and select() on pipes, and sockets over loopback
   (sockets.c, messages.c), the way programs rely on them.
   Prints "ok - NAME" or "FAIL - NAME" per check and ends with
   "polltest: all passed" (exit 0) or "polltest: N failed" (exit 1). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>

#include "polltest.h"
#include "util.h"

static int g_failed;

void check(int condition, const char* name)
{
    printf("%s - %s\n", condition ? "ok" : "FAIL", name);
    fflush(stdout);
    if (!condition)
        ++g_failed;
}

static void on_signal(int signal) { (void)signal; }

void sleep_ms(long ms)
{
    struct timespec pause = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&pause, NULL);
}

static void poll_on_pipes(void)
{
    int ends[2];
    if (pipe(ends) < 0) {
        check(0, "pipe");
        return;
    }
    struct pollfd fds[2] = { { ends[0], POLLIN, 0 }, { ends[1], POLLOUT, 0 } };
    check(poll(fds, 1, 0) == 0 && fds[0].revents == 0, "empty pipe: timeout 0 returns 0");
    check(poll(fds, 1, 50) == 0, "empty pipe: a 50 ms timeout passes");
    check(poll(&fds[1], 1, 0) == 1 && fds[1].revents == POLLOUT, "write end is writable");
    check(write(ends[1], "x", 1) == 1, "write one byte");
    check(poll(fds, 1, -1) == 1 && (fds[0].revents & POLLIN), "readable after a write");
    char byte;
    check(read(ends[0], &byte, 1) == 1, "read it back");
    close(ends[1]);
    check(poll(fds, 1, 1000) == 1 && (fds[0].revents & POLLHUP), "POLLHUP once the writer closed");
    struct pollfd bad = { 1000, POLLIN, 0 };
    check(poll(&bad, 1, 0) == 1 && bad.revents == POLLNVAL, "POLLNVAL for a closed fd");
    struct pollfd ignored = { -1, POLLIN, 7 };
    check(poll(&ignored, 1, 0) == 0 && ignored.revents == 0, "negative fd is ignored");
    close(ends[0]);
}

/* A child writes after a pause: poll must sleep and wake for it. */
static void poll_wakes_up(void)
{
    int ends[2];
    pipe(ends);
    pid_t child = fork();
    if (child == 0) {
        sleep_ms(200);
        write(ends[1], "y", 1);
        _exit(0);
    }
    struct pollfd fds = { ends[0], POLLIN, 0 };
    check(poll(&fds, 1, 5000) == 1 && (fds.revents & POLLIN), "poll wakes up when another process writes");
    waitpid(child, NULL, 0);
    close(ends[0]);
    close(ends[1]);
}

static void poll_interrupted(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = on_signal;
    sigaction(SIGUSR1, &action, NULL);
    int ends[2];
    pipe(ends);
    pid_t parent = getpid();
    pid_t child = fork();
    if (child == 0) {
        sleep_ms(200);
        kill(parent, SIGUSR1);
        _exit(0);
    }
    struct pollfd fds = { ends[0], POLLIN, 0 };
    int result = poll(&fds, 1, -1);
    check(result == -1 && errno == EINTR, "a signal interrupts poll with EINTR");
    waitpid(child, NULL, 0);
    close(ends[0]);
    close(ends[1]);
}

static void select_on_pipes(void)
{
    int ends[2];
    pipe(ends);
    fd_set readable, writable;
    FD_ZERO(&readable);
    FD_SET(ends[0], &readable);
    struct timeval zero = { 0, 0 };
    check(select(ends[0] + 1, &readable, NULL, NULL, &zero) == 0 && !FD_ISSET(ends[0], &readable),
        "select: empty pipe is not readable");
    write(ends[1], "z", 1);
    FD_ZERO(&readable);
    FD_SET(ends[0], &readable);
    FD_ZERO(&writable);
    FD_SET(ends[1], &writable);
    int maxfd = ends[0] > ends[1] ? ends[0] : ends[1];
    check(select(maxfd + 1, &readable, &writable, NULL, NULL) == 2 && FD_ISSET(ends[0], &readable)
            && FD_ISSET(ends[1], &writable),
        "select: readable and writable ends reported");
    struct timeval short_wait = { 0, 50000 };
    char byte;
    read(ends[0], &byte, 1);
    FD_ZERO(&readable);
    FD_SET(ends[0], &readable);
    check(select(ends[0] + 1, &readable, NULL, NULL, &short_wait) == 0, "select: times out");
    FD_ZERO(&readable);
    FD_SET(40, &readable);
    check(select(41, &readable, NULL, NULL, &zero) == -1 && errno == EBADF, "select: EBADF for a closed fd");
    close(ends[0]);
    close(ends[1]);
}

/* A write with no reader left is EPIPE and SIGPIPE (fatal by default). */
static void broken_pipe_signals(void)
{
    int ends[2];
    pipe(ends);
    close(ends[0]);
    pid_t child = fork();
    if (child == 0) {
        write(ends[1], "x", 1);
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    check(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE, "writing to a pipe without reader raises SIGPIPE");
    signal(SIGPIPE, SIG_IGN);
    check(write(ends[1], "x", 1) == -1 && errno == EPIPE, "with SIGPIPE ignored the write is EPIPE");
    signal(SIGPIPE, SIG_DFL);
    close(ends[1]);
}

int main(void)
{
    poll_on_pipes();
    poll_wakes_up();
    poll_interrupted();
    select_on_pipes();
    broken_pipe_signals();
    socket_checks();
    message_checks();
    linger_checks();
    if (g_failed) {
        printf("polltest: %d failed\n", g_failed);
        return 1;
    }
    printf("polltest: all passed\n");
    return 0;
}
