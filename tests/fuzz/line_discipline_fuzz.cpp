// libFuzzer target: untrusted terminal input into a LineDiscipline. The first
// four bytes pick the local, input and output modes and VMIN/VTIME; after that an
// 0xFF byte introduces an operation (nonblocking read, mode switch, write,
// window size, flush, hangup) and every other byte is typed. Checks that reads
// never overrun or invent bytes and that the queue stays within its capacity.
#include "kernel/tty/line_discipline.h"

namespace {

usize g_output_bytes = 0;
void count_output(u8 const*, usize length, void*) { g_output_bytes += length; }
void ignore_signal(int, void*) { }

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(u8 const* data, usize size)
{
    if (size < 4)
        return 0;
    static LineDiscipline* discipline_storage = nullptr; // the object is ~12 KiB: keep it off the stack
    delete discipline_storage;
    discipline_storage = new LineDiscipline(count_output, nullptr);
    LineDiscipline& discipline = *discipline_storage;
    discipline.set_signal_handler(ignore_signal, nullptr);

    unum_termios t = LineDiscipline::default_termios();
    t.c_lflag = (u32(data[0]) & 0x7f) | ((data[0] & 0x80) ? UNUM_IEXTEN : 0) | ((data[1] & 0x80) ? UNUM_ECHOKE : 0);
    t.c_iflag = (u32(data[1]) & 0x7f) << 3 | ((data[1] & 1) ? UNUM_IUTF8 : 0);
    t.c_oflag = data[2] & 0x3f;
    t.c_cc[UNUM_VMIN] = data[3] & 3;
    t.c_cc[UNUM_VTIME] = 0; // no scheduler here: only reads that cannot sleep
    check(!discipline.set_termios(t).is_error());
    data += 4;
    size -= 4;

    usize typed = 0;
    usize read_total = 0;
    u8 buffer[512];
    for (usize i = 0; i < size; ++i) {
        if (data[i] != 0xFF || i + 1 == size) {
            discipline.receive(data[i]);
            ++typed;
            continue;
        }
        u8 op = data[++i];
        switch (op & 7) {
        case 0:
        case 1: {
            usize want = (op >> 3) % sizeof(buffer) + 1;
            auto result = discipline.read(buffer, want, true);
            if (!result.is_error()) {
                check(result.value() <= want);
                read_total += result.value();
            } else {
                check(result.error() == Error::TryAgain);
            }
            break;
        }
        case 2:
            t.c_lflag ^= UNUM_ICANON;
            check(!discipline.set_termios(t, (op >> 3) % 3).is_error());
            break;
        case 3:
            (void)discipline.write(data + i, size - i < 64 ? size - i : 64);
            break;
        case 4:
            (void)discipline.set_window_size({ u16(op), u16(op >> 4), 0, 0 });
            break;
        case 5:
            discipline.flush_input();
            break;
        case 6:
            if (op & 0x80)
                discipline.hangup();
            break;
        default:
            check(discipline.readable_bytes() <= LineDiscipline::INPUT_CAPACITY);
            break;
        }
    }
    // Drain: everything read was typed (a ^V or erase never makes bytes up).
    for (int round = 0; round < 64; ++round) {
        auto result = discipline.read(buffer, sizeof(buffer), true);
        if (result.is_error() || result.value() == 0)
            break;
        read_total += result.value();
    }
    check(read_total <= typed);
    return 0;
}
