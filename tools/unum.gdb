# gdb settings for debugging the Unum kernel under QEMU's gdb stub; tools/debug.sh sources
# this, then connects and stops at kernel_main. Use `hbreak`, not `break`, for code that
# runs before the kernel's page tables are live: a software breakpoint on a higher-half
# address cannot be planted while that address is not mapped yet.
set pagination off
set confirm off
set print pretty on
set architecture i386:x86-64
# qemu-system-x86_64's stub always speaks 64-bit registers, even in real and protected mode.

# `serial-log` reminds where the console output of this session goes.
define serial-log
  echo The serial console is in $BUILD/debug/node1.log (tools/cluster console 1 --dir $BUILD/debug)\n
end
