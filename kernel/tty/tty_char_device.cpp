// The terminal as a character device, and deferred terminal signals (see
// tty_char_device.h).
#include "kernel/tty/tty_char_device.h"

#include "fs/vfs/open_file_description.h"
#include "fs/vfs/readiness.h"
#include "kernel/lib/ring_buffer.h"
#include "kernel/sched/thread.h"
#include "kernel/sync/semaphore.h"
#include "kernel/syscall/user_ptr.h"
#include "kernel/vproc/vproc.h"

namespace {

struct PendingSignal {
    int process_group;
    int signal;
    TtyDevice* tty;
};

Spinlock g_pending_lock;
RingBuffer<PendingSignal, 32> g_pending;
Semaphore g_pending_count;

// Line discipline callback, possibly in an interrupt: queue it for the thread.
void queue_foreground_signal(int signal, void* context)
{
    auto* tty = static_cast<TtyDevice*>(context);
    int group = tty->line_discipline().foreground_process_group();
    if (group <= 0)
        return;
    {
        SpinlockGuard guard(g_pending_lock);
        if (!g_pending.try_push({ group, signal, tty }))
            return;
    }
    g_pending_count.post();
}

void signal_delivery_thread(void*)
{
    for (;;) {
        if (g_pending_count.wait().is_error())
            continue;
        PendingSignal pending {};
        {
            SpinlockGuard guard(g_pending_lock);
            if (!g_pending.pop(pending))
                continue;
        }
        (void)vproc::send_signal(-pending.process_group, pending.signal, Credentials::root());
        // Readers blocked on the terminal return EINTR so the signal is acted on
        // now (the scheduler has no interruptible sleep of its own yet).
        pending.tty->line_discipline().interrupt_readers();
    }
}

} // namespace

Result<void> tty_signal_delivery_init()
{
    TRY(Thread::create("tty-signals", signal_delivery_thread, nullptr, sched::PRIORITY_HIGH));
    return {};
}

Result<NonnullRefPtr<TtyCharDevice>> TtyCharDevice::create(TtyDevice& tty)
{
    auto* device = new (std::nothrow) TtyCharDevice(tty);
    if (!device)
        return Error::NoMemory;
    tty.line_discipline().set_signal_handler(queue_foreground_signal, &tty);
    tty.line_discipline().set_input_notifier([](void*) { readiness::changed(); }, nullptr);
    return adopt_ref(*device);
}

Result<usize> TtyCharDevice::read(OpenFileDescription& description, u64, u8* buffer, usize size)
{
    return m_tty.read(buffer, size, description.is_nonblocking());
}

Result<usize> TtyCharDevice::write(OpenFileDescription&, u64, u8 const* data, usize size)
{
    return m_tty.write(data, size);
}

Result<i64> TtyCharDevice::ioctl(OpenFileDescription&, u32 request, uptr argument)
{
    TtyIoctlArgument how = TRY(TtyDevice::ioctl_argument(request));
    u8 buffer[128] {};
    if (how.size > sizeof(buffer))
        return Error::InvalidArgument;
    int value = int(argument);
    void* kernel_argument = buffer;
    switch (how.kind) {
    case TtyIoctlArgument::Kind::None:
        kernel_argument = nullptr;
        break;
    case TtyIoctlArgument::Kind::Value:
        kernel_argument = &value;
        break;
    case TtyIoctlArgument::Kind::In:
        TRY(arch::copy_from_user(buffer, argument, how.size));
        break;
    case TtyIoctlArgument::Kind::Out:
        break;
    }
    int result = TRY(m_tty.ioctl(request, kernel_argument));
    if (how.kind == TtyIoctlArgument::Kind::Out)
        TRY(arch::copy_to_user(argument, buffer, how.size));
    return result;
}

u32 TtyCharDevice::poll(OpenFileDescription&)
{
    u32 events = m_tty.poll();
    u32 result = 0;
    if (events & TtyDevice::POLL_IN)
        result |= PollEvent::Readable;
    if (events & TtyDevice::POLL_OUT)
        result |= PollEvent::Writable;
    if (events & TtyDevice::POLL_HUP)
        result |= PollEvent::HangUp;
    return result;
}
