// TtyOutput (see tty_output.h). The column is a best guess, as in every Unix tty:
// escape sequences written by programs move the cursor without it knowing.
#include "kernel/tty/tty_output.h"

namespace {

constexpr bool is_control(u8 byte) { return byte < 0x20 || byte == 0x7f; }
constexpr bool is_utf8_continuation(u8 byte) { return (byte & 0xC0) == 0x80; }

} // namespace

void TtyOutput::put(u8 byte, unum_tcflag_t oflag)
{
    if (oflag & UNUM_OPOST) {
        if (byte == '\n') {
            if (oflag & UNUM_ONLCR) {
                emit('\r');
                m_column = 0;
            } else if (oflag & UNUM_ONLRET) {
                m_column = 0;
            }
            emit('\n');
            return;
        }
        if (byte == '\r') {
            if ((oflag & UNUM_ONOCR) && m_column == 0)
                return;
            if (oflag & UNUM_OCRNL) {
                if (oflag & UNUM_ONLRET)
                    m_column = 0;
                emit('\n');
                return;
            }
        }
    }
    if (byte == '\r')
        m_column = 0;
    else if (byte == '\t')
        m_column = (m_column | 7) + 1;
    else if (byte == '\b')
        m_column = m_column > 0 ? m_column - 1 : 0;
    else if (!is_control(byte) && !is_utf8_continuation(byte))
        ++m_column;
    emit(byte);
}

void TtyOutput::emit(u8 byte)
{
    m_batch[m_batch_length++] = byte;
    if (m_batch_length == sizeof(m_batch))
        flush();
}

void TtyOutput::flush()
{
    if (m_batch_length && m_output)
        m_output(m_batch, m_batch_length, m_context);
    m_batch_length = 0;
}
