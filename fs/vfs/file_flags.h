// Open flags, seek origins and mode bits as the kernel sees them. The values are
// newlib's (sys/_default_fcntl.h, sys/stat.h) because user programs link newlib;
// they are named here, not as O_* macros, so host tests can include libc too.
#pragma once

#include "kernel/lib/types.h"

namespace OpenFlag {
inline constexpr u32 ReadOnly = 0;
inline constexpr u32 WriteOnly = 1;
inline constexpr u32 ReadWrite = 2;
inline constexpr u32 AccessModeMask = 3;
inline constexpr u32 Append = 0x0008;
inline constexpr u32 Create = 0x0200;
inline constexpr u32 Truncate = 0x0400;
inline constexpr u32 Exclusive = 0x0800;
inline constexpr u32 Sync = 0x2000;
inline constexpr u32 NonBlock = 0x4000;
inline constexpr u32 NoCtty = 0x8000;
inline constexpr u32 CloseOnExec = 0x40000;
inline constexpr u32 NoFollow = 0x100000;
inline constexpr u32 Directory = 0x200000;
// What fcntl(F_SETFL) may change on an open file description.
inline constexpr u32 StatusChangeable = Append | NonBlock | Sync;
} // namespace OpenFlag

enum class SeekWhence : u32 { Set = 0, Current = 1, End = 2 };

namespace FileMode {
inline constexpr u32 TypeMask = 0170000;
inline constexpr u32 Fifo = 0010000;
inline constexpr u32 CharDevice = 0020000;
inline constexpr u32 Directory = 0040000;
inline constexpr u32 BlockDevice = 0060000;
inline constexpr u32 Regular = 0100000;
inline constexpr u32 Symlink = 0120000;
inline constexpr u32 Socket = 0140000;
inline constexpr u32 SetUid = 04000;
inline constexpr u32 SetGid = 02000;
inline constexpr u32 Sticky = 01000;
// The bits chmod() may set: permissions plus setuid/setgid/sticky.
inline constexpr u32 PermissionMask = 07777;
} // namespace FileMode

// Access wanted from a vnode, in the rwx order of one permission triplet.
namespace Access {
inline constexpr u32 Execute = 1;
inline constexpr u32 Write = 2;
inline constexpr u32 Read = 4;
} // namespace Access

// Longest component name and path (including its terminating NUL), as newlib's
// NAME_MAX and PATH_MAX.
inline constexpr usize NAME_MAX_LENGTH = 255;
inline constexpr usize PATH_MAX_LENGTH = 4096;
