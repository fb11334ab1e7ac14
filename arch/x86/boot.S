/* Multiboot2 header and the 32-bit entry stub: GRUB enters here in protected mode
   (BIOS or UEFI alike). We clear .bss, build boot page tables (identity, direct map
   and higher-half kernel, 2 MiB pages over the first 4 GiB), enter long mode and
   jump to kernel_entry(magic, info_phys) in the higher half. */

#define KERNEL_VMA 0xffffffff80000000
#define PHYS(x) ((x) - KERNEL_VMA)
#define MB2_MAGIC 0xE85250D6
#define MB2_ARCH_I386 0

    .section .multiboot2, "a"
    .balign 8
mb2_header_start:
    .long MB2_MAGIC
    .long MB2_ARCH_I386
    .long mb2_header_end - mb2_header_start
    .long -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header_start))
    /* entry address tag: where GRUB jumps, a physical address */
    .balign 8
    .short 3
    .short 0
    .long 12
    .long PHYS(_start)
    /* module alignment tag: modules page-aligned */
    .balign 8
    .short 6
    .short 0
    .long 8
    /* framebuffer tag, optional (flags 1), no preferred size: under UEFI this is
       what makes GRUB hand over the GOP framebuffer */
    .balign 8
    .short 5
    .short 1
    .long 20
    .long 0
    .long 0
    .long 0
    /* end tag */
    .balign 8
    .short 0
    .short 0
    .long 8
mb2_header_end:

    .section .boot.text, "ax"
    .code32
    .global _start
_start:
    cli
    cld
    movl %eax, %edi                 /* multiboot2 magic */
    movl %ebx, %esi                 /* boot information, physical */
    movl $PHYS(boot_stack_top), %esp

    /* Clear exactly [__bss_start, __bss_end): GRUB may put its boot information
       right after our image, so never round this range up. */
    movl $PHYS(__bss_start), %ecx
    movl $PHYS(__bss_end), %edx
1:  cmpl %edx, %ecx
    jae 2f
    movb $0, (%ecx)
    incl %ecx
    jmp 1b
2:
    /* Page directories: 4 x 512 entries of 2 MiB, covering 0..4 GiB. */
    movl $PHYS(boot_pd), %ebx
    xorl %ecx, %ecx
3:  movl %ecx, %eax
    shll $21, %eax
    orl $0x83, %eax                 /* present, writable, 2 MiB */
    movl %eax, (%ebx,%ecx,8)
    movl %ecx, %eax
    shrl $11, %eax                  /* high bits of (index << 21) */
    movl %eax, 4(%ebx,%ecx,8)
    incl %ecx
    cmpl $2048, %ecx
    jb 3b

    /* PDPT (low): entries 0..3 point at the four page directories. */
    movl $PHYS(boot_pdpt_low), %ebx
    movl $PHYS(boot_pd), %eax
    orl $0x3, %eax
    movl %eax, 0(%ebx)
    addl $4096, %eax
    movl %eax, 8(%ebx)
    addl $4096, %eax
    movl %eax, 16(%ebx)
    addl $4096, %eax
    movl %eax, 24(%ebx)

    /* PDPT (high): entry 510 maps KERNEL_VMA to physical 0 (first GiB). */
    movl $PHYS(boot_pdpt_high), %ebx
    movl $PHYS(boot_pd), %eax
    orl $0x3, %eax
    movl %eax, (510 * 8)(%ebx)

    /* PML4: 0 = identity, 256 = direct map, 511 = kernel. */
    movl $PHYS(boot_pml4), %ebx
    movl $PHYS(boot_pdpt_low), %eax
    orl $0x3, %eax
    movl %eax, 0(%ebx)
    movl %eax, (256 * 8)(%ebx)
    movl $PHYS(boot_pdpt_high), %eax
    orl $0x3, %eax
    movl %eax, (511 * 8)(%ebx)

    movl %cr4, %eax
    orl $(1 << 5), %eax             /* PAE */
    movl %eax, %cr4
    movl $PHYS(boot_pml4), %eax
    movl %eax, %cr3
    movl $0xC0000080, %ecx          /* EFER */
    rdmsr
    orl $(1 << 8), %eax             /* LME */
    wrmsr
    movl %cr0, %eax
    orl $((1 << 31) | (1 << 16) | 1), %eax  /* PG, WP, PE */
    movl %eax, %cr0

    lgdt PHYS(boot_gdt_pointer)
    ljmp $0x08, $PHYS(long_mode_entry)

    .code64
long_mode_entry:
    movw $0x10, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %ss
    xorw %ax, %ax
    movw %ax, %fs
    movw %ax, %gs
    movabsq $higher_half_entry, %rax
    jmp *%rax

    .text
higher_half_entry:
    movabsq $boot_stack_top, %rsp
    xorl %ebp, %ebp
    /* edi = magic, esi = info physical address (zero-extended by the 32-bit moves) */
    movl %edi, %edi
    movl %esi, %esi
    call kernel_entry
4:  cli
    hlt
    jmp 4b

    .section .rodata
    .balign 16
boot_gdt:
    .quad 0
    .quad 0x00af9a000000ffff        /* 0x08: 64-bit code */
    .quad 0x00cf92000000ffff        /* 0x10: data */
boot_gdt_end:
boot_gdt_pointer:
    .short boot_gdt_end - boot_gdt - 1
    .long PHYS(boot_gdt)

    .section .bss
    .balign 4096
    .global boot_pml4
boot_pml4:
    .skip 4096
boot_pdpt_low:
    .skip 4096
boot_pdpt_high:
    .skip 4096
boot_pd:
    .skip 4096 * 4
    .global boot_stack_bottom
boot_stack_bottom:
    .skip 32768
    .global boot_stack_top
boot_stack_top:

    .section .note.GNU-stack, "", @progbits
