// LineDiscipline (see line_discipline.h): input processing and line editing on
// receive(), termios-driven blocking reads, output processing and echo. Every
// helper here runs with m_lock held; callbacks other than output run after it.
#include "kernel/tty/line_discipline.h"

#include <utility>

namespace {

constexpr bool is_control(u8 byte) { return byte < 0x20 || byte == 0x7f; }
constexpr bool is_blank(u8 byte) { return byte == ' ' || byte == '\t'; }
constexpr bool is_utf8_continuation(u8 byte) { return (byte & 0xC0) == 0x80; }
constexpr u32 next_tab_stop(u32 column) { return (column | 7) + 1; }

} // namespace

LineDiscipline::LineDiscipline(OutputFunction output, void* output_context)
    : m_termios(default_termios())
    , m_output(output, output_context)
{
}

unum_termios LineDiscipline::default_termios()
{
    unum_termios t {};
    t.c_iflag = UNUM_ICRNL | UNUM_IUTF8;
    t.c_oflag = UNUM_OPOST | UNUM_ONLCR;
    t.c_cflag = UNUM_B115200 | UNUM_CS8 | UNUM_CREAD | UNUM_HUPCL;
    t.c_lflag = UNUM_ISIG | UNUM_ICANON | UNUM_ECHO | UNUM_ECHOE | UNUM_ECHOK | UNUM_ECHOCTL | UNUM_ECHOKE
        | UNUM_IEXTEN;
    t.c_cc[UNUM_VINTR] = 0x03;    // ^C
    t.c_cc[UNUM_VQUIT] = 0x1c;    // ^backslash
    t.c_cc[UNUM_VERASE] = 0x7f;   // DEL (^H is accepted too while VERASE is DEL)
    t.c_cc[UNUM_VKILL] = 0x15;    // ^U
    t.c_cc[UNUM_VEOF] = 0x04;     // ^D
    t.c_cc[UNUM_VTIME] = 0;
    t.c_cc[UNUM_VMIN] = 1;
    t.c_cc[UNUM_VSTART] = 0x11;   // ^Q (stored; no flow control yet)
    t.c_cc[UNUM_VSTOP] = 0x13;    // ^S
    t.c_cc[UNUM_VSUSP] = 0x1a;    // ^Z
    t.c_cc[UNUM_VREPRINT] = 0x12; // ^R (stored)
    t.c_cc[UNUM_VDISCARD] = 0x0f; // ^O (stored)
    t.c_cc[UNUM_VWERASE] = 0x17;  // ^W
    t.c_cc[UNUM_VLNEXT] = 0x16;   // ^V
    return t;
}

void LineDiscipline::set_signal_handler(SignalFunction signal_foreground, void* context)
{
    SpinlockGuard guard(m_lock);
    m_signal = signal_foreground;
    m_signal_context = context;
}

void LineDiscipline::set_input_notifier(NotifyFunction notify, void* context)
{
    SpinlockGuard guard(m_lock);
    m_notify = notify;
    m_notify_context = context;
}

// ---------------------------------------------------------------- input

void LineDiscipline::receive(u8 byte) { receive(&byte, 1); }

void LineDiscipline::receive(u8 const* bytes, usize length)
{
    for (usize i = 0; i < length; ++i) {
        int signal;
        bool notify;
        SignalFunction signal_function;
        void* signal_context;
        NotifyFunction notify_function;
        void* notify_context;
        {
            SpinlockGuard guard(m_lock);
            signal = receive_locked(bytes[i]);
            flush_output();
            notify = std::exchange(m_input_became_readable, false);
            signal_function = m_signal;
            signal_context = m_signal_context;
            notify_function = m_notify;
            notify_context = m_notify_context;
        }
        if (signal && signal_function)
            signal_function(signal, signal_context);
        if (notify && notify_function)
            notify_function(notify_context);
    }
}

bool LineDiscipline::is_special(u8 byte, int index) const
{
    u8 special = m_termios.c_cc[index];
    return special != UNUM_VDISABLE && byte == special;
}

