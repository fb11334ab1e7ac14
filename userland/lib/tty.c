/* Terminal calls over the Unum tty ioctls (kernel/abi/unum_tty.h). */
#include <errno.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "unum.h"
#include "unum_syscall.h"

int isatty(int fd)
{
    struct termios t;
    if (ioctl(fd, TCGETS, &t) < 0) {
        errno = ENOTTY;
        return 0;
    }
    return 1;
}

int tcgetattr(int fd, struct termios* t) { return ioctl(fd, TCGETS, t); }

int tcsetattr(int fd, int when, const struct termios* t)
{
    unsigned long req = when == TCSANOW ? TCSETS : when == TCSADRAIN ? TCSETSW : when == TCSAFLUSH ? TCSETSF : 0;
    if (!req) {
        errno = EINVAL;
        return -1;
    }
    return ioctl(fd, req, t);
}

pid_t tcgetpgrp(int fd)
{
    int pgrp;
    if (ioctl(fd, TIOCGPGRP, &pgrp) < 0)
        return -1;
    return pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
    int p = pgrp;
    return ioctl(fd, TIOCSPGRP, &p);
}

int tcflush(int fd, int queue) { return ioctl(fd, TCFLSH, (void*)(long)queue); }

void cfmakeraw(struct termios* t)
{
    t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t->c_oflag &= ~OPOST;
    t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t->c_cflag &= ~(CSIZE | PARENB);
    t->c_cflag |= CS8;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}

/* The speed is c_cflag's CBAUD code (B9600, ...); input and output share it. */
speed_t cfgetispeed(const struct termios* t) { return t->c_cflag & CBAUD; }
speed_t cfgetospeed(const struct termios* t) { return t->c_cflag & CBAUD; }

int cfsetospeed(struct termios* t, speed_t s)
{
    if (s & ~(speed_t)CBAUD) {
        errno = EINVAL;
        return -1;
    }
    t->c_cflag = (t->c_cflag & ~(tcflag_t)CBAUD) | s;
    return 0;
}

int cfsetispeed(struct termios* t, speed_t s) { return s ? cfsetospeed(t, s) : 0; }
