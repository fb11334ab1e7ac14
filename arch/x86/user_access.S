/* Copies between kernel and user memory that may fault: each instruction that
   touches user memory has an exception-table entry, so a bad user pointer makes
   the copy return -1 (the caller's EFAULT) instead of a kernel panic.
   x86_copy_user(dst, src, n) -> 0 on success, -1 on a fault. */

    .text
    .global x86_copy_user
x86_copy_user:
    movq %rdx, %rcx
1:  rep movsb
    xorl %eax, %eax
    ret
2:  movq $-1, %rax
    ret

    .pushsection unum_extable, "a"
    .balign 8
    .quad 1b, 2b
    .popsection

    .section .note.GNU-stack, "", @progbits
