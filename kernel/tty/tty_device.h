// TtyDevice: one terminal (the serial port, the screen and keyboard) as a
// character device: a LineDiscipline bound to the device's output function, plus
// the file-side operations a devfs CharDevice adapter forwards (read, write,
// ioctl, poll). Independent of fs/; user memory is the caller's business.
//
// Locking: none of its own beyond the LineDiscipline's (see line_discipline.h);
// the output function runs with that lock held and must not block.
#pragma once

#include "kernel/lib/own_ptr.h"
#include "kernel/lib/result.h"
#include "kernel/tty/line_discipline.h"

// How the syscall layer moves an ioctl's argument (see TtyDevice::ioctl).
struct TtyIoctlArgument {
    enum class Kind : u8 {
        None,    // no argument
        Value,   // the argument itself is an int: pass a pointer to a kernel int
        In,      // copy size bytes in from the user pointer before the call
        Out,     // copy size bytes out to the user pointer after the call
    };
    Kind kind;
    usize size;
};

class TtyDevice {
public:
    using OutputFunction = LineDiscipline::OutputFunction;

    static constexpr u32 POLL_IN = 0x01; // newlib/Linux POLLIN
    static constexpr u32 POLL_OUT = 0x04;
    static constexpr u32 POLL_HUP = 0x10;
    static constexpr usize MAX_NAME = 16;

    // name ("ttyS0", "tty0") is copied (truncated to MAX_NAME - 1 characters).
    // output receives processed bytes (ONLCR already applied: it must not add CRs).
    static Result<OwnPtr<TtyDevice>> create(char const* name, OutputFunction output, void* output_context);
    // For static storage (the boot consoles, before the heap matters).
    TtyDevice(char const* name, OutputFunction output, void* output_context);
    TtyDevice(TtyDevice const&) = delete;
    TtyDevice& operator=(TtyDevice const&) = delete;

    char const* name() const { return m_name; }
    LineDiscipline& line_discipline() { return m_discipline; }

    // ---- device side: safe from interrupt context.
    // Signatures match x86::serial_enable_input and x86::ps2_keyboard_init; context
    // is the TtyDevice.
    static void receive_byte(u8 byte, void* tty);
    static void receive_bytes(u8 const* bytes, usize length, void* tty);
    // The line is gone (modem hangup, remote console lost): readers see EOF.
    void hangup() { m_discipline.hangup(); }

    // ---- file side: thread context.
    Result<usize> read(u8* buffer, usize length, bool nonblocking)
    {
        return m_discipline.read(buffer, length, nonblocking);
    }
    Result<usize> write(u8 const* bytes, usize length) { return m_discipline.write(bytes, length); }

    // Which requests this device answers and how their argument travels; NotTty
    // for any other request. TIOCSCTTY/TIOCNOTTY are listed but belong to the
    // process layer (sessions), which handles them before calling ioctl().
    static Result<TtyIoctlArgument> ioctl_argument(unsigned long request);
    // argument points at kernel memory of ioctl_argument(request).size bytes
    // (an int for Kind::Value; may be null for Kind::None). Returns 0 on success.
    // TIOCSPGRP only stores the group: the caller checks it is in the session.
    Result<int> ioctl(unsigned long request, void* argument);

    // POLL_IN when a read would not block, POLL_OUT unless hung up, POLL_HUP after.
    u32 poll() const;

    // The session this is the controlling terminal of (0: none): storage for the
    // process layer.
    int session() const { return m_session; }
    void set_session(int sid) { m_session = sid; }

private:
    char m_name[MAX_NAME];
    LineDiscipline m_discipline;
    int m_session { 0 };
};
