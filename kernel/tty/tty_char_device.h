// TtyCharDevice: a TtyDevice as a devfs character device (/dev/console,
// /dev/ttyS0): reads, writes and ioctls from system calls, with ioctl arguments
// copied through user memory. ^C/^Z/^\ typed on the terminal are turned into
// signals for its foreground process group by a kernel thread, because the line
// discipline reports them from the interrupt handler, where VPROC cannot run.
#pragma once

#include "fs/devfs/char_device.h"
#include "kernel/tty/tty_device.h"

class TtyCharDevice final : public CharDevice {
public:
    // Wraps tty (which must outlive the device) and hooks its signal reports.
    static Result<NonnullRefPtr<TtyCharDevice>> create(TtyDevice& tty);

    Result<usize> read(OpenFileDescription& description, u64 offset, u8* buffer, usize size) override;
    Result<usize> write(OpenFileDescription& description, u64 offset, u8 const* data, usize size) override;
    Result<i64> ioctl(OpenFileDescription& description, u32 request, uptr argument) override;
    u32 poll(OpenFileDescription& description) override;

    TtyDevice& tty() { return m_tty; }

private:
    explicit TtyCharDevice(TtyDevice& tty)
        : m_tty(tty)
    {
    }

    TtyDevice& m_tty;
};

// Starts the thread that delivers terminal signals (once, at boot).
Result<void> tty_signal_delivery_init();
