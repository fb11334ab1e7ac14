// poll() and select() over a process's open files: scan each file's readiness
// (Vnode::poll), and sleep on the readiness generation (fs/vfs/readiness.h)
// until one is ready, the timeout passes or a signal arrives. Kernel memory
// only: the syscall layer copies the pollfd array and fd sets in and out.
#pragma once

#include "fs/vfs/fd_table.h"
#include "kernel/abi/unum_socket.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

// Event bits are the ABI's (UNUM_POLLIN ...), which PollEvent shares.
namespace PollBits {
inline constexpr u32 In = UNUM_POLLIN;
inline constexpr u32 Priority = UNUM_POLLPRI;
inline constexpr u32 Out = UNUM_POLLOUT;
inline constexpr u32 Error = UNUM_POLLERR;
inline constexpr u32 HangUp = UNUM_POLLHUP;
inline constexpr u32 Invalid = UNUM_POLLNVAL;
} // namespace PollBits

struct PollEntry {
    int fd { -1 };     // negative: ignored (revents 0), as POSIX says
    u32 events { 0 };  // requested; Error and HangUp are always reported
    u32 revents { 0 }; // filled in
};

// Fills every entry's revents from the files' readiness now (Invalid for an fd
// that is not open); returns how many entries have a non-zero revents.
usize poll_scan(FdTable& fds, PollEntry* entries, usize count);

// poll(): scans, and while nothing is ready sleeps until a readiness change, the
// timeout (milliseconds; negative waits forever, 0 never sleeps) or a signal
// (Interrupted). Returns the number of ready entries (0 on timeout).
Result<usize> poll_files(FdTable& fds, PollEntry* entries, usize count, i64 timeout_ms);
