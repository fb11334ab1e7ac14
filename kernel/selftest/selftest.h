// In-kernel self-tests: SELFTEST(name) { ... } registers a test in a linker
// section; `selftest` on the command line runs them all in a kernel thread, prints
// TAP on the serial console and exits QEMU with the result. Portable: the same
// tests also link into host builds (they simply are not run there).
#pragma once

#include "kernel/lib/types.h"

class SelfTestContext {
public:
    // Records a failure (the test keeps running); message is printed as a TAP comment.
    void fail(char const* file, int line, char const* expression);
    void note(char const* format, ...) __attribute__((format(printf, 2, 3)));
    bool failed() const { return m_failures != 0; }
    u32 failures() const { return m_failures; }

private:
    u32 m_failures { 0 };
};

// Aligned to its size so entries from every object file pack with no gaps.
struct alignas(16) SelfTestCase {
    char const* name;
    void (*run)(SelfTestContext& t);
};

#define SELFTEST_CONCAT2(a, b) a##b
#define SELFTEST_CONCAT(a, b) SELFTEST_CONCAT2(a, b)

// Defines and registers a self-test. Body receives `SelfTestContext& t`.
#define SELFTEST(test_name)                                                                  \
    static void SELFTEST_CONCAT(selftest_fn_, __LINE__)(SelfTestContext & t);                 \
    [[gnu::used, gnu::section("unum_selftests")]] static SelfTestCase const SELFTEST_CONCAT( \
        selftest_case_, __LINE__) { test_name, SELFTEST_CONCAT(selftest_fn_, __LINE__) };     \
    static void SELFTEST_CONCAT(selftest_fn_, __LINE__)([[maybe_unused]] SelfTestContext & t)

#define ST_EXPECT(expression)                           \
    do {                                                \
        if (!(expression))                              \
            t.fail(__FILE__, __LINE__, #expression);    \
    } while (0)

// Runs every registered self-test, printing TAP; returns the number that failed.
u32 selftest_run_all();
