// lwIP's sys_arch layer on the kernel's primitives (lwIP doc/sys_arch.txt):
// semaphores on Semaphore, mutexes (the tcpip core lock among them) on Mutex,
// bounded mailboxes on a spinlock and two wait queues, threads on kernel threads,
// sys_now on the monotonic clock. lwIP's timeout 0 means "forever"; the kernel's
// means "poll", so every wait translates it.
#include <atomic>

#include "kernel/arch/cpu.h"
#include "kernel/arch/time.h"
#include "kernel/log/klog.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/thread.h"
#include "kernel/sync/mutex.h"
#include "kernel/sync/semaphore.h"
#include "kernel/sync/spinlock.h"
#include "kernel/sync/wait_queue.h"
#include "lwip/opt.h"
#include "lwip/sys.h"

struct unum_lwip_sem {
    explicit unum_lwip_sem(u8 count)
        : semaphore(count)
    {
    }
    Semaphore semaphore;
};

struct unum_lwip_mutex {
    Mutex mutex;
};

// A bounded queue of pointers. Locks: guard protects everything below it.
struct unum_lwip_mbox {
    Spinlock guard;
    WaitQueue not_empty;
    WaitQueue not_full;
    void** slots { nullptr };
    usize capacity { 0 };
    usize head { 0 };
    usize count { 0 };
    usize waiting { 0 }; // threads inside fetch or post
    bool freed { false }; // sys_mbox_free() came while threads waited
};

namespace {

u64 now_ms() { return arch::monotonic_ns() / 1'000'000; }

u64 kernel_timeout(u32_t lwip_timeout_ms) { return lwip_timeout_ms == 0 ? WAIT_FOREVER : u64(lwip_timeout_ms); }

// The time a successful wait took, as lwIP wants it (never SYS_ARCH_TIMEOUT).
u32_t elapsed_since(u64 start_ms)
{
    u64 elapsed = now_ms() - start_ms;
    return elapsed >= SYS_ARCH_TIMEOUT ? SYS_ARCH_TIMEOUT - 1 : u32_t(elapsed);
}

// Caller holds mbox.guard and has checked there is room.
void push_locked(unum_lwip_mbox& mbox, void* message)
{
    mbox.slots[(mbox.head + mbox.count) % mbox.capacity] = message;
    ++mbox.count;
    mbox.not_empty.wake_one();
}

// Caller holds mbox.guard and has checked it is not empty.
void* pop_locked(unum_lwip_mbox& mbox)
{
    void* message = mbox.slots[mbox.head];
    mbox.head = (mbox.head + 1) % mbox.capacity;
    --mbox.count;
    mbox.not_full.wake_one();
    return message;
}

void destroy(unum_lwip_mbox* box)
{
    delete[] box->slots;
    delete box;
}

// Caller holds box.guard and has just stopped waiting: true if it was the last
// thread in a mailbox that was freed meanwhile, which it must then destroy
// after releasing the guard.
bool leave_locked(unum_lwip_mbox& box)
{
    --box.waiting;
    return box.freed && box.waiting == 0;
}

// SYS_ARCH_PROTECT: interrupts off on this CPU and a lock that the same CPU may
// take again while it holds it (lwIP nests protected sections).
constexpr u32 NO_OWNER = ~u32(0);
std::atomic<u32> g_protect_owner { NO_OWNER };
u32 g_protect_depth = 0; // touched only by the owner

} // namespace

