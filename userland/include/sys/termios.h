/* termios for Unum (newlib's <termios.h> includes this; x86_64-elf newlib has
   none). struct termios is struct unum_termios of kernel/tty/termios_abi.h (via
   kernel/abi/unum_tty.h): no speed fields, the baud rate is c_cflag's CBAUD bits. */
#ifndef _SYS_TERMIOS_H
#define _SYS_TERMIOS_H

#include <sys/types.h>
#include "unum_tty.h"

typedef unum_tcflag_t tcflag_t;
typedef unum_cc_t cc_t;
typedef unsigned int speed_t;

#define NCCS UNUM_NCCS
struct termios {
    tcflag_t c_iflag;
    tcflag_t c_oflag;
    tcflag_t c_cflag;
    tcflag_t c_lflag;
    cc_t c_line;
    cc_t c_cc[NCCS];
};

#define VINTR UNUM_VINTR
#define VQUIT UNUM_VQUIT
#define VERASE UNUM_VERASE
#define VKILL UNUM_VKILL
#define VEOF UNUM_VEOF
#define VTIME UNUM_VTIME
#define VMIN UNUM_VMIN
#define VSWTC UNUM_VSWTC
#define VSTART UNUM_VSTART
#define VSTOP UNUM_VSTOP
#define VSUSP UNUM_VSUSP
#define VEOL UNUM_VEOL
#define VREPRINT UNUM_VREPRINT
#define VDISCARD UNUM_VDISCARD
#define VWERASE UNUM_VWERASE
#define VLNEXT UNUM_VLNEXT
#define VEOL2 UNUM_VEOL2
#define VDISABLE UNUM_VDISABLE
#define IGNBRK UNUM_IGNBRK
#define BRKINT UNUM_BRKINT
#define IGNPAR UNUM_IGNPAR
#define PARMRK UNUM_PARMRK
#define INPCK UNUM_INPCK
#define ISTRIP UNUM_ISTRIP
#define INLCR UNUM_INLCR
#define IGNCR UNUM_IGNCR
#define ICRNL UNUM_ICRNL
#define IUCLC UNUM_IUCLC
#define IXON UNUM_IXON
#define IXANY UNUM_IXANY
#define IXOFF UNUM_IXOFF
#define IMAXBEL UNUM_IMAXBEL
#define IUTF8 UNUM_IUTF8
#define OPOST UNUM_OPOST
#define OLCUC UNUM_OLCUC
#define ONLCR UNUM_ONLCR
#define OCRNL UNUM_OCRNL
#define ONOCR UNUM_ONOCR
#define ONLRET UNUM_ONLRET
#define CBAUD UNUM_CBAUD
#define B9600 UNUM_B9600
#define B38400 UNUM_B38400
#define B115200 UNUM_B115200
#define CSIZE UNUM_CSIZE
#define CS8 UNUM_CS8
#define CSTOPB UNUM_CSTOPB
#define CREAD UNUM_CREAD
#define PARENB UNUM_PARENB
#define HUPCL UNUM_HUPCL
#define CLOCAL UNUM_CLOCAL
#define ISIG UNUM_ISIG
#define ICANON UNUM_ICANON
#define ECHO UNUM_ECHO
#define ECHOE UNUM_ECHOE
#define ECHOK UNUM_ECHOK
#define ECHONL UNUM_ECHONL
#define NOFLSH UNUM_NOFLSH
#define TOSTOP UNUM_TOSTOP
#define ECHOCTL UNUM_ECHOCTL
#define ECHOPRT UNUM_ECHOPRT
#define ECHOKE UNUM_ECHOKE
#define IEXTEN UNUM_IEXTEN
#define TCSANOW UNUM_TCSANOW
#define TCSADRAIN UNUM_TCSADRAIN
#define TCSAFLUSH UNUM_TCSAFLUSH
#define TCIFLUSH UNUM_TCIFLUSH
#define TCOFLUSH UNUM_TCOFLUSH
#define TCIOFLUSH UNUM_TCIOFLUSH

#ifdef __cplusplus
extern "C" {
#endif
int tcgetattr(int fd, struct termios* t);
int tcsetattr(int fd, int when, const struct termios* t);
int tcflush(int fd, int queue);
void cfmakeraw(struct termios* t);
speed_t cfgetispeed(const struct termios* t);
speed_t cfgetospeed(const struct termios* t);
int cfsetispeed(struct termios* t, speed_t speed);
int cfsetospeed(struct termios* t, speed_t speed);
#ifdef __cplusplus
}
#endif

#endif
