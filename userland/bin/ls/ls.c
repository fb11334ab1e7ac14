/* ls [-l] [-a] [PATH...]: list directories (sorted by name) and name files.
   -a shows names beginning with '.'; -l shows mode, links, owner, size, name.
   Without -l, a terminal gets columns as wide as TIOCGWINSZ says (80 if it
   does not answer); anything else gets one name per line. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int g_long, g_all;

struct entry {
    char* name;
    struct stat st;
    int have_stat;
};

static void mode_string(mode_t mode, char out[11])
{
    out[0] = S_ISDIR(mode) ? 'd' : S_ISCHR(mode) ? 'c' : S_ISBLK(mode) ? 'b'
           : S_ISFIFO(mode) ? 'p' : S_ISLNK(mode) ? 'l' : S_ISSOCK(mode) ? 's' : '-';
    const char* rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; i++)
        out[1 + i] = (mode & (0400 >> i)) ? rwx[i] : '-';
    if (mode & S_ISUID)
        out[3] = (mode & 0100) ? 's' : 'S';
    if (mode & S_ISGID)
        out[6] = (mode & 0010) ? 's' : 'S';
    if (mode & S_ISVTX)
        out[9] = (mode & 0001) ? 't' : 'T';
    out[10] = '\0';
}

static int compare_entries(const void* a, const void* b)
{
    return strcmp(((const struct entry*)a)->name, ((const struct entry*)b)->name);
}

static void print_long(const struct entry* e)
{
    char mode[11], owner[64];
    if (!e->have_stat) {
        printf("?????????? ? ?        ? %s\n", e->name);
        return;
    }
    mode_string(e->st.st_mode, mode);
    util_user_name((unsigned)e->st.st_uid, owner, sizeof owner);
    printf("%s %2lu %-8s %8lld %s\n", mode, (unsigned long)e->st.st_nlink, owner,
           (long long)e->st.st_size, e->name);
}

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        return ws.ws_col;
    return 80;
}

/* Column-major like other ls's: read down, then across. */
static void print_columns(const struct entry* list, size_t n)
{
    if (!isatty(STDOUT_FILENO)) {
        for (size_t i = 0; i < n; i++)
            puts(list[i].name);
        return;
    }
    size_t widest = 1;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(list[i].name);
        if (len > widest)
            widest = len;
    }
    size_t col_width = widest + 2;
    size_t cols = (size_t)terminal_width() / col_width;
    if (cols == 0)
        cols = 1;
    size_t rows = (n + cols - 1) / cols;
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < cols; c++) {
            size_t i = c * rows + r;
            if (i >= n)
                break;
            /* No trailing spaces after a row's last name. */
            if (c + 1 == cols || i + rows >= n) {
                fputs(list[i].name, stdout);
                break;
            }
            printf("%-*s", (int)col_width, list[i].name);
        }
        putchar('\n');
    }
}

static void print_entries(struct entry* list, size_t n)
{
    qsort(list, n, sizeof *list, compare_entries);
    if (g_long) {
        for (size_t i = 0; i < n; i++)
            print_long(&list[i]);
    } else {
        print_columns(list, n);
    }
}

static void free_entries(struct entry* list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i].name);
    free(list);
}

static int list_directory(const char* path)
{
    DIR* dir = opendir(path);
    if (!dir) {
        util_warn("ls", path);
        return -1;
    }
    struct entry* list = NULL;
    size_t n = 0, cap = 0;
    struct dirent* d;
    int rc = 0;
    while ((d = readdir(dir))) {
        if (d->d_name[0] == '.' && !g_all)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            struct entry* grown = realloc(list, cap * sizeof *list);
            if (!grown) {
                fprintf(stderr, "ls: out of memory\n");
                rc = -1;
                break;
            }
            list = grown;
        }
        struct entry* e = &list[n];
        if (!(e->name = strdup(d->d_name))) {
            fprintf(stderr, "ls: out of memory\n");
            rc = -1;
            break;
        }
        e->have_stat = 0;
        if (g_long) {
            char full[4096];
            if (util_join_path(full, sizeof full, path, d->d_name) == 0 && stat(full, &e->st) == 0)
                e->have_stat = 1;
            else
                util_warn("ls", d->d_name);
        }
        n++;
    }
    closedir(dir);
    print_entries(list, n);
    free_entries(list, n);
    return rc;
}

int main(int argc, char** argv)
{
    int c;
    while ((c = getopt(argc, argv, "la")) != -1) {
        switch (c) {
        case 'l': g_long = 1; break;
        case 'a': g_all = 1; break;
        default:
            fprintf(stderr, "usage: ls [-l] [-a] [PATH...]\n");
            return 2;
        }
    }
    static char* here[] = {".", NULL};
    char** paths = optind < argc ? argv + optind : here;
    size_t npaths = optind < argc ? (size_t)(argc - optind) : 1;

    /* As other ls's do: the files named first, together, then each directory. */
    int status = 0;
    struct entry* files = calloc(npaths, sizeof *files);
    size_t nfiles = 0;
    int* is_dir = calloc(npaths, sizeof *is_dir);
    if (!files || !is_dir) {
        fprintf(stderr, "ls: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) < 0) {
            util_warn("ls", paths[i]);
            status = 1;
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            is_dir[i] = 1;
            continue;
        }
        files[nfiles].name = strdup(paths[i]);
        files[nfiles].st = st;
        files[nfiles].have_stat = 1;
        if (files[nfiles].name)
            nfiles++;
    }
    print_entries(files, nfiles);
    int printed = nfiles > 0;
    for (size_t i = 0; i < npaths; i++) {
        if (!is_dir[i])
            continue;
        if (npaths > 1)
            printf("%s%s:\n", printed ? "\n" : "", paths[i]);
        printed = 1;
        status |= list_directory(paths[i]) < 0;
    }
    free_entries(files, nfiles);
    free(is_dir);
    return status | (fflush(stdout) != 0);
}
