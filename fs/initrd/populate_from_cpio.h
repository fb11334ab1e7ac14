// populate_from_cpio(): unpacks a cpio newc archive (the initrd) into a
// directory through the vnode ops, so it works on any writable file system
// (ramfs at boot). Directories and regular files are made with the archive's
// mode, uid and gid; everything else is skipped and counted.
#pragma once

#include "fs/vfs/vnode.h"

struct CpioPopulateReport {
    usize directories { 0 };
    usize files { 0 };
    // Bytes of file data written (the sum of the unpacked files' sizes).
    usize file_bytes { 0 };
    // Entries not unpacked: symlinks, devices, FIFOs, sockets, ".." names,
    // over-long names, and names that clash with an entry of another type.
    usize skipped { 0 };
    // None for a clean archive; BadMessage if it was malformed or truncated
    // (everything before the bad header was unpacked).
    Error archive_error { Error::None };
};

// Fails only when the file system does (NoMemory, NoSpace, ...).
Result<CpioPopulateReport> populate_from_cpio(Vnode& root, u8 const* data, usize size);
