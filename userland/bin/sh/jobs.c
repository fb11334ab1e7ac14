/* sh: the job table and waiting. Every pipeline the shell forks is a job, so a
   foreground job stopped with ^Z simply stays in the table. Children are
   always collected with waitpid(-1, WUNTRACED): whichever child changed state
   is credited to its job, so a background job finishing while we wait for the
   foreground one is not lost. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

#define MAX_JOBS 64

static struct job* g_jobs[MAX_JOBS];
static unsigned g_sequence;

const char* signal_description(int sig)
{
    switch (sig) {
    case SIGHUP: return "Hangup";
    case SIGINT: return NULL; /* the user pressed ^C and knows */
    case SIGQUIT: return "Quit";
    case SIGILL: return "Illegal instruction";
    case SIGTRAP: return "Trace/breakpoint trap";
    case SIGABRT: return "Aborted";
    case SIGFPE: return "Floating point exception";
    case SIGKILL: return "Killed";
    case SIGBUS: return "Bus error";
    case SIGSEGV: return "Segmentation fault";
    case SIGSYS: return "Bad system call";
    case SIGPIPE: return NULL; /* the normal end of a writer in a pipeline */
    case SIGALRM: return "Alarm clock";
    case SIGTERM: return "Terminated";
    case SIGUSR1: return "User defined signal 1";
    case SIGUSR2: return "User defined signal 2";
    case SIGXCPU: return "CPU time limit exceeded";
    case SIGXFSZ: return "File size limit exceeded";
    default: return "Killed by a signal";
    }
}

struct job* job_create(pid_t pgid, const char* text, int background)
{
    int used[MAX_JOBS + 2] = { 0 };
    int slot = -1;
    for (int i = 0; i < MAX_JOBS; i++) {
        if (g_jobs[i])
            used[g_jobs[i]->id] = 1;
        else if (slot < 0)
            slot = i;
    }
    struct job* job = calloc(1, sizeof *job);
    if (!job) {
        fputs("sh: out of memory\n", stderr);
        exit(2);
    }
    job->id = 1;
    while (used[job->id])
        job->id++;
    job->pgid = pgid;
    job->text = xstrdup(text ? text : "");
    job->background = background;
    job->sequence = ++g_sequence;
    /* A full table still runs the job; it just cannot be listed. */
    if (slot >= 0)
        g_jobs[slot] = job;
    return job;
}

void job_add_process(struct job* job, pid_t pid)
{
    int n = job->process_count + 1;
    job->pids = xrealloc(job->pids, sizeof(pid_t) * (size_t)n);
    job->statuses = xrealloc(job->statuses, sizeof(int) * (size_t)n);
    job->finished = xrealloc(job->finished, sizeof(int) * (size_t)n);
    job->stopped = xrealloc(job->stopped, sizeof(int) * (size_t)n);
    job->pids[n - 1] = pid;
    job->statuses[n - 1] = 0;
    job->finished[n - 1] = 0;
    job->stopped[n - 1] = 0;
    job->process_count = n;
}

void job_remove(struct job* job)
{
    for (int i = 0; i < MAX_JOBS; i++)
        if (g_jobs[i] == job)
            g_jobs[i] = NULL;
    free(job->pids);
    free(job->statuses);
    free(job->finished);
    free(job->stopped);
    free(job->text);
    free(job);
}

int job_state(const struct job* job)
{
    int running = 0, stopped = 0;
    for (int i = 0; i < job->process_count; i++) {
        if (job->finished[i])
            continue;
        if (job->stopped[i])
            stopped = 1;
        else
            running = 1;
    }
    return running ? JOB_RUNNING : stopped ? JOB_STOPPED : JOB_DONE;
}

/* Credits one waitpid result to the process's job. */
static void record_status(pid_t pid, int status)
{
    for (int j = 0; j < MAX_JOBS; j++) {
        struct job* job = g_jobs[j];
        if (!job)
            continue;
        for (int i = 0; i < job->process_count; i++) {
            if (job->pids[i] != pid)
                continue;
            if (WIFSTOPPED(status)) {
                job->stopped[i] = 1;
                job->notified = 0;
            } else if (!WIFEXITED(status) && !WIFSIGNALED(status)) {
                job->stopped[i] = 0; /* "continued" (0xffff): running again */
            } else {
                job->finished[i] = 1;
                job->stopped[i] = 0;
                job->statuses[i] = status;
            }
            return;
        }
    }
}

