// Boot step: builds the file namespace — a ramfs root filled from the initrd (a
// cpio newc archive GRUB loaded as a module) with devfs mounted on /dev.
#pragma once

#include "fs/devfs/devfs.h"
#include "kernel/lib/result.h"

// initrd may be null (no module): the root is then empty but usable.
Result<void> mount_root_filesystem(u8 const* initrd, usize size);
// The devfs mounted on /dev, for registering devices (consoles, later NICs).
Devfs* system_devfs();
