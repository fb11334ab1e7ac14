// Host fake of the arch context seam. Each kernel thread is a pthread that waits
// for its turn; context_switch(from, to) gives `to` the turn and parks `from`. The
// kernel stack the scheduler allocates goes unused (pthreads have their own). A
// dead thread's pthread stays parked until context_destroy() lets it unwind with
// longjmp back to its start routine and joins it.
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <pthread.h>

#include "kernel/arch/context.h"
#include "kernel/arch/cpu.h"

namespace arch {

struct HostThread {
    pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t turn_changed = PTHREAD_COND_INITIALIZER;
    bool has_turn { false };
    bool exit_requested { false };
    bool adopted { false };
    pthread_t thread {};
    jmp_buf exit_jump;
    void (*entry)(void*) { nullptr };
    void* arg { nullptr };
};

static void give_turn(HostThread& host)
{
    pthread_mutex_lock(&host.mutex);
    host.has_turn = true;
    pthread_cond_signal(&host.turn_changed);
    pthread_mutex_unlock(&host.mutex);
}

static void wait_for_turn(HostThread& host)
{
    pthread_mutex_lock(&host.mutex);
    while (!host.has_turn)
        pthread_cond_wait(&host.turn_changed, &host.mutex);
    host.has_turn = false;
    pthread_mutex_unlock(&host.mutex);
}

static void* host_thread_main(void* raw)
{
    auto& host = *static_cast<HostThread*>(raw);
    // A fresh kernel thread starts with interrupts off, as after a real switch.
    interrupts_disable();
    wait_for_turn(host);
    if (host.exit_requested)
        return nullptr;
    if (setjmp(host.exit_jump) != 0)
        return nullptr;
    host.entry(host.arg);
    fputs("fake context: thread entry returned\n", stderr);
    abort();
}

Result<void> context_init(ThreadContext& ctx, void*, usize, void (*entry)(void*), void* arg)
{
    auto* host = new (std::nothrow) HostThread;
    if (!host)
        return Error::NoMemory;
    host->entry = entry;
    host->arg = arg;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 1024 * 1024);
    int rc = pthread_create(&host->thread, &attr, host_thread_main, host);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        delete host;
        return Error::TryAgain;
    }
    ctx.host = host;
    return {};
}

Result<void> context_init_current(ThreadContext& ctx)
{
    auto* host = new (std::nothrow) HostThread;
    if (!host)
        return Error::NoMemory;
    host->adopted = true;
    host->thread = pthread_self();
    ctx.host = host;
    return {};
}

void context_switch(ThreadContext& from, ThreadContext& to)
{
    HostThread& self = *from.host;
    give_turn(*to.host);
    wait_for_turn(self);
    // Only a dead thread is ever resumed to exit; nothing it skips owns resources.
    if (self.exit_requested)
        longjmp(self.exit_jump, 1);
}

void context_destroy(ThreadContext& ctx)
{
    HostThread* host = ctx.host;
    if (!host)
        return;
    ctx.host = nullptr;
    if (!host->adopted) {
        host->exit_requested = true;
        give_turn(*host);
        pthread_join(host->thread, nullptr);
    }
    pthread_mutex_destroy(&host->mutex);
    pthread_cond_destroy(&host->turn_changed);
    delete host;
}

} // namespace arch
