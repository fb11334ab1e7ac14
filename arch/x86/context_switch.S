/* Kernel thread switch (System V AMD64). x86_switch_stacks(u64* save_rsp, u64 new_rsp)
   pushes the callee-saved registers on the current stack, stores rsp through
   save_rsp, loads new_rsp and pops the other thread's registers; its `ret` resumes
   that thread. A new thread's stack (built by context_init) "returns" into
   x86_thread_trampoline with the entry in r13 and its argument in r12. */

    .text
    .globl x86_switch_stacks
    .type x86_switch_stacks, @function
x86_switch_stacks:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size x86_switch_stacks, . - x86_switch_stacks

/* First code of a new thread. rsp is 16-byte aligned here, and rbp is 0 so that
   backtraces stop. Interrupts are still off: the portable entry turns them on once
   it has released the scheduler lock the switch held. The entry never returns
   (it ends in sched::thread_exit_current()); if it does, that is a bug. */
    .globl x86_thread_trampoline
    .type x86_thread_trampoline, @function
x86_thread_trampoline:
    movq %r12, %rdi
    call *%r13
    call x86_thread_returned
    ud2
    .size x86_thread_trampoline, . - x86_thread_trampoline

    .section .note.GNU-stack, "", @progbits