int LineDiscipline::receive_locked(u8 byte)
{
    if (m_hung_up)
        return 0;
    unum_tcflag_t iflag = m_termios.c_iflag;
    if (iflag & UNUM_ISTRIP)
        byte &= 0x7f;

    if (m_literal_next) {
        // ^V: the next byte is data, whatever it is.
        m_literal_next = false;
        if (lflag(UNUM_ECHO) && lflag(UNUM_ECHOCTL))
            output_byte('\b'); // over the '^' placeholder
        if (lflag(UNUM_ICANON)) {
            if (m_line_length >= MAX_LINE - 1) {
                ++m_dropped;
                return 0;
            }
            if (m_line_length == 0)
                m_line_start_column = m_output.column();
            m_line[m_line_length++] = byte;
        } else {
            queue_raw(byte);
        }
        if (lflag(UNUM_ECHO))
            echo_char(byte);
        return 0;
    }

    if (byte == '\r') {
        if (iflag & UNUM_IGNCR)
            return 0;
        if (iflag & UNUM_ICRNL)
            byte = '\n';
    } else if (byte == '\n' && (iflag & UNUM_INLCR)) {
        byte = '\r';
    }

    if (lflag(UNUM_ISIG)) {
        int signal = 0;
        if (is_special(byte, UNUM_VINTR))
            signal = tty_signal::INTERRUPT;
        else if (is_special(byte, UNUM_VQUIT))
            signal = tty_signal::QUIT;
        else if (is_special(byte, UNUM_VSUSP))
            signal = tty_signal::TERMINAL_STOP;
        if (signal) {
            if (!lflag(UNUM_NOFLSH))
                flush_input_locked();
            if (lflag(UNUM_ECHO))
                echo_char(byte);
            return signal;
        }
    }

    if (lflag(UNUM_IEXTEN) && is_special(byte, UNUM_VLNEXT)) {
        m_literal_next = true;
        if (lflag(UNUM_ECHO) && lflag(UNUM_ECHOCTL))
            output_byte('^');
        return 0;
    }

    if (lflag(UNUM_ICANON)) {
        canonical_input(byte);
    } else {
        queue_raw(byte);
        if (lflag(UNUM_ECHO))
            echo_char(byte);
    }
    return 0;
}

void LineDiscipline::canonical_input(u8 byte)
{
    bool erase = is_special(byte, UNUM_VERASE) || (byte == '\b' && m_termios.c_cc[UNUM_VERASE] == 0x7f);
    if (erase) {
        if (m_line_length > 0 && lflag(UNUM_ECHO) && !lflag(UNUM_ECHOE))
            echo_char(byte);
        erase_char();
        return;
    }
    if (is_special(byte, UNUM_VKILL)) {
        kill_line();
        return;
    }
    if (lflag(UNUM_IEXTEN) && is_special(byte, UNUM_VWERASE)) {
        erase_word();
        return;
    }
    if (is_special(byte, UNUM_VEOF)) {
        commit_line(true);
        return;
    }
    bool end_of_line = byte == '\n' || is_special(byte, UNUM_VEOL)
        || (lflag(UNUM_IEXTEN) && is_special(byte, UNUM_VEOL2));
    if (end_of_line) {
        // One slot is always kept free so a line can be ended.
        if (lflag(UNUM_ECHO) || (byte == '\n' && lflag(UNUM_ECHONL)))
            echo_char(byte);
        m_line[m_line_length++] = byte;
        commit_line(false);
        return;
    }
    if (m_line_length >= MAX_LINE - 1) {
        ++m_dropped;
        return;
    }
    if (m_line_length == 0)
        m_line_start_column = m_output.column();
    m_line[m_line_length++] = byte;
    if (lflag(UNUM_ECHO))
        echo_char(byte);
}

void LineDiscipline::commit_line(bool eof)
{
    usize needed = m_line_length == 0 ? 1 : m_line_length;
    if (m_input.free_space() < needed) {
        // A reader that never reads must not wedge the interrupt: drop the line.
        m_dropped += m_line_length;
        m_line_length = 0;
        return;
    }
    if (m_line_length == 0) {
        KASSERT(eof);
        m_input.try_push({ 0, u8(SLOT_EOF | SLOT_DELIMITER) });
        ++m_eof_marks;
    } else {
        // An EOF after text hands the text over and is itself discarded.
        for (usize i = 0; i < m_line_length; ++i)
            m_input.try_push({ m_line[i], i + 1 == m_line_length ? SLOT_DELIMITER : u8(0) });
    }
    m_line_length = 0;
    ++m_complete_lines;
    m_input_became_readable = true;
    m_readers.wake_all();
}

