// TtyDevice (see tty_device.h): the ioctl table and the device-side entry points
// around a LineDiscipline.
#include "kernel/tty/tty_device.h"

#include <new>

Result<OwnPtr<TtyDevice>> TtyDevice::create(char const* name, OutputFunction output, void* output_context)
{
    auto* tty = new (std::nothrow) TtyDevice(name, output, output_context);
    if (!tty)
        return Error::NoMemory;
    return OwnPtr<TtyDevice>(tty);
}

TtyDevice::TtyDevice(char const* name, OutputFunction output, void* output_context)
    : m_discipline(output, output_context)
{
    usize i = 0;
    for (; name && name[i] && i + 1 < MAX_NAME; ++i)
        m_name[i] = name[i];
    m_name[i] = '\0';
}

void TtyDevice::receive_byte(u8 byte, void* tty) { static_cast<TtyDevice*>(tty)->m_discipline.receive(byte); }

void TtyDevice::receive_bytes(u8 const* bytes, usize length, void* tty)
{
    static_cast<TtyDevice*>(tty)->m_discipline.receive(bytes, length);
}

Result<TtyIoctlArgument> TtyDevice::ioctl_argument(unsigned long request)
{
    using Kind = TtyIoctlArgument::Kind;
    switch (request) {
    case UNUM_TCGETS:
        return TtyIoctlArgument { Kind::Out, sizeof(unum_termios) };
    case UNUM_TCSETS:
    case UNUM_TCSETSW:
    case UNUM_TCSETSF:
        return TtyIoctlArgument { Kind::In, sizeof(unum_termios) };
    case UNUM_TCFLSH:
    case UNUM_TIOCSCTTY:
        return TtyIoctlArgument { Kind::Value, sizeof(int) };
    case UNUM_TIOCGPGRP:
    case UNUM_TIOCOUTQ:
    case UNUM_FIONREAD:
        return TtyIoctlArgument { Kind::Out, sizeof(int) };
    case UNUM_TIOCSPGRP:
        return TtyIoctlArgument { Kind::In, sizeof(int) };
    case UNUM_TIOCGWINSZ:
        return TtyIoctlArgument { Kind::Out, sizeof(unum_winsize) };
    case UNUM_TIOCSWINSZ:
        return TtyIoctlArgument { Kind::In, sizeof(unum_winsize) };
    case UNUM_TIOCNOTTY:
        return TtyIoctlArgument { Kind::None, 0 };
    default:
        return Error::NotTty;
    }
}

Result<int> TtyDevice::ioctl(unsigned long request, void* argument)
{
    auto kind = TRY(ioctl_argument(request)).kind;
    if (kind != TtyIoctlArgument::Kind::None && !argument)
        return Error::BadAddress;
    switch (request) {
    case UNUM_TCGETS:
        *static_cast<unum_termios*>(argument) = m_discipline.termios();
        return 0;
    case UNUM_TCSETS:
    case UNUM_TCSETSW:
    case UNUM_TCSETSF: {
        int action = request == UNUM_TCSETS ? UNUM_TCSANOW : request == UNUM_TCSETSW ? UNUM_TCSADRAIN : UNUM_TCSAFLUSH;
        TRY(m_discipline.set_termios(*static_cast<unum_termios const*>(argument), action));
        return 0;
    }
    case UNUM_TCFLSH: {
        int selector = *static_cast<int const*>(argument);
        if (selector != UNUM_TCIFLUSH && selector != UNUM_TCOFLUSH && selector != UNUM_TCIOFLUSH)
            return Error::InvalidArgument;
        // Output is never queued, so only input has anything to flush.
        if (selector != UNUM_TCOFLUSH)
            m_discipline.flush_input();
        return 0;
    }
    case UNUM_TIOCGPGRP:
        *static_cast<int*>(argument) = m_discipline.foreground_process_group();
        return 0;
    case UNUM_TIOCSPGRP: {
        int pgid = *static_cast<int const*>(argument);
        if (pgid < 0)
            return Error::InvalidArgument;
        m_discipline.set_foreground_process_group(pgid);
        return 0;
    }
    case UNUM_TIOCOUTQ:
        *static_cast<int*>(argument) = 0;
        return 0;
    case UNUM_FIONREAD:
        *static_cast<int*>(argument) = int(m_discipline.readable_bytes());
        return 0;
    case UNUM_TIOCGWINSZ:
        *static_cast<unum_winsize*>(argument) = m_discipline.window_size();
        return 0;
    case UNUM_TIOCSWINSZ:
        (void)m_discipline.set_window_size(*static_cast<unum_winsize const*>(argument));
        return 0;
    default:
        // TIOCSCTTY/TIOCNOTTY: the process layer's (see the header).
        return Error::NotTty;
    }
}

u32 TtyDevice::poll() const
{
    if (m_discipline.is_hung_up())
        return POLL_IN | POLL_HUP;
    return (m_discipline.can_read() ? POLL_IN : 0) | POLL_OUT;
}
