// Root file system setup (see root_filesystem.h).
#include "kernel/init/root_filesystem.h"

#include "fs/procfs/procfs.h"
#include "fs/ramfs/ramfs.h"
#include "kernel/proc/local_info_providers.h"
#include "kernel/arch/time.h"
#include "kernel/log/klog.h"
#include "kernel/proc/system_vfs.h"

namespace {

RefPtr<Devfs> g_devfs;

Result<void> entropy_from_cycles(u8* buffer, usize size)
{
    // Not cryptographic: the cycle counter's low bits, mixed. A proper entropy
    // pool (RDRAND, interrupt timing) replaces this with the cluster key work.
    u64 state = arch::cycle_counter() | 1;
    for (usize i = 0; i < size; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        buffer[i] = u8(state ^ arch::cycle_counter());
    }
    return {};
}

void log_unpacked(BootModuleMount const& mount, CpioPopulateReport const& report, void* context)
{
    if (mount.path == StringView("/")) {
        *static_cast<bool*>(context) = true;
        log_info("initrd: %zu files, %zu directories, %zu skipped", report.files, report.directories,
            report.skipped);
        return;
    }
    log_info("initrd: %.*s %zu files, %zu KiB in %.*s", int(mount.description.length()),
        mount.description.characters(), report.files, (report.file_bytes + 1023) / 1024, int(mount.path.length()),
        mount.path.characters());
}

} // namespace

Devfs* system_devfs() { return g_devfs.ptr(); }

Result<void> mount_root_filesystem(BootFileModule const* modules, usize count)
{
    auto root = TRY(Ramfs::create(0755));
    bool have_root = false;
    TRY(unpack_boot_modules(*root->root(), modules, count, log_unpacked, &have_root));
    if (!have_root)
        log_warn("initrd: none loaded; the root file system is empty");
    auto vfs = TRY(Vfs::create(root));
    auto devfs = TRY(Devfs::create());
    TRY(devfs->register_standard_devices(entropy_from_cycles));
    auto root_vnode = vfs->root();
    (void)vfs->mkdir("/dev", 0755, Credentials::root(), *root_vnode); // the initrd may have it
    TRY(vfs->mount("/dev", devfs, Credentials::root(), *root_vnode));
    g_devfs = devfs;

    auto processes = TRY(make_own<LocalProcessInfoProvider>());
    auto system = TRY(make_own<LocalSystemInfoProvider>());
    auto procfs = TRY(Procfs::create(std::move(processes), std::move(system)));
    (void)vfs->mkdir("/proc", 0555, Credentials::root(), *root_vnode); // the initrd may have it
    TRY(vfs->mount("/proc", procfs, Credentials::root(), *root_vnode));
    set_system_vfs(std::move(vfs));
    return {};
}
