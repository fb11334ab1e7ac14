/* init: process 1. Runs `/bin/sh /etc/rc` to completion, then keeps a login
   shell on the console (respawned whenever it exits) and reaps every orphan
   the kernel hands it. Quiet on success: the console belongs to rc and the
   shell. The kernel starts us with /dev/console as fds 0-2 and an environment
   (PATH, HOME, TERM) that the children inherit. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SHELL "/bin/sh"
#define RC "/etc/rc"
#define CONSOLE "/dev/console"

/* A shell that dies this soon after starting is probably broken: respawning
   it at once would only flood the console. */
#define RESPAWN_QUICK_SECONDS 2
#define RESPAWN_PAUSE_SECONDS 5

static void say(const char* what, const char* detail)
{
    fprintf(stderr, "init: %s: %s\n", what, detail);
    fflush(stderr);
}

/* fds 0-2 should already be the console; make sure, for a kernel that did not. */
static void ensure_console(void)
{
    if (fcntl(0, F_GETFD) >= 0 && fcntl(1, F_GETFD) >= 0 && fcntl(2, F_GETFD) >= 0)
        return;
    int fd = open(CONSOLE, O_RDWR);
    if (fd < 0)
        return;
    for (int i = 0; i < 3; i++)
        if (fcntl(i, F_GETFD) < 0)
            dup2(fd, i);
    if (fd > 2)
        close(fd);
}

/* In a child: what every program started by init gets. */
static void child_setup(int login)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    signal(SIGTSTP, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    if (login) {
        /* A session of its own with the console as controlling terminal, so the
           shell can do job control. Force (1) takes the terminal from the
           session of a previous shell that has died. */
        setsid();
        ioctl(0, TIOCSCTTY, (void*)1L);
    }
}

static pid_t spawn(char* const argv[], int login)
{
    pid_t pid = fork();
    if (pid < 0) {
        say("fork", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        child_setup(login);
        execv(argv[0], argv);
        say(argv[0], strerror(errno));
        _exit(127);
    }
    return pid;
}

/* Waits for pid, reaping any other child (orphans) along the way. */
static void wait_for(pid_t pid)
{
    for (;;) {
        int status;
        pid_t got = waitpid(-1, &status, 0);
        if (got == pid)
            return;
        if (got < 0 && errno != EINTR)
            return; /* no children left: pid is gone too */
    }
}

/* time(), not clock_gettime: newlib's <time.h> does not declare the latter here. */
static time_t now(void) { return time(NULL); }

int main(void)
{
    ensure_console();
    /* Process 1 must not be stopped or interrupted from the console. */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    signal(SIGTERM, SIG_IGN);

    if (access(RC, F_OK) == 0) {
        char* rc[] = { SHELL, RC, NULL };
        pid_t pid = spawn(rc, 0);
        if (pid > 0)
            wait_for(pid);
    }

    /* argv[0] "-sh" marks a login shell, as login(1) does. */
    char* shell[] = { "-sh", NULL };
    for (;;) {
        time_t started = now();
        pid_t pid = fork();
        if (pid == 0) {
            child_setup(1);
            execv(SHELL, shell);
            say(SHELL, strerror(errno));
            _exit(127);
        }
        if (pid < 0) {
            say("fork", strerror(errno));
            /* Without fork the console still gets its shell: become it. */
            execv(SHELL, shell);
            say(SHELL, strerror(errno));
            sleep(RESPAWN_PAUSE_SECONDS);
            continue;
        }
        wait_for(pid);
        if (now() - started < RESPAWN_QUICK_SECONDS)
            sleep(RESPAWN_PAUSE_SECONDS);
    }
}
