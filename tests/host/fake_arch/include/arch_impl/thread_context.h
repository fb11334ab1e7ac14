// Host fake of the arch thread context: every kernel thread is a real pthread,
// and a context switch hands a baton from one to the next, so exactly one of them
// runs at a time and the portable scheduler runs unchanged (see context.cpp).
#pragma once

namespace arch {

struct HostThread;

struct ThreadContext {
    HostThread* host { nullptr };
};

} // namespace arch
