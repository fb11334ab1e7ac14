/* The utilities' shared helpers (see userland/include/util.h): messages, the
   passwd and group databases (read afresh each time: these programs are short-lived
   and the files are tiny), and copying. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

void util_warn(const char* prog, const char* what)
{
    fprintf(stderr, "%s: %s: %s\n", prog, what, strerror(errno));
}

/* Copies the colon-terminated field at *p into out (truncating), advances *p past
   the colon; returns 0 at the end of the line. */
static int take_field(const char** p, char* out, size_t len)
{
    const char* s = *p;
    const char* end = strchr(s, ':');
    size_t n = end ? (size_t)(end - s) : strcspn(s, "\n");
    if (out && len) {
        size_t copy = n < len - 1 ? n : len - 1;
        memcpy(out, s, copy);
        out[copy] = '\0';
    }
    *p = end ? end + 1 : s + n;
    return end != NULL;
}

static int parse_passwd_line(const char* line, struct util_user* u)
{
    char num[16];
    const char* p = line;
    if (!take_field(&p, u->name, sizeof u->name) || !take_field(&p, u->password, sizeof u->password))
        return -1;
    unsigned long v;
    if (!take_field(&p, num, sizeof num) || util_parse_ulong(num, &v) < 0)
        return -1;
    u->uid = (unsigned)v;
    if (!take_field(&p, num, sizeof num) || util_parse_ulong(num, &v) < 0)
        return -1;
    u->gid = (unsigned)v;
    if (!take_field(&p, NULL, 0) || !take_field(&p, u->home, sizeof u->home))
        return -1;
    take_field(&p, u->shell, sizeof u->shell);
    return 0;
}

/* Finds the passwd entry with this uid (by_name NULL) or this name. */
static int find_user(const char* by_name, unsigned uid, struct util_user* out)
{
    FILE* f = fopen("/etc/passwd", "r");
    if (!f)
        return -1;
    char line[512];
    int found = -1;
    while (found < 0 && fgets(line, sizeof line, f)) {
        struct util_user u;
        if (line[0] == '#' || parse_passwd_line(line, &u) < 0)
            continue;
        if (by_name ? strcmp(u.name, by_name) == 0 : u.uid == uid) {
            *out = u;
            found = 0;
        }
    }
    fclose(f);
    return found;
}

int util_user_by_uid(unsigned uid, struct util_user* out) { return find_user(NULL, uid, out); }
int util_user_by_name(const char* name, struct util_user* out) { return find_user(name, 0, out); }

const char* util_user_name(unsigned uid, char* buf, size_t len)
{
    struct util_user u;
    if (util_user_by_uid(uid, &u) == 0)
        snprintf(buf, len, "%s", u.name);
    else
        snprintf(buf, len, "%u", uid);
    return buf;
}

const char* util_group_name(unsigned gid, char* buf, size_t len)
{
    snprintf(buf, len, "%u", gid);
    FILE* f = fopen("/etc/group", "r");
    if (!f)
        return buf;
    char line[512], name[32], num[16];
    while (fgets(line, sizeof line, f)) {
        const char* p = line;
        unsigned long v;
        if (line[0] == '#' || !take_field(&p, name, sizeof name) || !take_field(&p, NULL, 0))
            continue;
        take_field(&p, num, sizeof num);
        if (util_parse_ulong(num, &v) == 0 && v == gid) {
            snprintf(buf, len, "%s", name);
            break;
        }
    }
    fclose(f);
    return buf;
}

int util_write_all(int fd, const void* buf, size_t len)
{
    const char* p = buf;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int util_copy_file(const char* prog, const char* src, const char* dst)
{
    int in = open(src, O_RDONLY);
    if (in < 0) {
        util_warn(prog, src);
        return -1;
    }
    struct stat st;
    if (fstat(in, &st) < 0) {
        util_warn(prog, src);
        close(in);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "%s: %s: is a directory (not copied)\n", prog, src);
        close(in);
        return -1;
    }
    /* Copying a file onto itself would truncate it before reading. */
    struct stat dst_st;
    if (stat(dst, &dst_st) == 0 && dst_st.st_dev == st.st_dev && dst_st.st_ino == st.st_ino) {
        fprintf(stderr, "%s: %s and %s are the same file\n", prog, src, dst);
        close(in);
        return -1;
    }
    int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 07777);
    if (out < 0) {
        util_warn(prog, dst);
        close(in);
        return -1;
    }
    static char buf[16384];
    int rc = 0;
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            util_warn(prog, src);
            rc = -1;
            break;
        }
        if (n == 0)
            break;
        if (util_write_all(out, buf, (size_t)n) < 0) {
            util_warn(prog, dst);
            rc = -1;
            break;
        }
    }
    close(in);
    if (close(out) < 0 && rc == 0) {
        util_warn(prog, dst);
        rc = -1;
    }
    return rc;
}

const char* util_basename(const char* path, char* buf, size_t len)
{
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && path[start - 1] != '/')
        start--;
    if (end == 1 && path[0] == '/')
        start = 0;
    size_t n = end - start < len - 1 ? end - start : len - 1;
    memcpy(buf, path + start, n);
    buf[n] = '\0';
    return buf;
}

int util_join_path(char* buf, size_t len, const char* dir, const char* name)
{
    size_t d = strlen(dir);
    const char* sep = d && dir[d - 1] == '/' ? "" : "/";
    if ((size_t)snprintf(buf, len, "%s%s%s", dir, sep, name) >= len) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

int util_parse_ulong(const char* s, unsigned long* out)
{
    if (!s || *s < '0' || *s > '9')
        return -1;
    char* end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (*end || errno)
        return -1;
    *out = v;
    return 0;
}

int util_run_line_filter(const char* prog, int argc, char** argv, util_line_filter filter)
{
    unsigned long lines = 10;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char* count;
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            count = argv[++i];
        } else if (strncmp(argv[i], "-n", 2) == 0) {
            count = argv[i] + 2;
        } else {
            count = argv[i] + 1; /* the old -N form */
        }
        if (util_parse_ulong(count, &lines) < 0) {
            fprintf(stderr, "%s: invalid number of lines '%s'\nusage: %s [-n N] [FILE...]\n", prog, count, prog);
            return 2;
        }
    }
    if (i == argc)
        return filter(stdin, "stdin", lines) < 0;
    int status = 0;
    for (int first = i; i < argc; i++) {
        FILE* f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!f) {
            util_warn(prog, argv[i]);
            status = 1;
            continue;
        }
        if (argc - first > 1)
            printf("%s==> %s <==\n", i > first ? "\n" : "", argv[i]);
        status |= filter(f, argv[i], lines) < 0;
        if (f != stdin)
            fclose(f);
    }
    return status | (fflush(stdout) != 0);
}

static int util_is_directory(const char* path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int util_run_to_destination(const char* prog, int argc, char** argv, util_file_operation op)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s SRC DST | %s SRC... DIR\n", prog, prog);
        return 2;
    }
    const char* dst = argv[argc - 1];
    int into_dir = util_is_directory(dst);
    if (argc > 3 && !into_dir) {
        fprintf(stderr, "%s: %s: not a directory\n", prog, dst);
        return 1;
    }
    int status = 0;
    for (int i = 1; i < argc - 1; i++) {
        char target[4096], base[256];
        const char* to = dst;
        if (into_dir) {
            if (util_join_path(target, sizeof target, dst, util_basename(argv[i], base, sizeof base)) < 0) {
                util_warn(prog, argv[i]);
                status = 1;
                continue;
            }
            to = target;
        }
        status |= op(argv[i], to) < 0;
    }
    return status;
}
