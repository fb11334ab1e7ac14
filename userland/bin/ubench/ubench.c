/* ubench: user-space micro-benchmarks for `make bench` — fork+exec+wait of
   /bin/true per second, the cycles of a null system call (getpid), and pipe
   throughput between two processes. Prints `BENCH <name> <value> <unit>` lines
   and `ubench: done`. Measurements only: nothing here passes or fails. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int clock_gettime(clockid_t, struct timespec*);

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(4 /* CLOCK_MONOTONIC */, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

static void bench_spawn(void)
{
    const int runs = 50;
    uint64_t start = now_ns();
    for (int i = 0; i < runs; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            char* argv[] = { "true", NULL };
            char* envp[] = { NULL };
            execve("/bin/true", argv, envp);
            _exit(127);
        }
        waitpid(pid, NULL, 0);
    }
    uint64_t ns = now_ns() - start;
    printf("BENCH fork_exec_wait_per_s %llu 1/s\n", (unsigned long long)(runs * 1000000000ull / (ns ? ns : 1)));
}

static void bench_null_syscall(void)
{
    const int runs = 20000;
    uint64_t start = rdtsc();
    for (int i = 0; i < runs; i++)
        getpid();
    uint64_t cycles = rdtsc() - start;
    printf("BENCH null_syscall_cycles %llu cycles\n", (unsigned long long)(cycles / runs));
}

static void bench_pipe(void)
{
    const size_t total = 16u << 20;
    static char buffer[65536];
    int fds[2];
    if (pipe(fds) < 0)
        return;
    uint64_t start = now_ns();
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        memset(buffer, 'u', sizeof(buffer));
        for (size_t sent = 0; sent < total; sent += sizeof(buffer))
            write(fds[1], buffer, sizeof(buffer));
        _exit(0);
    }
    close(fds[1]);
    size_t received = 0;
    ssize_t n;
    while ((n = read(fds[0], buffer, sizeof(buffer))) > 0)
        received += (size_t)n;
    waitpid(pid, NULL, 0);
    uint64_t ns = now_ns() - start;
    printf("BENCH pipe_throughput_kib_per_s %llu KiB/s\n",
        (unsigned long long)((uint64_t)received / 1024 * 1000000000ull / (ns ? ns : 1)));
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    bench_null_syscall();
    bench_spawn();
    bench_pipe();
    printf("ubench: done\n");
    return 0;
}
