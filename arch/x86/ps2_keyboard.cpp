// The 8042 PS/2 controller's first port (see ps2_keyboard.h). Only the keyboard:
// the second (mouse) port is left disabled and its bytes are discarded.
#include "arch/x86/ps2_keyboard.h"

#include <new>

#include "arch/x86/interrupts.h"
#include "arch/x86/io.h"
#include "arch/x86/ioapic.h"
#include "kernel/log/klog.h"
#include "kernel/tty/scancode_decoder.h"

namespace x86 {
namespace {

constexpr u16 DATA_PORT = 0x60;
constexpr u16 STATUS_PORT = 0x64; // read: status; write: command
constexpr u8 KEYBOARD_IRQ = 1;

enum Status : u8 {
    OUTPUT_FULL = 0x01, // a byte waits in DATA_PORT
    INPUT_FULL = 0x02,  // the controller has not taken the last write yet
    AUX_DATA = 0x20,    // the waiting byte came from the second (mouse) port
};
enum Command : u8 {
    READ_CONFIG = 0x20,
    WRITE_CONFIG = 0x60,
    DISABLE_SECOND_PORT = 0xA7,
    DISABLE_FIRST_PORT = 0xAD,
    ENABLE_FIRST_PORT = 0xAE,
};
enum Config : u8 {
    FIRST_PORT_IRQ = 0x01,
    SECOND_PORT_IRQ = 0x02,
    FIRST_PORT_CLOCK_OFF = 0x10,
    TRANSLATION = 0x40, // set 2 -> set 1: kept, ScancodeDecoder speaks set 1
};
// Keyboard replies that are not keys: ACK, resend, echo, errors/overrun.
constexpr bool is_reply(u8 byte) { return byte == 0xFA || byte == 0xFE || byte == 0xEE || byte == 0x00 || byte == 0xFF; }

constexpr int POLL_LIMIT = 100000;

alignas(ScancodeDecoder) unsigned char g_decoder_storage[sizeof(ScancodeDecoder)];
ScancodeDecoder* g_decoder = nullptr;
KeyboardBytes g_on_bytes = nullptr;
void* g_context = nullptr;
u64 g_scancodes = 0;

Result<void> wait_input_empty()
{
    for (int i = 0; i < POLL_LIMIT; ++i) {
        if (!(inb(STATUS_PORT) & INPUT_FULL))
            return {};
        asm volatile("pause");
    }
    return Error::TimedOut;
}

Result<u8> read_data()
{
    for (int i = 0; i < POLL_LIMIT; ++i) {
        if (inb(STATUS_PORT) & OUTPUT_FULL)
            return inb(DATA_PORT);
        asm volatile("pause");
    }
    return Error::TimedOut;
}

Result<void> command(u8 value)
{
    TRY(wait_input_empty());
    outb(STATUS_PORT, value);
    return {};
}

Result<void> write_data(u8 value)
{
    TRY(wait_input_empty());
    outb(DATA_PORT, value);
    return {};
}

void flush_output_buffer()
{
    for (int i = 0; i < 64 && (inb(STATUS_PORT) & OUTPUT_FULL); ++i)
        (void)inb(DATA_PORT);
}

void on_keyboard_interrupt(InterruptFrame&, void*)
{
    // Bounded: a stuck status bit must not hang the CPU in the handler.
    for (int i = 0; i < 16; ++i) {
        u8 status = inb(STATUS_PORT);
        if (!(status & OUTPUT_FULL))
            return;
        u8 byte = inb(DATA_PORT);
        if ((status & AUX_DATA) || is_reply(byte))
            continue;
        ++g_scancodes;
        u8 out[ScancodeDecoder::MAX_OUTPUT];
        usize n = g_decoder->feed(byte, out);
        if (n && g_on_bytes)
            g_on_bytes(out, n, g_context);
    }
}

Result<void> configure_controller()
{
    TRY(command(DISABLE_FIRST_PORT));
    TRY(command(DISABLE_SECOND_PORT));
    flush_output_buffer();
    TRY(command(READ_CONFIG));
    u8 config = TRY(read_data());
    config |= FIRST_PORT_IRQ;
    config &= u8(~(SECOND_PORT_IRQ | FIRST_PORT_CLOCK_OFF));
    TRY(command(WRITE_CONFIG));
    TRY(write_data(config));
    TRY(command(ENABLE_FIRST_PORT));
    flush_output_buffer();
    return {};
}

} // namespace

Result<void> ps2_keyboard_init(KeyboardBytes on_bytes, void* context)
{
    // No controller: the bus floats and every port reads 0xFF.
    if (inb(STATUS_PORT) == 0xFF)
        return Error::NoDevice;
    if (!g_decoder)
        g_decoder = new (g_decoder_storage) ScancodeDecoder();
    g_decoder->reset();
    g_context = context;
    g_on_bytes = on_bytes;
    if (auto configured = configure_controller(); configured.is_error()) {
        log_warn("ps2: controller does not answer (%s)", error_name(configured.error()));
        return Error::NoDevice;
    }
    u8 vector = IRQ_VECTOR_BASE + KEYBOARD_IRQ;
    set_interrupt_handler(vector, on_keyboard_interrupt, nullptr);
    TRY(ioapic_route_irq(KEYBOARD_IRQ, vector));
    // A key pressed during setup would hold the line high with no new edge.
    flush_output_buffer();
    log_info("ps2: keyboard on IRQ %u (vector %u)", unsigned(KEYBOARD_IRQ), unsigned(vector));
    return {};
}

u64 ps2_keyboard_scancodes_seen() { return g_scancodes; }

} // namespace x86