extern "C" {

void sys_init(void) { }

u32_t sys_now(void) { return u32_t(now_ms()); }

sys_prot_t sys_arch_protect(void)
{
    arch::InterruptState state = arch::interrupts_save_disable();
    u32 cpu = arch::current_cpu();
    if (g_protect_owner.load(std::memory_order_relaxed) != cpu) {
        u32 expected = NO_OWNER;
        while (!g_protect_owner.compare_exchange_weak(expected, cpu, std::memory_order_acquire)) {
            expected = NO_OWNER;
            arch::cpu_relax();
        }
    }
    ++g_protect_depth;
    return sys_prot_t(state);
}

void sys_arch_unprotect(sys_prot_t previous)
{
    if (--g_protect_depth == 0)
        g_protect_owner.store(NO_OWNER, std::memory_order_release);
    arch::interrupts_restore(arch::InterruptState(previous));
}

// ---- semaphores
err_t sys_sem_new(sys_sem_t* sem, u8_t count)
{
    *sem = new (std::nothrow) unum_lwip_sem(count);
    return *sem ? ERR_OK : ERR_MEM;
}

void sys_sem_free(sys_sem_t* sem)
{
    delete *sem;
    *sem = nullptr;
}

void sys_sem_signal(sys_sem_t* sem) { (*sem)->semaphore.post(); }

u32_t sys_arch_sem_wait(sys_sem_t* sem, u32_t timeout)
{
    u64 start = now_ms();
    if ((*sem)->semaphore.wait(kernel_timeout(timeout)).is_error())
        return SYS_ARCH_TIMEOUT;
    return elapsed_since(start);
}

// ---- mutexes
err_t sys_mutex_new(sys_mutex_t* mutex)
{
    *mutex = new (std::nothrow) unum_lwip_mutex;
    return *mutex ? ERR_OK : ERR_MEM;
}

void sys_mutex_free(sys_mutex_t* mutex)
{
    delete *mutex;
    *mutex = nullptr;
}

void sys_mutex_lock(sys_mutex_t* mutex) { (*mutex)->mutex.lock(); }
void sys_mutex_unlock(sys_mutex_t* mutex) { (*mutex)->mutex.unlock(); }

// ---- mailboxes
err_t sys_mbox_new(sys_mbox_t* mbox, int size)
{
    *mbox = nullptr;
    usize capacity = size > 0 ? usize(size) : 16;
    auto* created = new (std::nothrow) unum_lwip_mbox;
    if (!created)
        return ERR_MEM;
    created->slots = new (std::nothrow) void*[capacity];
    if (!created->slots) {
        delete created;
        return ERR_MEM;
    }
    created->capacity = capacity;
    *mbox = created;
    return ERR_OK;
}

void sys_mbox_free(sys_mbox_t* mbox)
{
    unum_lwip_mbox* box = *mbox;
    if (!box)
        return;
    *mbox = nullptr;
    {
        SpinlockGuard guard(box->guard);
        if (box->count != 0)
            log_warn("lwip: freeing a mailbox with %zu messages (leaked)", box->count);
        if (box->waiting != 0) {
            // A netconn deleted while another thread still waits on it (a bug in
            // the caller): the waiters give up as if timed out, the last one out
            // frees the mailbox, rather than sleep on freed memory.
            log_warn("lwip: mailbox freed with %zu threads waiting on it", box->waiting);
            box->freed = true;
            box->not_empty.wake_all();
            box->not_full.wake_all();
            return;
        }
    }
    destroy(box);
}

void sys_mbox_post(sys_mbox_t* mbox, void* message)
{
    unum_lwip_mbox& box = **mbox;
    box.guard.lock();
    ++box.waiting;
    (void)box.not_full.wait_until(box.guard, [&] { return box.freed || box.count < box.capacity; });
    if (!box.freed)
        push_locked(box, message);
    bool destroy_it = leave_locked(box);
    box.guard.unlock();
    if (destroy_it)
        destroy(&box);
}

err_t sys_mbox_trypost(sys_mbox_t* mbox, void* message)
{
    unum_lwip_mbox& box = **mbox;
    SpinlockGuard guard(box.guard);
    if (box.count == box.capacity)
        return ERR_MEM;
    push_locked(box, message);
    return ERR_OK;
}

err_t sys_mbox_trypost_fromisr(sys_mbox_t* mbox, void* message) { return sys_mbox_trypost(mbox, message); }

u32_t sys_arch_mbox_fetch(sys_mbox_t* mbox, void** message, u32_t timeout)
{
    unum_lwip_mbox& box = **mbox;
    u64 start = now_ms();
    box.guard.lock();
    ++box.waiting;
    auto waited = box.not_empty.wait_until(box.guard, [&] { return box.freed || box.count != 0; },
        kernel_timeout(timeout));
    bool got_one = !waited.is_error() && !box.freed;
    void* received = got_one ? pop_locked(box) : nullptr;
    bool destroy_it = leave_locked(box);
    box.guard.unlock();
    if (destroy_it)
        destroy(&box);
    if (message)
        *message = received;
    return got_one ? elapsed_since(start) : SYS_ARCH_TIMEOUT;
}

u32_t sys_arch_mbox_tryfetch(sys_mbox_t* mbox, void** message)
{
    unum_lwip_mbox& box = **mbox;
    SpinlockGuard guard(box.guard);
    if (box.count == 0)
        return SYS_MBOX_EMPTY;
    void* received = pop_locked(box);
    if (message)
        *message = received;
    return 0;
}

// ---- threads
sys_thread_t sys_thread_new(char const* name, lwip_thread_fn function, void* arg, int, int priority)
{
    u8 kernel_priority = priority < sched::PRIORITY_MIN ? sched::PRIORITY_MIN
        : priority > sched::PRIORITY_MAX                ? sched::PRIORITY_MAX
                                                        : u8(priority);
    auto thread = Thread::create(name, function, arg, kernel_priority);
    if (thread.is_error()) {
        // lwIP cannot run without its threads (tcpip above all): a broken boot.
        LWIP_PLATFORM_ASSERT("sys_thread_new: cannot create a kernel thread");
    }
    // The scheduler keeps the thread alive while it runs; the handle is opaque.
    return reinterpret_cast<sys_thread_t>(thread.value().ptr());
}

} // extern "C"

bool unum_lwip_mutex_owned_by_current(unum_lwip_mutex* mutex) { return mutex && mutex->mutex.is_owned_by_current(); }
