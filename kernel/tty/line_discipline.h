// LineDiscipline: the portable heart of a terminal. A device pushes received bytes
// in with receive() (interrupt context is fine); readers take cooked or raw input
// with read(), which blocks per termios; write() and echo go out through the
// device's output function with ONLCR applied. ^C/^\/^Z become signals for the
// foreground process group through a callback. See docs/tty.md.
//
// Locking: one spinlock (m_lock) guards all state. The output function is called
// with m_lock held, possibly in interrupt context: it must not block, allocate or
// call back into this LineDiscipline (lock order: line discipline -> device). The
// signal and input-notify callbacks are called with m_lock released.
#pragma once

#include "kernel/abi/unum_signal.h"
#include "kernel/lib/result.h"
#include "kernel/lib/ring_buffer.h"
#include "kernel/lib/types.h"
#include "kernel/sync/spinlock.h"
#include "kernel/sync/wait_queue.h"
#include "kernel/tty/termios_abi.h"
#include "kernel/tty/tty_output.h"

// The signals the line discipline raises, from the ABI's one definition.
namespace tty_signal {
inline constexpr int INTERRUPT = UNUM_SIGINT;
inline constexpr int QUIT = UNUM_SIGQUIT;
inline constexpr int TERMINAL_STOP = UNUM_SIGTSTP;
inline constexpr int WINDOW_CHANGE = UNUM_SIGWINCH;
} // namespace tty_signal

class LineDiscipline {
public:
    using OutputFunction = void (*)(u8 const* bytes, usize length, void* context);
    using SignalFunction = void (*)(int signal, void* context);
    using NotifyFunction = void (*)(void* context);

    // Longest canonical line, newline included (MAX_CANON).
    static constexpr usize MAX_LINE = 4096;
    // Bytes (and EOF marks) waiting for readers.
    static constexpr usize INPUT_CAPACITY = 4096;

    // output may be null (a device that cannot echo).
    LineDiscipline(OutputFunction output, void* output_context);
    LineDiscipline(LineDiscipline const&) = delete;
    LineDiscipline& operator=(LineDiscipline const&) = delete;

    // The default termios: canonical, echo with ECHOE/ECHOK/ECHOCTL/ECHOKE, ISIG,
    // IEXTEN, ICRNL, OPOST|ONLCR, the usual control characters, VMIN=1 VTIME=0.
    static unum_termios default_termios();

    // Called with the foreground signal (tty_signal::*) from the context of
    // receive(), which may be an interrupt handler. Set before input arrives.
    void set_signal_handler(SignalFunction signal_foreground, void* context);
    // Called (from receive()/hangup() context) whenever input may have become
    // readable or the line hung up: for poll/select waiters.
    void set_input_notifier(NotifyFunction notify, void* context);

    // Feeds one received byte through input processing, line editing, echo and
    // signal generation. Safe from interrupt context; never blocks or allocates.
    // Bytes that do not fit (full input queue, full line) are dropped and counted.
    void receive(u8 byte);
    void receive(u8 const* bytes, usize length);

    // Thread context. Canonical mode: at most one line (up to length bytes); an
    // EOF typed at the start of a line reads as 0. Non-canonical: per VMIN/VTIME.
    // nonblocking: Error::TryAgain instead of sleeping (0 for VMIN=VTIME=0).
    // After hangup(): whatever input is left, then 0. Error::Interrupted when
    // interrupt_readers() is called while this reader sleeps with nothing read.
    Result<usize> read(u8* buffer, usize length, bool nonblocking);

    // Thread context. Writes through output processing; Error::IoError after hangup.
    Result<usize> write(u8 const* bytes, usize length);

    // The device is gone: readers get EOF once the queue is drained, writers EIO.
    // Safe from interrupt context.
    void hangup();
    bool is_hung_up() const;

    // Wakes every sleeping reader with Error::Interrupted (the process layer's way
    // to make a signalled reader return EINTR). Safe from interrupt context.
    void interrupt_readers();

    unum_termios termios() const;
    // action: UNUM_TCSANOW, UNUM_TCSADRAIN (same: output is never queued) or
    // UNUM_TCSAFLUSH (also discards pending input). Switching out of canonical
    // mode hands the partly typed line to raw readers.
    Result<void> set_termios(unum_termios const& termios, int action = UNUM_TCSANOW);

    // Discards typed and queued input (tcflush(TCIFLUSH)).
    void flush_input();

    unum_winsize window_size() const;
    // True if the size changed; the foreground group then gets WINDOW_CHANGE (SIGWINCH).
    bool set_window_size(unum_winsize const& size);

    // TIOCGPGRP/TIOCSPGRP storage; 0 means none. The process layer checks sessions.
    int foreground_process_group() const;
    void set_foreground_process_group(int pgid);

    // Bytes a read could return now (FIONREAD); in canonical mode only complete lines count.
    usize readable_bytes() const;
    // True if a read would not block (data, a line, or hangup).
    bool can_read() const;
    // Bytes dropped because the input queue or line was full.
    u64 dropped_bytes() const;

private:
    // One queued input unit: a byte, or an EOF mark (a ^D at line start).
    struct InputSlot {
        u8 byte;
        u8 flags;
    };
    static constexpr u8 SLOT_DELIMITER = 1; // ends a canonical line
    static constexpr u8 SLOT_EOF = 2;       // no byte: reads as end of file

    // All private helpers: Caller must hold m_lock.
    int receive_locked(u8 byte);
    bool is_special(u8 byte, int index) const;
    void canonical_input(u8 byte);
    void commit_line(bool eof);
    void queue_raw(u8 byte);
    void erase_char();
    void erase_word();
    void kill_line();
    void echo_char(u8 byte);
    void echo_erase(usize erased_from, u8 erased_byte);
    void flush_input_locked();
    void output_byte(u8 byte);
    void flush_output();
    bool readable_locked() const;
    usize raw_available() const { return m_input.size() - m_eof_marks; }
    usize copy_canonical(u8* buffer, usize length);
    usize copy_raw(u8* buffer, usize length);
    bool lflag(unum_tcflag_t bit) const { return m_termios.c_lflag & bit; }

    SignalFunction m_signal { nullptr };
    void* m_signal_context { nullptr };
    NotifyFunction m_notify { nullptr };
    void* m_notify_context { nullptr };

    mutable Spinlock m_lock;
    WaitQueue m_readers;
    unum_termios m_termios;
    unum_winsize m_window_size { 25, 80, 0, 0 };
    int m_foreground_pgid { 0 };
    bool m_hung_up { false };
    bool m_literal_next { false };
    bool m_input_became_readable { false };
    u64 m_interrupt_generation { 0 };
    u64 m_dropped { 0 };

    // Completed input for readers.
    RingBuffer<InputSlot, INPUT_CAPACITY> m_input;
    usize m_complete_lines { 0 };
    usize m_eof_marks { 0 };

    // The canonical line being edited, and the output column it started at (for
    // erasing tabs).
    u8 m_line[MAX_LINE];
    usize m_line_length { 0 };
    u32 m_line_start_column { 0 };

    // Echo and written bytes, processed and batched to the device.
    TtyOutput m_output;
};
