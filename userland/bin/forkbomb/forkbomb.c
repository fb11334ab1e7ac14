/* forkbomb: forks children that sleep until fork fails, then reports how fork
   failed and cleans up. Run as an ordinary user it must hit the per-user process
   limit (EAGAIN) and leave the system working: the system tests check that. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_CHILDREN 4096

static pid_t children[MAX_CHILDREN];

int main(void)
{
    int count = 0;
    int error = 0;
    while (count < MAX_CHILDREN) {
        pid_t pid = fork();
        if (pid == 0) {
            for (;;)
                sleep(1000);
        }
        if (pid < 0) {
            error = errno;
            break;
        }
        children[count++] = pid;
    }
    printf("forkbomb: fork failed after %d children: %s\n", count, error ? strerror(error) : "no error");
    for (int i = 0; i < count; i++)
        kill(children[i], SIGKILL);
    for (int i = 0; i < count; i++)
        waitpid(children[i], NULL, 0);
    printf("forkbomb: %s\n", error == EAGAIN ? "limited" : "NOT LIMITED");
    return error == EAGAIN ? 0 : 1;
}
