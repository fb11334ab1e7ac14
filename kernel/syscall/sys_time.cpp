// Time system calls: clock_gettime, gettimeofday, nanosleep. Wall-clock time is
// boot-relative until the kernel reads the RTC (there is no RTC driver yet).
#include "kernel/arch/time.h"
#include "kernel/proc/signal_delivery.h"
#include "kernel/sched/scheduler.h"
#include "kernel/syscall/syscall_families.h"
#include "kernel/syscall/user_ptr.h"

namespace {

// newlib's x86-64 layouts: time_t and suseconds_t are 64-bit, long is 64-bit.
struct UserTimespec {
    i64 seconds;
    i64 nanoseconds;
};
struct UserTimeval {
    i64 seconds;
    i64 microseconds;
};

constexpr u64 CLOCK_ID_REALTIME = 1;  // newlib's value
constexpr u64 CLOCK_ID_MONOTONIC = 4; // newlib's value
constexpr u64 NS_PER_SECOND = 1000000000ull;

} // namespace

Result<u64> sys_clock_gettime(SyscallArgs const& args)
{
    u64 clock = args.arg[0];
    if (clock != CLOCK_ID_REALTIME && clock != CLOCK_ID_MONOTONIC)
        return Error::InvalidArgument;
    u64 now = arch::monotonic_ns();
    TRY(UserPtr<UserTimespec>(args.arg[1]).write({ i64(now / NS_PER_SECOND), i64(now % NS_PER_SECOND) }));
    return 0;
}

Result<u64> sys_gettimeofday(SyscallArgs const& args)
{
    u64 now = arch::monotonic_ns();
    if (args.arg[0])
        TRY(UserPtr<UserTimeval>(args.arg[0]).write({ i64(now / NS_PER_SECOND), i64(now % NS_PER_SECOND / 1000) }));
    return 0;
}

Result<u64> sys_nanosleep(SyscallArgs const& args)
{
    UserTimespec request = TRY(UserPtr<UserTimespec>(args.arg[0]).read());
    if (request.seconds < 0 || request.nanoseconds < 0 || u64(request.nanoseconds) >= NS_PER_SECOND)
        return Error::InvalidArgument;
    u64 ms = u64(request.seconds) * 1000 + (u64(request.nanoseconds) + 999999) / 1000000;
    // Sleep in slices so a signal (^C on `sleep 100`) ends the call with EINTR.
    constexpr u64 SLICE_MS = 20;
    while (ms > 0) {
        if (current_has_deliverable_signal())
            return Error::Interrupted;
        u64 step = ms < SLICE_MS ? ms : SLICE_MS;
        sched::sleep_ms(step);
        ms -= step;
    }
    if (args.arg[1])
        TRY(UserPtr<UserTimespec>(args.arg[1]).write({ 0, 0 }));
    return 0;
}
