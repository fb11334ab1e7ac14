/* ioctl() and the terminal requests of the Unum ABI. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include "unum_tty.h"

#define TCGETS UNUM_TCGETS
#define TCSETS UNUM_TCSETS
#define TCSETSW UNUM_TCSETSW
#define TCSETSF UNUM_TCSETSF
#define TIOCSCTTY UNUM_TIOCSCTTY
#define TIOCGPGRP UNUM_TIOCGPGRP
#define TIOCSPGRP UNUM_TIOCSPGRP
#define TIOCGWINSZ UNUM_TIOCGWINSZ
#define TIOCSWINSZ UNUM_TIOCSWINSZ
#define FIONREAD UNUM_FIONREAD
#define TIOCNOTTY UNUM_TIOCNOTTY
#define TCFLSH UNUM_TCFLSH
#define TIOCOUTQ UNUM_TIOCOUTQ

struct winsize {
    unsigned short ws_row;
    unsigned short ws_col;
    unsigned short ws_xpixel;
    unsigned short ws_ypixel;
};

#ifdef __cplusplus
extern "C" {
#endif
int ioctl(int fd, unsigned long request, ...);
#ifdef __cplusplus
}
#endif

#endif
