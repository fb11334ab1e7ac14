/* opendir/readdir over the getdents syscall: a DIR buffers one getdents batch of
   struct unum_dirent records and hands them out as struct dirent. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unum_syscall.h"

#define DIR_BUFFER 4096

struct __unum_dir {
    int fd;
    int used;  /* bytes of records in buf */
    int next;  /* offset of the next record */
    struct dirent entry;
    char buf[DIR_BUFFER] __attribute__((aligned(8)));
};

int getdents(int fd, void* buf, unsigned long len)
{
    return (int)unum_ret(unum_syscall3(UNUM_SYS_GETDENTS, fd, (long)buf, (long)len));
}

DIR* fdopendir(int fd)
{
    DIR* d = malloc(sizeof(DIR));
    if (!d) {
        errno = ENOMEM;
        return NULL;
    }
    d->fd = fd;
    d->used = d->next = 0;
    return d;
}

DIR* opendir(const char* path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    DIR* d = fdopendir(fd);
    if (!d)
        close(fd);
    return d;
}

struct dirent* readdir(DIR* d)
{
    if (d->next >= d->used) {
        int n = getdents(d->fd, d->buf, sizeof d->buf);
        if (n <= 0)
            return NULL; /* end (errno untouched) or error (errno set) */
        d->used = n;
        d->next = 0;
    }
    const struct unum_dirent* rec = (const struct unum_dirent*)(d->buf + d->next);
    if (rec->d_reclen < UNUM_DIRENT_RECLEN(0) || d->next + rec->d_reclen > d->used) {
        d->next = d->used; /* a malformed batch: stop rather than overrun */
        errno = EIO;
        return NULL;
    }
    d->next += rec->d_reclen;
    size_t max = rec->d_reclen - UNUM_DIRENT_NAME_OFFSET;
    size_t len = strnlen(rec->d_name, max < UNUM_NAME_MAX ? max : UNUM_NAME_MAX);
    memcpy(d->entry.d_name, rec->d_name, len);
    d->entry.d_name[len] = '\0';
    d->entry.d_ino = rec->d_ino;
    d->entry.d_type = rec->d_type;
    return &d->entry;
}

int readdir_r(DIR* d, struct dirent* entry, struct dirent** result)
{
    int saved = errno;
    errno = 0;
    struct dirent* e = readdir(d);
    int err = errno;
    errno = saved;
    if (!e) {
        *result = NULL;
        return err;
    }
    *entry = *e;
    *result = entry;
    return 0;
}

void rewinddir(DIR* d)
{
    lseek(d->fd, 0, SEEK_SET);
    d->used = d->next = 0;
}

int dirfd(DIR* d) { return d->fd; }

int closedir(DIR* d)
{
    int r = close(d->fd);
    free(d);
    return r;
}

int alphasort(const struct dirent** a, const struct dirent** b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

int scandir(const char* path, struct dirent*** out, int (*keep)(const struct dirent*),
            int (*compare)(const struct dirent**, const struct dirent**))
{
    DIR* d = opendir(path);
    if (!d)
        return -1;
    struct dirent** list = NULL;
    size_t count = 0, cap = 0;
    struct dirent* e;
    while ((e = readdir(d))) {
        if (keep && !keep(e))
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 16;
            struct dirent** grown = realloc(list, cap * sizeof *list);
            if (!grown)
                goto fail;
            list = grown;
        }
        if (!(list[count] = malloc(sizeof *e)))
            goto fail;
        *list[count++] = *e;
    }
    closedir(d);
    if (compare && count > 1)
        qsort(list, count, sizeof *list, (int (*)(const void*, const void*))compare);
    *out = list;
    return (int)count;
fail:
    while (count)
        free(list[--count]);
    free(list);
    closedir(d);
    errno = ENOMEM;
    return -1;
}
