/* Interrupt entry stubs: one per vector. Each pushes a dummy error code where the
   CPU does not, then its vector number, and jumps to the common path that saves the
   general registers as an x86::InterruptFrame and calls x86_interrupt_dispatch. */

#include "arch/x86/interrupt_frame.inc"

    .macro ISR_NOERR vector
    .balign 16
isr_\vector:
    pushq $0
    pushq $\vector
    jmp isr_common
    .endm

    .macro ISR_ERR vector
    .balign 16
isr_\vector:
    pushq $\vector
    jmp isr_common
    .endm

    .text
isr_common:
    SAVE_GENERAL_REGISTERS
    cld
    movq %rsp, %rdi
    /* Align the stack for the call; keep the frame pointer in rbx (callee-saved). */
    movq %rsp, %rbx
    andq $-16, %rsp
    call x86_interrupt_dispatch
    movq %rbx, %rsp
    RESTORE_GENERAL_REGISTERS
    addq $16, %rsp
    iretq

    /* Vectors with a CPU-pushed error code: 8, 10-14, 17, 21, 29, 30. */
    .altmacro
    .set i, 0
    .rept 256
    .if i == 8 || (i >= 10 && i <= 14) || i == 17 || i == 21 || i == 29 || i == 30
        ISR_ERR %i
    .else
        ISR_NOERR %i
    .endif
    .set i, i + 1
    .endr

    .macro ISR_ADDRESS vector
    .quad isr_\vector
    .endm

    .section .rodata
    .balign 8
    .global x86_isr_table
x86_isr_table:
    .set i, 0
    .rept 256
        ISR_ADDRESS %i
    .set i, i + 1
    .endr

    .section .note.GNU-stack, "", @progbits