void LineDiscipline::queue_raw(u8 byte)
{
    if (!m_input.try_push({ byte, 0 })) {
        ++m_dropped;
        return;
    }
    m_input_became_readable = true;
    m_readers.wake_all();
}

// Removes the last character (a whole UTF-8 sequence under IUTF8) from the line
// and, with ECHO and ECHOE, rubs it out on the screen.
void LineDiscipline::erase_char()
{
    if (m_line_length == 0)
        return;
    usize start = m_line_length - 1;
    if (m_termios.c_iflag & UNUM_IUTF8) {
        while (start > 0 && is_utf8_continuation(m_line[start]))
            --start;
    }
    u8 erased = m_line[start];
    m_line_length = start;
    if (lflag(UNUM_ECHO) && lflag(UNUM_ECHOE))
        echo_erase(start, erased);
}

void LineDiscipline::echo_erase(usize erased_from, u8 erased_byte)
{
    if (erased_byte == '\t') {
        // Back up to where the tab began: replay the rest of the line's columns.
        u32 column = m_line_start_column;
        for (usize i = 0; i < erased_from; ++i) {
            u8 c = m_line[i];
            if (c == '\t')
                column = next_tab_stop(column);
            else if (is_control(c))
                column += lflag(UNUM_ECHOCTL) ? 2 : 0;
            else if (!is_utf8_continuation(c))
                ++column;
        }
        while (m_output.column() > column)
            output_byte('\b');
        return;
    }
    int width = 1;
    if (is_control(erased_byte))
        width = lflag(UNUM_ECHOCTL) ? 2 : 0;
    for (int i = 0; i < width; ++i) {
        output_byte('\b');
        output_byte(' ');
        output_byte('\b');
    }
}

void LineDiscipline::erase_word()
{
    if (m_line_length == 0)
        return;
    if (lflag(UNUM_ECHO) && !lflag(UNUM_ECHOE))
        echo_char(m_termios.c_cc[UNUM_VWERASE]);
    while (m_line_length > 0 && is_blank(m_line[m_line_length - 1]))
        erase_char();
    while (m_line_length > 0 && !is_blank(m_line[m_line_length - 1]))
        erase_char();
}

void LineDiscipline::kill_line()
{
    if (m_line_length == 0)
        return;
    if (lflag(UNUM_ECHO) && lflag(UNUM_ECHOE) && lflag(UNUM_ECHOKE)) {
        while (m_line_length > 0)
            erase_char();
        return;
    }
    m_line_length = 0;
    if (lflag(UNUM_ECHO)) {
        echo_char(m_termios.c_cc[UNUM_VKILL]);
        if (lflag(UNUM_ECHOK))
            output_byte('\n');
    }
}

void LineDiscipline::echo_char(u8 byte)
{
    if (lflag(UNUM_ECHOCTL) && is_control(byte) && byte != '\t' && byte != '\n') {
        output_byte('^');
        output_byte(byte ^ 0x40);
        return;
    }
    output_byte(byte);
}

void LineDiscipline::flush_input_locked()
{
    m_input.clear();
    m_complete_lines = 0;
    m_eof_marks = 0;
    m_line_length = 0;
    m_literal_next = false;
}

void LineDiscipline::flush_input()
{
    SpinlockGuard guard(m_lock);
    flush_input_locked();
}

// ---------------------------------------------------------------- output

void LineDiscipline::output_byte(u8 byte) { m_output.put(byte, m_termios.c_oflag); }

void LineDiscipline::flush_output() { m_output.flush(); }

