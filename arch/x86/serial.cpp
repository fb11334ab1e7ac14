// COM1 16550 UART (see serial.h).
#include "arch/x86/serial.h"

#include "arch/x86/interrupts.h"
#include "arch/x86/io.h"
#include "arch/x86/ioapic.h"
#include "kernel/arch/time.h"
#include "kernel/sync/spinlock.h"

namespace x86 {
namespace {

constexpr u16 COM1 = 0x3F8;
constexpr u8 COM1_IRQ = 4;
enum : u16 { DATA = 0, IER = 1, FCR = 2, LCR = 3, MCR = 4, LSR = 5 };

Spinlock g_serial_lock;
bool g_present = false;
// Whether the last byte sent ended a line: a log line never starts in the
// middle of a program's output line (a prompt, say).
bool g_at_line_start = true;
void (*g_on_byte)(u8, void*) = nullptr;
void* g_on_byte_context = nullptr;

// A 16550 without flow control drains its FIFO at the baud rate, so waiting for
// it always ends on real hardware. Under QEMU the wait is backpressure from the
// console's reader (a slow test harness on a loaded host): writing anyway would
// drop characters — once a whole prompt — so a character waits up to a second.
// A console nobody drains (a connected reader that stopped reading) must not
// freeze the kernel, though: after one such timeout the port counts as stalled
// and characters are dropped without waiting until it drains again.
constexpr u64 TRANSMIT_WAIT_NS = 1'000'000'000;
// Before the clock is calibrated, and against a broken UART.
constexpr u64 TRANSMIT_WAIT_SPINS = 10'000'000;
bool g_stalled = false;

bool transmitter_ready() { return inb(COM1 + LSR) & 0x20; }

bool wait_for_transmitter()
{
    u64 start = arch::monotonic_ns();
    for (u64 spin = 1; !transmitter_ready(); ++spin) {
        asm volatile("pause");
        if (spin == TRANSMIT_WAIT_SPINS || (start && spin % 1024 == 0 && arch::monotonic_ns() - start > TRANSMIT_WAIT_NS))
            return false;
    }
    return true;
}

void put_raw(char c)
{
    bool ready = g_stalled ? transmitter_ready() : wait_for_transmitter();
    g_stalled = !ready;
    if (!ready)
        return;
    outb(COM1 + DATA, u8(c));
    g_at_line_start = c == '\n';
}

void write_translated(char const* text, usize length)
{
    if (!g_present)
        return;
    for (usize i = 0; i < length; ++i) {
        if (text[i] == '\n')
            put_raw('\r');
        put_raw(text[i]);
    }
}

void on_serial_interrupt(InterruptFrame&, void*)
{
    while (inb(COM1 + LSR) & 1) {
        u8 byte = inb(COM1 + DATA);
        if (g_on_byte)
            g_on_byte(byte, g_on_byte_context);
    }
}

} // namespace

void serial_init()
{
    outb(COM1 + IER, 0x00);
    outb(COM1 + LCR, 0x80); // DLAB
    outb(COM1 + DATA, 0x01); // divisor 1 = 115200 baud
    outb(COM1 + IER, 0x00);
    outb(COM1 + LCR, 0x03); // 8N1
    outb(COM1 + FCR, 0xC7); // FIFO on, cleared, 14-byte threshold
    outb(COM1 + MCR, 0x0B); // DTR, RTS, OUT2 (IRQ line enable)
    // Absent UARTs read back 0xFF from the line status register.
    g_present = inb(COM1 + LSR) != 0xFF;
}

void serial_write(char const* text, usize length)
{
    SpinlockGuard guard(g_serial_lock);
    write_translated(text, length);
}

void serial_write_unlocked(char const* text, usize length) { write_translated(text, length); }

void serial_write_line(char const* text, usize length)
{
    SpinlockGuard guard(g_serial_lock);
    if (!g_at_line_start && length > 0)
        write_translated("\n", 1);
    write_translated(text, length);
}

void serial_write_raw(char const* text, usize length)
{
    SpinlockGuard guard(g_serial_lock);
    if (!g_present)
        return;
    for (usize i = 0; i < length; ++i)
        put_raw(text[i]);
}

void serial_enable_input(void (*on_byte)(u8, void*), void* context)
{
    g_on_byte_context = context;
    g_on_byte = on_byte;
    u8 vector = IRQ_VECTOR_BASE + COM1_IRQ;
    set_interrupt_handler(vector, on_serial_interrupt, nullptr);
    (void)ioapic_route_irq(COM1_IRQ, vector);
    outb(COM1 + IER, 0x01); // received-data interrupt
}

int serial_poll_byte()
{
    if (!g_present || !(inb(COM1 + LSR) & 1))
        return -1;
    return inb(COM1 + DATA);
}

} // namespace x86
