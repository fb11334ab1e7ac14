// TtyOutput: a terminal's output processing (OPOST with ONLCR, OCRNL, ONOCR,
// ONLRET), the output column it tracks for erasing tabs, and the batching of
// bytes handed to the device's output function.
// Not locked: its owner's lock (the LineDiscipline's m_lock) guards every call.
#pragma once

#include "kernel/lib/types.h"
#include "kernel/tty/termios_abi.h"

class TtyOutput {
public:
    using OutputFunction = void (*)(u8 const* bytes, usize length, void* context);

    TtyOutput(OutputFunction output, void* context)
        : m_output(output)
        , m_context(context)
    {
    }

    // Processes byte under oflag (a termios c_oflag) into the batch.
    void put(u8 byte, unum_tcflag_t oflag);
    // Hands the batch to the output function.
    void flush();
    u32 column() const { return m_column; }

private:
    void emit(u8 byte);

    OutputFunction m_output;
    void* m_context;
    u32 m_column { 0 };
    u8 m_batch[128];
    usize m_batch_length { 0 };
};
