// The platform hooks lwIP's arch/cc.h names: diagnostics into the kernel log,
// assertions that panic, random numbers, the core-lock check, and the one libc
// function (atoi) lwIP's C code needs beyond kernel/lib/freestanding/string.cpp.
#include <stdarg.h>

#include "kernel/arch/time.h"
#include "kernel/log/klog.h"
#include "kernel/panic.h"
#include "kernel/sync/spinlock.h"
#include "lwip/opt.h"
#include "lwip/sys.h"
#include "lwip/tcpip.h"

struct unum_lwip_mutex; // sys_arch.cpp; only its address is needed here

namespace {

Spinlock g_random_lock;
u64 g_random_state = 0;

} // namespace

// Mutex::is_owned_by_current() through the handle: sys_arch.cpp knows the type.
bool unum_lwip_mutex_owned_by_current(unum_lwip_mutex* mutex);

extern "C" {

void unum_lwip_diag(char const* format, ...)
{
    va_list args;
    va_start(args, format);
    vklog(LogLevel::Info, format, args);
    va_end(args);
}

void unum_lwip_assert_failed(char const* message, char const* file, int line)
{
    panic("lwip: assertion \"%s\" failed at %s:%d", message, file, line);
}

// Not cryptographic: the cycle counter through a 64-bit LCG with an xorshift
// output, enough for sequence numbers, ephemeral ports and DHCP transaction ids.
uint32_t unum_lwip_rand(void)
{
    SpinlockGuard guard(g_random_lock);
    g_random_state ^= arch::cycle_counter();
    g_random_state = g_random_state * 6364136223846793005ull + 1442695040888963407ull;
    u64 mixed = g_random_state ^ (g_random_state >> 29);
    return uint32_t(mixed >> 32);
}

void unum_lwip_assert_core_locked(void)
{
    // lwip_init() runs inside tcpip_init() before the lock exists.
    if (!sys_mutex_valid(&lock_tcpip_core))
        return;
    if (!unum_lwip_mutex_owned_by_current(lock_tcpip_core))
        unum_lwip_assert_failed("lwIP core called without LOCK_TCPIP_CORE()", __FILE__, __LINE__);
}

int atoi(char const* text)
{
    while (*text == ' ' || *text == '\t')
        ++text;
    bool negative = *text == '-';
    if (*text == '-' || *text == '+')
        ++text;
    int value = 0;
    for (; *text >= '0' && *text <= '9'; ++text)
        value = value * 10 + (*text - '0');
    return negative ? -value : value;
}

} // extern "C"
