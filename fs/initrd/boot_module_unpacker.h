// unpack_boot_modules(): the boot loader's cpio modules, each unpacked into the
// directory its name maps to (BOOT_MODULE_MOUNTS: `initrd` fills the root,
// `netboot` the tree a boot server offers, /boot/net). Runs once at boot, before
// the first process; the caller holds no locks.
#pragma once

#include "fs/initrd/populate_from_cpio.h"
#include "kernel/lib/string_view.h"

// One module as the boot loader handed it over, mapped into memory.
struct BootFileModule {
    StringView name; // the loader's string (GRUB: the words after the file on `module2`)
    u8 const* data { nullptr };
    usize size { 0 };
};

// Where the module called `module` is unpacked, and what the boot log calls it.
struct BootModuleMount {
    StringView module;
    StringView path; // absolute; missing directories on the way are made 0755
    StringView description;
};

// The table, in unpacking order (the root first, so its directories' modes win).
extern BootModuleMount const BOOT_MODULE_MOUNTS[];
extern usize const BOOT_MODULE_MOUNT_COUNT;

// The mount for a module string, or null for a module that is not a file tree.
BootModuleMount const* boot_module_mount_for(StringView module_name);

// Unpacks one archive into path (absolute) under root, making the directories on
// the way. NotDirectory if a component of path exists as something else.
Result<CpioPopulateReport> unpack_module_at(Vnode& root, StringView path, u8 const* data, usize size);

// Called once per module that was unpacked, in unpacking order.
using BootModuleReportFn = void (*)(BootModuleMount const& mount, CpioPopulateReport const& report, void* context);

// Unpacks every module that has a mount, in table order; modules without one are
// left alone. Returns how many were unpacked; fails only when the file system does.
Result<usize> unpack_boot_modules(Vnode& root, BootFileModule const* modules, usize count,
    BootModuleReportFn on_unpacked, void* context);
