/* The terminal ABI shared by the kernel and userland (C and C++): struct
   unum_termios, struct unum_winsize, their flag bits, c_cc indices and the tty
   ioctl request numbers. newlib 3.3.0 has no <sys/termios.h> for x86_64-elf, so
   the values follow Linux's asm-generic termbits.h/ioctls.h; userland maps the
   POSIX names (struct termios, ICANON, TCGETS, ...) onto these. */
#ifndef UNUM_TERMIOS_ABI_H
#define UNUM_TERMIOS_ABI_H

typedef unsigned int unum_tcflag_t;
typedef unsigned char unum_cc_t;

#define UNUM_NCCS 19

/* The kernel's termios as TCGETS/TCSETS copy it (no separate speed fields: the
   baud rate, where it matters, is the CBAUD bits of c_cflag). */
struct unum_termios {
    unum_tcflag_t c_iflag;
    unum_tcflag_t c_oflag;
    unum_tcflag_t c_cflag;
    unum_tcflag_t c_lflag;
    unum_cc_t c_line;
    unum_cc_t c_cc[UNUM_NCCS];
};

struct unum_winsize {
    unsigned short ws_row;
    unsigned short ws_col;
    unsigned short ws_xpixel;
    unsigned short ws_ypixel;
};

/* c_cc indices. A c_cc entry of UNUM_VDISABLE matches no input byte. */
#define UNUM_VINTR 0
#define UNUM_VQUIT 1
#define UNUM_VERASE 2
#define UNUM_VKILL 3
#define UNUM_VEOF 4
#define UNUM_VTIME 5
#define UNUM_VMIN 6
#define UNUM_VSWTC 7
#define UNUM_VSTART 8
#define UNUM_VSTOP 9
#define UNUM_VSUSP 10
#define UNUM_VEOL 11
#define UNUM_VREPRINT 12
#define UNUM_VDISCARD 13
#define UNUM_VWERASE 14
#define UNUM_VLNEXT 15
#define UNUM_VEOL2 16
#define UNUM_VDISABLE 0

/* c_iflag */
#define UNUM_IGNBRK 0000001
#define UNUM_BRKINT 0000002
#define UNUM_IGNPAR 0000004
#define UNUM_PARMRK 0000010
#define UNUM_INPCK 0000020
#define UNUM_ISTRIP 0000040
#define UNUM_INLCR 0000100
#define UNUM_IGNCR 0000200
#define UNUM_ICRNL 0000400
#define UNUM_IUCLC 0001000
#define UNUM_IXON 0002000
#define UNUM_IXANY 0004000
#define UNUM_IXOFF 0010000
#define UNUM_IMAXBEL 0020000
#define UNUM_IUTF8 0040000

/* c_oflag */
#define UNUM_OPOST 0000001
#define UNUM_OLCUC 0000002
#define UNUM_ONLCR 0000004
#define UNUM_OCRNL 0000010
#define UNUM_ONOCR 0000020
#define UNUM_ONLRET 0000040

/* c_cflag (stored, not interpreted by the line discipline) */
#define UNUM_CBAUD 0010017
#define UNUM_B9600 0000015
#define UNUM_B38400 0000017
#define UNUM_B115200 0010002
#define UNUM_CSIZE 0000060
#define UNUM_CS8 0000060
#define UNUM_CSTOPB 0000100
#define UNUM_CREAD 0000200
#define UNUM_PARENB 0000400
#define UNUM_HUPCL 0002000
#define UNUM_CLOCAL 0004000

/* c_lflag */
#define UNUM_ISIG 0000001
#define UNUM_ICANON 0000002
#define UNUM_ECHO 0000010
#define UNUM_ECHOE 0000020
#define UNUM_ECHOK 0000040
#define UNUM_ECHONL 0000100
#define UNUM_NOFLSH 0000200
#define UNUM_TOSTOP 0000400
#define UNUM_ECHOCTL 0001000
#define UNUM_ECHOPRT 0002000
#define UNUM_ECHOKE 0004000
#define UNUM_IEXTEN 0100000

/* tcsetattr() actions and tcflush() queue selectors */
#define UNUM_TCSANOW 0
#define UNUM_TCSADRAIN 1
#define UNUM_TCSAFLUSH 2
#define UNUM_TCIFLUSH 0
#define UNUM_TCOFLUSH 1
#define UNUM_TCIOFLUSH 2

/* ioctl requests. Argument: a pointer to the named type (TCFLSH: the selector
   itself, passed by value). */
#define UNUM_TCGETS 0x5401      /* struct unum_termios* out */
#define UNUM_TCSETS 0x5402      /* struct unum_termios* in: now */
#define UNUM_TCSETSW 0x5403     /* ... after output drains */
#define UNUM_TCSETSF 0x5404     /* ... after output drains, input flushed */
#define UNUM_TCFLSH 0x540B      /* int selector (by value) */
#define UNUM_TIOCSCTTY 0x540E   /* int steal (by value): make controlling tty */
#define UNUM_TIOCGPGRP 0x540F   /* int* out: foreground process group */
#define UNUM_TIOCSPGRP 0x5410   /* int* in */
#define UNUM_TIOCOUTQ 0x5411    /* int* out: bytes not yet sent */
#define UNUM_TIOCGWINSZ 0x5413  /* struct unum_winsize* out */
#define UNUM_TIOCSWINSZ 0x5414  /* struct unum_winsize* in */
#define UNUM_FIONREAD 0x541B    /* int* out: bytes a read could return now */
#define UNUM_TIOCNOTTY 0x5422   /* no argument: give up the controlling tty */

#endif
