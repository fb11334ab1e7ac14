// Runs the SELFTEST cases registered in the unum_selftests section and prints TAP.
// Kernel-only: the section bounds come from linker.ld.
#include <stdarg.h>

#include "kernel/arch/cpu.h"
#include "kernel/debug/debug_print.h"
#include "kernel/lib/format.h"
#include "kernel/selftest/selftest.h"

extern "C" SelfTestCase const __start_unum_selftests[];
extern "C" SelfTestCase const __stop_unum_selftests[];


u32 selftest_run_all()
{
    usize count = usize(__stop_unum_selftests - __start_unum_selftests);
    debug_print("TAP version 13\n1..%zu\n", count);
    u32 failed = 0;
    for (usize i = 0; i < count; ++i) {
        SelfTestCase const& test = __start_unum_selftests[i];
        SelfTestContext context;
        test.run(context);
        if (context.failed())
            ++failed;
        debug_print("%s %zu - %s\n", context.failed() ? "not ok" : "ok", i + 1, test.name);
    }
    debug_print("selftest: %zu passed, %u failed\n", count - failed, failed);
    return failed;
}
