/* Structures and flags the Unum kernel exchanges with user memory: files, time,
   directories, processes, memory. Layouts equal newlib's (x86_64-elf) where newlib
   has the type; userland/lib/abi_check.c asserts that at every userland build.
   Plain C with no includes (the kernel does not depend on third_party/). */
#ifndef UNUM_TYPES_H
#define UNUM_TYPES_H

#ifdef __cplusplus
#define UNUM_ABI_ASSERT(cond, msg) static_assert(cond, msg)
#else
#define UNUM_ABI_ASSERT(cond, msg) _Static_assert(cond, msg)
#endif

/* ---- open(2) flags: newlib's <sys/_default_fcntl.h> */
#define UNUM_O_RDONLY 0
#define UNUM_O_WRONLY 1
#define UNUM_O_RDWR 2
#define UNUM_O_ACCMODE 3
#define UNUM_O_APPEND 0x0008
#define UNUM_O_CREAT 0x0200
#define UNUM_O_TRUNC 0x0400
#define UNUM_O_EXCL 0x0800
#define UNUM_O_SYNC 0x2000
#define UNUM_O_NONBLOCK 0x4000
#define UNUM_O_NOCTTY 0x8000
#define UNUM_O_CLOEXEC 0x40000
#define UNUM_O_NOFOLLOW 0x100000
#define UNUM_O_DIRECTORY 0x200000

/* ---- fcntl(2) */
#define UNUM_F_DUPFD 0
#define UNUM_F_GETFD 1
#define UNUM_F_SETFD 2
#define UNUM_F_GETFL 3
#define UNUM_F_SETFL 4
#define UNUM_F_DUPFD_CLOEXEC 14
#define UNUM_FD_CLOEXEC 1

/* ---- lseek(2) */
#define UNUM_SEEK_SET 0
#define UNUM_SEEK_CUR 1
#define UNUM_SEEK_END 2

/* ---- mode bits: newlib's <sys/stat.h> (the usual octal values) */
#define UNUM_S_IFMT 0170000
#define UNUM_S_IFSOCK 0140000
#define UNUM_S_IFLNK 0120000
#define UNUM_S_IFREG 0100000
#define UNUM_S_IFBLK 0060000
#define UNUM_S_IFDIR 0040000
#define UNUM_S_IFCHR 0020000
#define UNUM_S_IFIFO 0010000
#define UNUM_S_ISUID 04000
#define UNUM_S_ISGID 02000
#define UNUM_S_ISVTX 01000

struct unum_timespec {
    long tv_sec;  /* time_t: 64-bit */
    long tv_nsec;
};

struct unum_timeval {
    long tv_sec;
    long tv_usec; /* suseconds_t: 64-bit */
};

struct unum_timezone {
    int tz_minuteswest;
    int tz_dsttime;
};

/* newlib's struct stat for x86_64-elf. Note the 16-bit dev_t, ino_t, nlink_t,
   uid_t and gid_t: the kernel truncates inode numbers to 16 bits here. */
struct unum_stat {
    unsigned short st_dev;
    unsigned short st_ino;
    unsigned int st_mode;
    unsigned short st_nlink;
    unsigned short st_uid;
    unsigned short st_gid;
    unsigned short st_rdev;
    long st_size;
    struct unum_timespec st_atim;
    struct unum_timespec st_mtim;
    struct unum_timespec st_ctim;
    long st_blksize;
    long st_blocks;
    long st_spare4[2];
};
UNUM_ABI_ASSERT(sizeof(struct unum_stat) == 104, "unum_stat is newlib's struct stat");

/* ---- clocks (clock_gettime). newlib numbers; MONOTONIC is 4 there too. */
#define UNUM_CLOCK_REALTIME 1
#define UNUM_CLOCK_PROCESS_CPUTIME_ID 2
#define UNUM_CLOCK_THREAD_CPUTIME_ID 3
#define UNUM_CLOCK_MONOTONIC 4

