/* Process entry for Unum programs (x86-64 SysV). The kernel starts us at _start
   with rsp -> argc, argv[0..argc-1], NULL, envp[...], NULL, auxv (see
   kernel/abi/unum_types.h); every other register is unspecified. We set up
   environ, run the constructors, call main(argc, argv, envp) and exit(ret). */

    .section .note.GNU-stack, "", @progbits

    .text
    .globl _start
    .type _start, @function
_start:
    .cfi_startproc
    .cfi_undefined rip
    xorl %ebp, %ebp                     /* outermost frame for backtraces */
    movq (%rsp), %r12                   /* argc */
    leaq 8(%rsp), %r13                  /* argv */
    leaq 16(%rsp, %r12, 8), %r14        /* envp = argv + argc + 1 */
    andq $-16, %rsp                     /* the ABI wants 16-byte alignment at calls */

    movq %r14, environ(%rip)
    movq %r14, %rdi
    call __unum_init_auxv               /* finds auxv past envp (page size etc.) */

    leaq __libc_fini_array(%rip), %rdi  /* destructors run at exit() */
    call atexit
    call __libc_init_array              /* _init, then .preinit_array/.init_array */

    movl %r12d, %edi
    movq %r13, %rsi
    movq %r14, %rdx
    call main
    movl %eax, %edi
    call exit
    ud2
    .cfi_endproc
    .size _start, . - _start

/* The signal restorer: a handler returns here (the kernel pushed this address as
   its return address), and sigreturn restores the interrupted context. */
    .globl __unum_sigreturn
    .type __unum_sigreturn, @function
__unum_sigreturn:
    movl $10, %eax                      /* UNUM_SYS_SIGRETURN */
    syscall
    ud2
    .size __unum_sigreturn, . - __unum_sigreturn

/* __libc_init_array calls _init and __libc_fini_array calls _fini; Unum programs
   use .init_array/.fini_array only, so both are empty. */
    .globl _init
    .type _init, @function
_init:
    ret
    .size _init, . - _init

    .globl _fini
    .type _fini, @function
_fini:
    ret
    .size _fini, . - _fini
