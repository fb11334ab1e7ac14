/* id [-u|-g] [-n]: print the caller's identity as uid=N(name) gid=N(name)
   groups=N(name); -u or -g print only that number (-n: the name instead).
   Unum keeps one group per process, so groups= lists just it. */
#include <stdio.h>
#include <unistd.h>

#include "util.h"

int main(int argc, char** argv)
{
    int only_uid = 0, only_gid = 0, names = 0, c;
    while ((c = getopt(argc, argv, "ugn")) != -1) {
        switch (c) {
        case 'u': only_uid = 1; break;
        case 'g': only_gid = 1; break;
        case 'n': names = 1; break;
        default:
            fprintf(stderr, "usage: id [-u|-g] [-n]\n");
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "id: looking up other users is not supported\n");
        return 2;
    }
    if ((only_uid && only_gid) || (names && !only_uid && !only_gid)) {
        fprintf(stderr, "usage: id [-u|-g] [-n]\n");
        return 2;
    }
    unsigned uid = (unsigned)getuid(), euid = (unsigned)geteuid(), gid = (unsigned)getgid();
    char uname[64], ename[64], gname[64];
    util_user_name(uid, uname, sizeof uname);
    util_group_name(gid, gname, sizeof gname);
    if (only_uid) {
        util_user_name(euid, ename, sizeof ename);
        names ? printf("%s\n", ename) : printf("%u\n", euid);
    } else if (only_gid) {
        names ? printf("%s\n", gname) : printf("%u\n", gid);
    } else {
        printf("uid=%u(%s) gid=%u(%s)", uid, uname, gid, gname);
        if (euid != uid)
            printf(" euid=%u(%s)", euid, util_user_name(euid, ename, sizeof ename));
        printf(" groups=%u(%s)\n", gid, gname);
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
