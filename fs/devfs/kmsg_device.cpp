// KmsgDevice: per-open klog cursors.
#include "fs/devfs/kmsg_device.h"

#include "kernel/log/klog.h"
#include "kernel/sync/mutex.h"

namespace {

class KmsgCursor final : public OpenFileState {
public:
    Mutex lock;
    u64 cursor { 0 }; // 0: from the oldest kept record
};

} // namespace

Result<void> KmsgDevice::open(OpenFileDescription& description)
{
    auto cursor = TRY(make_own<KmsgCursor>());
    description.set_state(std::move(cursor));
    return {};
}

Result<usize> KmsgDevice::read(OpenFileDescription& description, u64, u8* buffer, usize size)
{
    auto* state = static_cast<KmsgCursor*>(description.state());
    if (!state)
        return Error::BadFd;
    MutexLocker locker(state->lock);
    return klog_read(state->cursor, reinterpret_cast<char*>(buffer), size);
}

Result<usize> KmsgDevice::write(OpenFileDescription&, u64, u8 const* data, usize size)
{
    usize length = size;
    while (length > 0 && (data[length - 1] == '\n' || data[length - 1] == '\0'))
        --length;
    if (length > KLOG_MAX_TEXT)
        length = KLOG_MAX_TEXT;
    klog(LogLevel::Info, "%.*s", static_cast<int>(length), reinterpret_cast<char const*>(data));
    return size;
}
