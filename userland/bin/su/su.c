/* su [USER]: become USER (root by default) and run their shell. Unum has no
   password store yet, so only root may switch (to anyone), and others only to
   an account whose /etc/passwd password field is empty. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

int main(int argc, char** argv)
{
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "usage: su [USER]\n");
        return 2;
    }
    const char* name = argc == 2 ? argv[1] : "root";
    struct util_user u;
    if (util_user_by_name(name, &u) < 0) {
        fprintf(stderr, "su: unknown user %s\n", name);
        return 1;
    }
    if (getuid() != 0 && u.password[0] != '\0') {
        fprintf(stderr, "su: permission denied (only root may switch users without a password)\n");
        return 1;
    }
    /* The group first: once the uid is not root, setgid would be refused. */
    if (setgid(u.gid) < 0) {
        util_warn("su", "setgid");
        return 1;
    }
    if (setuid(u.uid) < 0) {
        util_warn("su", "setuid");
        return 1;
    }
    const char* shell = u.shell[0] ? u.shell : "/bin/sh";
    setenv("HOME", u.home[0] ? u.home : "/", 1);
    setenv("USER", u.name, 1);
    setenv("LOGNAME", u.name, 1);
    setenv("SHELL", shell, 1);
    char* args[] = {(char*)shell, NULL};
    execv(shell, args);
    int err = errno;
    fprintf(stderr, "su: %s: %s\n", shell, strerror(err));
    return err == ENOENT ? 127 : 126;
}
