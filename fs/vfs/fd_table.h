// FdTable: a process's file descriptors — small integers naming shared open
// file descriptions, each with its own close-on-exec bit. fork() clones the
// table (the descriptions are shared, not copied); execve() closes the
// close-on-exec ones.
#pragma once

#include "fs/vfs/open_file_description.h"
#include "kernel/lib/own_ptr.h"
#include "kernel/sync/mutex.h"

// Locks: m_lock (a Mutex) guards the slots. A description that may be the last
// reference is dropped only after m_lock is released (its release hook may sleep).
class FdTable {
public:
    static constexpr int MAX_FDS = 256;

    static Result<OwnPtr<FdTable>> create();
    ~FdTable();

    // fork(): a new table naming the same descriptions with the same flags.
    Result<OwnPtr<FdTable>> clone();

    // Installs description at the lowest free fd >= lowest. TooManyFiles
    // (EMFILE) when none is free; InvalidArgument if lowest is out of range.
    Result<int> allocate(NonnullRefPtr<OpenFileDescription> description, bool close_on_exec = false,
        int lowest = 0);
    // BadFd (EBADF) for a closed or out-of-range fd.
    Result<NonnullRefPtr<OpenFileDescription>> get(int fd);
    Result<void> close(int fd);

    // dup() and fcntl(F_DUPFD[_CLOEXEC]): the lowest free fd >= lowest.
    Result<int> dup(int fd, int lowest = 0, bool close_on_exec = false);
    // dup2(): makes new_fd name old_fd's description, closing what new_fd named;
    // the copy has close-on-exec clear. old_fd == new_fd only checks old_fd.
    Result<int> dup2(int old_fd, int new_fd);

    Result<bool> close_on_exec(int fd);
    Result<void> set_close_on_exec(int fd, bool value);

    // execve(): closes every close-on-exec fd.
    void close_on_exec_fds();
    // exit(): closes everything.
    void close_all();
    usize open_count();

private:
    FdTable() = default;

    struct Slot {
        RefPtr<OpenFileDescription> description;
        bool close_on_exec { false };
    };

    static bool in_range(int fd) { return fd >= 0 && fd < MAX_FDS; }
    // Caller must hold m_lock.
    int lowest_free_locked(int lowest) const;

    Mutex m_lock;
    Slot m_slots[MAX_FDS];
};