/* waitpid reported no children at all: nothing of ours can still change. */
static void mark_all_finished(void)
{
    for (int j = 0; j < MAX_JOBS; j++)
        for (int i = 0; g_jobs[j] && i < g_jobs[j]->process_count; i++)
            g_jobs[j]->finished[i] = 1;
}

/* Blocks for one child state change; 0 when there are no children left. */
static int wait_for_any(void)
{
    int status;
    for (;;) {
        pid_t pid = waitpid(-1, &status, WUNTRACED);
        if (pid > 0) {
            record_status(pid, status);
            return 1;
        }
        if (pid < 0 && errno == EINTR)
            continue;
        mark_all_finished();
        return 0;
    }
}

/* $? of a finished job: its last process decides, as in every shell. */
static int job_exit_status(const struct job* job)
{
    int status = job->statuses[job->process_count - 1];
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

/* A foreground job killed by a signal: say so once for the whole job. */
static void report_signal_death(const struct job* job)
{
    for (int i = job->process_count - 1; i >= 0; i--) {
        if (!WIFSIGNALED(job->statuses[i]))
            continue;
        int sig = WTERMSIG(job->statuses[i]);
        const char* what = signal_description(sig);
        if (what) {
            fprintf(stderr, "%s\n", what);
            return;
        }
        if (sig == SIGINT) {
            fputc('\n', stderr); /* ^C left the cursor after the echoed ^C */
            return;
        }
    }
}

static const struct job* current_job(int nth)
{
    const struct job *best = NULL, *second = NULL;
    for (int i = 0; i < MAX_JOBS; i++) {
        const struct job* job = g_jobs[i];
        if (!job || !job->background)
            continue;
        if (!best || job->sequence > best->sequence) {
            second = best;
            best = job;
        } else if (!second || job->sequence > second->sequence) {
            second = job;
        }
    }
    return nth == 0 ? best : second;
}

static char job_marker(const struct job* job)
{
    return job == current_job(0) ? '+' : job == current_job(1) ? '-' : ' ';
}

void job_print(const struct job* job, int with_pid)
{
    char state[64];
    switch (job_state(job)) {
    case JOB_RUNNING:
        snprintf(state, sizeof state, "Running");
        break;
    case JOB_STOPPED:
        snprintf(state, sizeof state, "Stopped");
        break;
    default: {
        int status = job->statuses[job->process_count - 1];
        if (WIFSIGNALED(status)) {
            int sig = WTERMSIG(status);
            const char* what = signal_description(sig);
            snprintf(state, sizeof state, "%s", what ? what : sig == SIGPIPE ? "Broken pipe" : "Interrupt");
        } else if (WEXITSTATUS(status)) {
            snprintf(state, sizeof state, "Exit %d", WEXITSTATUS(status));
        } else {
            snprintf(state, sizeof state, "Done");
        }
    }
    }
    printf("[%d]%c  ", job->id, job_marker(job));
    if (with_pid)
        printf("%d ", (int)job->pgid);
    printf("%-24s%s%s\n", state, job->text, job_state(job) == JOB_RUNNING ? " &" : "");
}

int job_wait_foreground(struct job* job)
{
    job->background = 0;
    if (g_shell.job_control && job->pgid > 0)
        tcsetpgrp(g_shell.terminal_fd, job->pgid);
    while (job_state(job) == JOB_RUNNING && wait_for_any())
        ;
    if (g_shell.job_control)
        tcsetpgrp(g_shell.terminal_fd, g_shell.pgid);
    if (job_state(job) == JOB_STOPPED) {
        job->background = 1;
        job->sequence = ++g_sequence;
        job->notified = 1;
        fputc('\n', stdout);
        job_print(job, 0);
        fflush(stdout);
        return 128 + SIGTSTP;
    }
    report_signal_death(job);
    int status = job_exit_status(job);
    job_remove(job);
    return status;
}

/* Collects every pending child state change without blocking. */
static void reap_children(void)
{
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED)) > 0)
        record_status(pid, status);
}

