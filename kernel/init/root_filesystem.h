// Boot step: builds the file namespace — a ramfs root filled from the initrd (a
// cpio newc archive GRUB loaded as a module), the netboot tree in /boot/net when
// that module came too, devfs on /dev and procfs on /proc.
#pragma once

#include "fs/devfs/devfs.h"
#include "fs/initrd/boot_module_unpacker.h"
#include "kernel/lib/result.h"

// Unpacks the modules BOOT_MODULE_MOUNTS names (`initrd` into the root, `netboot`
// into /boot/net). Without an initrd module the root is empty but usable.
Result<void> mount_root_filesystem(BootFileModule const* modules, usize count);
// The devfs mounted on /dev, for registering devices (consoles, later NICs).
Devfs* system_devfs();
