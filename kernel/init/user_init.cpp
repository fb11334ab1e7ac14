// The console TTY and the first user process (see user_init.h).
#include "kernel/init/user_init.h"

#include "fs/vfs/fd_table.h"
#include "fs/vfs/file_flags.h"
#include "kernel/init/root_filesystem.h"
#include "kernel/init/system_console.h"
#include "kernel/log/klog.h"
#include "kernel/proc/process_lifecycle.h"
#include "kernel/proc/system_vfs.h"
#include "kernel/tty/tty_char_device.h"

namespace {

void console_output(u8 const* bytes, usize length, void*)
{
    system_console_write_raw(reinterpret_cast<char const*>(bytes), length);
}

TtyDevice& console_tty()
{
    static TtyDevice tty("console", console_output, nullptr);
    return tty;
}

Result<OwnPtr<FdTable>> console_stdio()
{
    Vfs* vfs = system_vfs();
    if (!vfs)
        return Error::NoEntry;
    auto fds = TRY(FdTable::create());
    auto root = vfs->root();
    for (int fd = 0; fd < 3; ++fd) {
        auto console = TRY(vfs->open("/dev/console", OpenFlag::ReadWrite, 0, Credentials::root(), *root));
        TRY(fds->allocate(console));
    }
    return fds;
}

} // namespace

Result<void> start_user_init(StringView path)
{
    Devfs* devfs = system_devfs();
    if (!devfs)
        return Error::NoEntry;
    auto device = TRY(TtyCharDevice::create(console_tty()));
    TRY(devfs->register_char_device("console", device, 0620));
    TRY(devfs->register_char_device("tty", device, 0666));
    TRY(tty_signal_delivery_init());
    process_lifecycle_init();

    StringView arguments[] = { path };
    StringView environment[] = { "PATH=/bin", "HOME=/", "TERM=vt100" };
    SpawnRequest request;
    request.path = path;
    request.arguments = arguments;
    request.argument_count = 1;
    request.environment = environment;
    request.environment_count = 3;
    request.credentials = Credentials::root();
    request.fds = TRY(console_stdio());
    system_console_set_input_target(TtyDevice::receive_byte, &console_tty());
    auto process = spawn_process(std::move(request));
    if (process.is_error()) {
        system_console_set_input_target(nullptr, nullptr);
        return process.error();
    }
    log_info("init: started %.*s as pid %d", int(path.length()), path.characters(), process.value()->pid());
    return {};
}