Result<usize> LineDiscipline::write(u8 const* bytes, usize length)
{
    // Chunks keep each interrupts-off stretch short.
    constexpr usize CHUNK = 256;
    usize done = 0;
    do {
        SpinlockGuard guard(m_lock);
        if (m_hung_up)
            return done ? Result<usize>(done) : Result<usize>(Error::IoError);
        usize n = length - done < CHUNK ? length - done : CHUNK;
        for (usize i = 0; i < n; ++i)
            output_byte(bytes[done + i]);
        flush_output();
        done += n;
    } while (done < length);
    return done;
}

// ---------------------------------------------------------------- reading

usize LineDiscipline::copy_canonical(u8* buffer, usize length)
{
    usize copied = 0;
    while (copied < length && !m_input.is_empty()) {
        InputSlot slot = m_input.at(0);
        if (slot.flags & SLOT_EOF) {
            if (copied == 0) {
                m_input.discard(1);
                --m_eof_marks;
                --m_complete_lines;
            }
            break;
        }
        m_input.discard(1);
        buffer[copied++] = slot.byte;
        if (slot.flags & SLOT_DELIMITER) {
            --m_complete_lines;
            break;
        }
    }
    return copied;
}

usize LineDiscipline::copy_raw(u8* buffer, usize length)
{
    usize copied = 0;
    InputSlot slot;
    while (copied < length && m_input.pop(slot)) {
        if (slot.flags & SLOT_DELIMITER)
            --m_complete_lines;
        if (slot.flags & SLOT_EOF) {
            --m_eof_marks; // an EOF typed in canonical mode means nothing raw
            continue;
        }
        buffer[copied++] = slot.byte;
    }
    return copied;
}

Result<usize> LineDiscipline::read(u8* buffer, usize length, bool nonblocking)
{
    if (length == 0)
        return usize(0);
    SpinlockGuard guard(m_lock);
    u64 generation = m_interrupt_generation;
    auto interrupted = [&] { return m_interrupt_generation != generation; };
    for (;;) {
        bool canonical = lflag(UNUM_ICANON);
        auto mode_changed = [&] { return lflag(UNUM_ICANON) != canonical; };
        if (canonical) {
            if (m_complete_lines == 0) {
                if (m_hung_up)
                    return usize(0);
                if (nonblocking)
                    return Error::TryAgain;
                (void)m_readers.wait_until(m_lock, [&] {
                    return m_complete_lines > 0 || m_hung_up || interrupted() || mode_changed();
                });
                if (mode_changed())
                    continue;
                if (m_complete_lines == 0)
                    return m_hung_up ? Result<usize>(usize(0)) : Result<usize>(Error::Interrupted);
            }
            return copy_canonical(buffer, length);
        }

        usize vmin = m_termios.c_cc[UNUM_VMIN];
        u64 vtime_ms = u64(m_termios.c_cc[UNUM_VTIME]) * 100;
        if (nonblocking || (vmin == 0 && vtime_ms == 0)) {
            if (raw_available() == 0 && !m_hung_up && vmin + vtime_ms != 0)
                return Error::TryAgain;
            return copy_raw(buffer, length);
        }
        auto stop = [&] { return m_hung_up || interrupted() || mode_changed(); };
        if (vmin == 0) {
            // Read timer: one byte or VTIME tenths of a second.
            (void)m_readers.wait_until(m_lock, [&] { return raw_available() > 0 || stop(); }, vtime_ms);
        } else {
            usize target = vmin < length ? vmin : length;
            (void)m_readers.wait_until(m_lock, [&] {
                return raw_available() >= target || stop() || (vtime_ms && raw_available() > 0);
            });
            // Inter-byte timer: restarts with every byte that arrives.
            while (vtime_ms && raw_available() < target && !stop()) {
                usize before = raw_available();
                if (m_readers.wait(m_lock, vtime_ms).is_error() && raw_available() == before)
                    break;
            }
        }
        if (mode_changed())
            continue;
        if (raw_available() == 0 && interrupted() && !m_hung_up)
            return Error::Interrupted;
        return copy_raw(buffer, length);
    }
}

// ---------------------------------------------------------------- state

void LineDiscipline::hangup()
{
    NotifyFunction notify;
    void* context;
    {
        SpinlockGuard guard(m_lock);
        m_hung_up = true;
        m_readers.wake_all();
        notify = m_notify;
        context = m_notify_context;
    }
    if (notify)
        notify(context);
}

