/* The `syscall` instruction lands here (IA32_LSTAR). The CPU has put the user
   rip in rcx and rflags in r11 and masked interrupts (IA32_FMASK). We switch to
   the thread's kernel stack, build an x86::InterruptFrame exactly like the
   interrupt stubs do (vector 0x80 marks a system call), call
   x86_syscall_dispatch(frame) with interrupts still off (it enables them), and
   return with iretq, which unlike sysret is safe for any saved rip. */

#include "arch/x86/interrupt_frame.inc"

#define USER_DATA_SELECTOR 0x1b
#define USER_CODE_SELECTOR 0x23

    .text
    .global x86_syscall_entry
x86_syscall_entry:
    /* One CPU: the scratch slot is safe while interrupts are masked. */
    movq %rsp, x86_syscall_user_rsp(%rip)
    movq x86_syscall_kernel_stack(%rip), %rsp
    pushq $USER_DATA_SELECTOR
    pushq x86_syscall_user_rsp(%rip)
    pushq %r11
    pushq $USER_CODE_SELECTOR
    pushq %rcx
    pushq $0                        /* error code */
    pushq $0x80                     /* vector: system call */
    SAVE_GENERAL_REGISTERS
    cld
    xorl %ebp, %ebp                 /* backtraces stop at the user boundary */
    movq %rsp, %rdi
    call x86_syscall_dispatch
    /* Fall through: return to user mode from the frame at rsp. */
    .global x86_return_to_user
x86_return_to_user:
    cli
    RESTORE_GENERAL_REGISTERS
    addq $16, %rsp
    iretq

/* x86_enter_user_frame(frame): start running user mode from a frame built on
   the current kernel stack (a new process's first entry, or after exec). */
    .global x86_enter_user_frame
x86_enter_user_frame:
    movq %rdi, %rsp
    jmp x86_return_to_user

    .bss
    .balign 8
    .global x86_syscall_kernel_stack
x86_syscall_kernel_stack:
    .quad 0
x86_syscall_user_rsp:
    .quad 0

    .section .note.GNU-stack, "", @progbits
