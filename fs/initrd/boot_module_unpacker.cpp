// unpack_boot_modules(): walks BOOT_MODULE_MOUNTS and hands each matching module
// to populate_from_cpio() rooted at its directory.
#include "fs/initrd/boot_module_unpacker.h"

#include "fs/vfs/credentials.h"

BootModuleMount const BOOT_MODULE_MOUNTS[] = {
    { "initrd", "/", "root" },
    // The netboot tree (GRUB's network images, grub.cfg, kernel, initrd) that a
    // boot server's TFTP offers; docs/netboot.md.
    { "netboot", "/boot/net", "netboot tree" },
};
usize const BOOT_MODULE_MOUNT_COUNT = sizeof(BOOT_MODULE_MOUNTS) / sizeof(BOOT_MODULE_MOUNTS[0]);

BootModuleMount const* boot_module_mount_for(StringView module_name)
{
    StringView name = module_name.trim_whitespace();
    for (usize i = 0; i < BOOT_MODULE_MOUNT_COUNT; ++i) {
        if (BOOT_MODULE_MOUNTS[i].module == name)
            return &BOOT_MODULE_MOUNTS[i];
    }
    return nullptr;
}

Result<CpioPopulateReport> unpack_module_at(Vnode& root, StringView path, u8 const* data, usize size)
{
    NonnullRefPtr<Vnode> directory(root);
    usize start = 0;
    while (start < path.length()) {
        auto slash = path.find('/', start);
        usize end = slash.has_value() ? *slash : path.length();
        StringView component = path.substring(start, end - start);
        start = end + 1;
        if (component.is_empty() || component == StringView("."))
            continue;
        if (component == StringView(".."))
            return Error::InvalidArgument;
        auto found = directory->lookup(component);
        if (found.is_error()) {
            if (found.error() != Error::NoEntry)
                return found.error();
            directory = TRY(directory->mkdir(component, 0755, Credentials::root()));
        } else {
            if (!found.value()->is_directory())
                return Error::NotDirectory;
            directory = found.release_value();
        }
    }
    return populate_from_cpio(*directory, data, size);
}

Result<usize> unpack_boot_modules(Vnode& root, BootFileModule const* modules, usize count,
    BootModuleReportFn on_unpacked, void* context)
{
    usize unpacked = 0;
    for (usize m = 0; m < BOOT_MODULE_MOUNT_COUNT; ++m) {
        BootModuleMount const& mount = BOOT_MODULE_MOUNTS[m];
        for (usize i = 0; i < count; ++i) {
            if (boot_module_mount_for(modules[i].name) != &mount || !modules[i].data)
                continue;
            auto report = TRY(unpack_module_at(root, mount.path, modules[i].data, modules[i].size));
            ++unpacked;
            if (on_unpacked)
                on_unpacked(mount, report, context);
        }
    }
    return unpacked;
}
