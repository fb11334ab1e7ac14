// The node's file namespace: one Vfs (ramfs root from the initrd, devfs on /dev),
// set up at boot and used by every system call that names a path.
#pragma once

#include "fs/vfs/vfs.h"

// Installs the namespace (once, at boot).
void set_system_vfs(OwnPtr<Vfs> vfs);
// Null before boot has mounted the root.
Vfs* system_vfs();