/* ---- waitpid(2): options and the status word newlib's <sys/wait.h> decodes */
#define UNUM_WNOHANG 1
#define UNUM_WUNTRACED 2
#define UNUM_WCONTINUED 8
#define UNUM_W_EXITED(code) (((code) & 0xff) << 8)
#define UNUM_W_SIGNALED(sig) ((sig) & 0x7f) /* | 0x80 if it dumped core */
#define UNUM_W_STOPPED(sig) ((((sig) & 0xff) << 8) | 0x7f)
#define UNUM_W_CONTINUED 0xffff

/* ---- getdents(fd, buf, len): fills buf with whole records, returns the bytes
   used (0 at the end of the directory, -UNUM_EINVAL if one record does not fit).
   Each record starts 8-byte aligned; d_reclen is its full padded length. */
#define UNUM_NAME_MAX 255
#define UNUM_PATH_MAX 1024
#define UNUM_DT_UNKNOWN 0
#define UNUM_DT_FIFO 1
#define UNUM_DT_CHR 2
#define UNUM_DT_DIR 4
#define UNUM_DT_BLK 6
#define UNUM_DT_REG 8
#define UNUM_DT_LNK 10
#define UNUM_DT_SOCK 12

struct unum_dirent {
    unsigned long d_ino;
    unsigned short d_reclen;
    unsigned char d_type;   /* UNUM_DT_* */
    char d_name[5];         /* NUL-terminated, really d_reclen - 11 bytes */
};
UNUM_ABI_ASSERT(sizeof(struct unum_dirent) == 16, "unum_dirent header");
#define UNUM_DIRENT_NAME_OFFSET 11
/* Bytes a record with a name of `len` characters occupies. */
#define UNUM_DIRENT_RECLEN(len) ((UNUM_DIRENT_NAME_OFFSET + (len) + 1 + 7) & ~7UL)

/* ---- uname(2): newlib has no <sys/utsname.h>; userland's matches this. */
#define UNUM_UTSNAME_LEN 65
struct unum_utsname {
    char sysname[UNUM_UTSNAME_LEN];  /* "Unum" */
    char nodename[UNUM_UTSNAME_LEN]; /* "node<N>" */
    char release[UNUM_UTSNAME_LEN];
    char version[UNUM_UTSNAME_LEN];
    char machine[UNUM_UTSNAME_LEN];  /* "x86_64" */
};
UNUM_ABI_ASSERT(sizeof(struct unum_utsname) == 5 * 65, "unum_utsname layout");

/* ---- mmap(addr, len, prot, flags, fd, off): returns the address or -errno.
   Anonymous private mappings first; fd must be -1 with UNUM_MAP_ANONYMOUS. */
#define UNUM_PROT_NONE 0
#define UNUM_PROT_READ 1
#define UNUM_PROT_WRITE 2
#define UNUM_PROT_EXEC 4
#define UNUM_MAP_SHARED 0x01
#define UNUM_MAP_PRIVATE 0x02
#define UNUM_MAP_FIXED 0x10
#define UNUM_MAP_ANONYMOUS 0x20

/* ---- the initial user stack at the entry point (rsp 16-byte aligned):
   argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs ending UNUM_AT_NULL.
   Strings and the AT_RANDOM bytes sit above. Entry registers other than rsp are
   unspecified (libc's crt0 ignores them). Types use the ELF numbering. */
#define UNUM_AT_NULL 0
#define UNUM_AT_PHDR 3
#define UNUM_AT_PHENT 4
#define UNUM_AT_PHNUM 5
#define UNUM_AT_PAGESZ 6
#define UNUM_AT_ENTRY 9
#define UNUM_AT_UID 11
#define UNUM_AT_EUID 12
#define UNUM_AT_GID 13
#define UNUM_AT_EGID 14
#define UNUM_AT_RANDOM 25 /* address of 16 random bytes */
#define UNUM_AT_EXECFN 31 /* address of the path given to execve */

struct unum_auxv {
    unsigned long type;
    unsigned long value;
};

/* ---- getentropy(buf, len): at most this many bytes per call (as POSIX). */
#define UNUM_GETENTROPY_MAX 256

UNUM_ABI_ASSERT(sizeof(long) == 8 && sizeof(void*) == 8, "Unum is LP64");

#endif
