// Thread construction, destruction and the first code every new thread runs.
// Creation and reaping live in scheduler.cpp, which owns the run queues.
#include "kernel/sched/thread.h"

#include "kernel/arch/cpu.h"
#include "kernel/panic.h"
#include "kernel/sched/scheduler.h"

char const* thread_state_name(ThreadState state)
{
    switch (state) {
    case ThreadState::Runnable: return "runnable";
    case ThreadState::Running: return "running";
    case ThreadState::Blocked: return "blocked";
    case ThreadState::Sleeping: return "sleeping";
    case ThreadState::Dead: return "dead";
    }
    return "?";
}

Thread::Thread(u64 id, char const* name, u8 priority)
    : m_id(id)
    , m_priority(priority)
{
    usize i = 0;
    for (; name && name[i] && i + 1 < NAME_CAPACITY; ++i)
        m_name[i] = name[i];
    m_name[i] = '\0';
}

Thread::~Thread()
{
    // Normally the reaper has released these already; this covers a thread whose
    // creation failed half-way and was never scheduled.
    if (m_context_valid)
        arch::context_destroy(m_context);
    delete[] m_stack;
}

// First code of every new thread: the switch that started it still holds the run
// queue lock, so interrupts come on only after finish_context_switch().
void Thread::start_trampoline(void* self)
{
    sched::finish_context_switch();
    arch::interrupts_enable();
    auto* thread = static_cast<Thread*>(self);
    thread->m_entry(thread->m_entry_arg);
    sched::thread_exit_current();
}
