/* Terminal part of the Unum ABI. The definitions (struct unum_termios, struct
   unum_winsize, flag bits, c_cc indices, tty ioctl numbers) live in
   kernel/tty/termios_abi.h, written with the line discipline; this forwarder keeps
   one definition while the ABI headers are gathered here. userland/lib/abi_check.c
   checks userland's <sys/termios.h> against it. */
#ifndef UNUM_TTY_H
#define UNUM_TTY_H

#include "../tty/termios_abi.h"

#endif