bool LineDiscipline::is_hung_up() const
{
    SpinlockGuard guard(m_lock);
    return m_hung_up;
}

void LineDiscipline::interrupt_readers()
{
    SpinlockGuard guard(m_lock);
    ++m_interrupt_generation;
    m_readers.wake_all();
}

unum_termios LineDiscipline::termios() const
{
    SpinlockGuard guard(m_lock);
    return m_termios;
}

Result<void> LineDiscipline::set_termios(unum_termios const& termios, int action)
{
    if (action != UNUM_TCSANOW && action != UNUM_TCSADRAIN && action != UNUM_TCSAFLUSH)
        return Error::InvalidArgument;
    NotifyFunction notify = nullptr;
    void* context = nullptr;
    {
        SpinlockGuard guard(m_lock);
        if (action == UNUM_TCSAFLUSH)
            flush_input_locked();
        bool was_canonical = lflag(UNUM_ICANON);
        m_termios = termios;
        bool canonical = lflag(UNUM_ICANON);
        if (was_canonical && !canonical) {
            for (usize i = 0; i < m_line_length; ++i)
                queue_raw(m_line[i]);
            m_line_length = 0;
        } else if (!was_canonical && canonical && !m_input.is_empty()
            && !(m_input.at(m_input.size() - 1).flags & SLOT_DELIMITER)) {
            // Raw bytes already queued read as one line: mark the last one.
            usize count = m_input.size();
            for (usize i = 0; i < count; ++i) {
                InputSlot slot;
                m_input.pop(slot);
                if (i + 1 == count)
                    slot.flags |= SLOT_DELIMITER;
                m_input.try_push(slot);
            }
            ++m_complete_lines;
            m_input_became_readable = true;
        }
        if (!lflag(UNUM_IEXTEN))
            m_literal_next = false;
        // Readers re-check: the mode or VMIN/VTIME they wait under may be gone.
        m_readers.wake_all();
        if (std::exchange(m_input_became_readable, false)) {
            notify = m_notify;
            context = m_notify_context;
        }
    }
    if (notify)
        notify(context);
    return {};
}

unum_winsize LineDiscipline::window_size() const
{
    SpinlockGuard guard(m_lock);
    return m_window_size;
}

bool LineDiscipline::set_window_size(unum_winsize const& size)
{
    SignalFunction signal;
    void* context;
    {
        SpinlockGuard guard(m_lock);
        if (size.ws_row == m_window_size.ws_row && size.ws_col == m_window_size.ws_col
            && size.ws_xpixel == m_window_size.ws_xpixel && size.ws_ypixel == m_window_size.ws_ypixel)
            return false;
        m_window_size = size;
        signal = m_signal;
        context = m_signal_context;
    }
    if (signal)
        signal(tty_signal::WINDOW_CHANGE, context);
    return true;
}

int LineDiscipline::foreground_process_group() const
{
    SpinlockGuard guard(m_lock);
    return m_foreground_pgid;
}

void LineDiscipline::set_foreground_process_group(int pgid)
{
    SpinlockGuard guard(m_lock);
    m_foreground_pgid = pgid;
}

usize LineDiscipline::readable_bytes() const
{
    SpinlockGuard guard(m_lock);
    if (!lflag(UNUM_ICANON))
        return raw_available();
    usize bytes = 0;
    usize counted = 0;
    for (usize i = 0; i < m_input.size(); ++i) {
        InputSlot const& slot = m_input.at(i);
        if (!(slot.flags & SLOT_EOF))
            ++counted;
        if (slot.flags & SLOT_DELIMITER)
            bytes = counted;
    }
    return bytes;
}

bool LineDiscipline::can_read() const
{
    SpinlockGuard guard(m_lock);
    return readable_locked();
}

bool LineDiscipline::readable_locked() const
{
    if (m_hung_up)
        return true;
    return lflag(UNUM_ICANON) ? m_complete_lines > 0 : raw_available() > 0;
}

u64 LineDiscipline::dropped_bytes() const
{
    SpinlockGuard guard(m_lock);
    return m_dropped;
}