void jobs_reap_and_notify(int verbose)
{
    reap_children();
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job* job = g_jobs[i];
        if (!job || !job->background)
            continue;
        int state = job_state(job);
        if (state == JOB_DONE) {
            if (verbose)
                job_print(job, 0);
            job_remove(job);
        } else if (state == JOB_STOPPED && !job->notified) {
            job->notified = 1;
            if (verbose)
                job_print(job, 0);
        }
    }
    fflush(stdout);
}

struct job* job_find(const char* spec)
{
    if (!spec || strcmp(spec, "%%") == 0 || strcmp(spec, "%+") == 0 || strcmp(spec, "%") == 0)
        return (struct job*)current_job(0);
    if (strcmp(spec, "%-") == 0)
        return (struct job*)current_job(1);
    char* end;
    if (spec[0] == '%') {
        long id = strtol(spec + 1, &end, 10);
        for (int i = 0; i < MAX_JOBS; i++) {
            struct job* job = g_jobs[i];
            if (!job)
                continue;
            if (*end == '\0' && end != spec + 1 ? job->id == id
                                                  : strncmp(job->text, spec + 1, strlen(spec + 1)) == 0)
                return job;
        }
        return NULL;
    }
    long pid = strtol(spec, &end, 10);
    if (*end || end == spec)
        return NULL;
    for (int i = 0; i < MAX_JOBS; i++)
        for (int k = 0; g_jobs[i] && k < g_jobs[i]->process_count; k++)
            if (g_jobs[i]->pids[k] == pid)
                return g_jobs[i];
    return NULL;
}

int job_any_stopped(void)
{
    for (int i = 0; i < MAX_JOBS; i++)
        if (g_jobs[i] && job_state(g_jobs[i]) == JOB_STOPPED)
            return 1;
    return 0;
}

int jobs_list(void)
{
    reap_children();
    for (int id = 1; id <= MAX_JOBS + 1; id++)
        for (int i = 0; i < MAX_JOBS; i++)
            if (g_jobs[i] && g_jobs[i]->background && g_jobs[i]->id == id)
                job_print(g_jobs[i], 0);
    /* Finished jobs are listed once, then forgotten. */
    for (int i = 0; i < MAX_JOBS; i++)
        if (g_jobs[i] && g_jobs[i]->background && job_state(g_jobs[i]) == JOB_DONE)
            job_remove(g_jobs[i]);
    return 0;
}

static void continue_job(struct job* job)
{
    for (int i = 0; i < job->process_count; i++)
        job->stopped[i] = 0;
    job->notified = 0;
    if (job->pgid > 0)
        kill(-job->pgid, SIGCONT);
}

int job_foreground(struct job* job)
{
    printf("%s\n", job->text);
    fflush(stdout);
    if (g_shell.job_control && job->pgid > 0)
        tcsetpgrp(g_shell.terminal_fd, job->pgid);
    if (job_state(job) == JOB_STOPPED)
        continue_job(job);
    return job_wait_foreground(job);
}

int job_background(struct job* job)
{
    if (job_state(job) == JOB_STOPPED)
        continue_job(job);
    job->background = 1;
    printf("[%d]%c %s &\n", job->id, job_marker(job), job->text);
    return 0;
}

int job_wait_one(struct job* job)
{
    while (job_state(job) == JOB_RUNNING && wait_for_any())
        ;
    if (job_state(job) != JOB_DONE)
        return 128 + SIGTSTP;
    int status = job_exit_status(job);
    job_remove(job);
    return status;
}

int jobs_wait_all(void)
{
    for (;;) {
        int running = 0;
        for (int i = 0; i < MAX_JOBS; i++)
            if (g_jobs[i] && job_state(g_jobs[i]) == JOB_RUNNING)
                running = 1;
        if (!running || !wait_for_any())
            break;
    }
    for (int i = 0; i < MAX_JOBS; i++)
        if (g_jobs[i] && job_state(g_jobs[i]) == JOB_DONE)
            job_remove(g_jobs[i]);
    return 0;
}
