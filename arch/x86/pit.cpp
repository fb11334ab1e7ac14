// 8254 programming. Channel 2 in mode 0 (interrupt on terminal count) has its
// OUT pin readable in port 0x61 bit 5, which makes a pollable one-shot; the gate
// (bit 0) holds the count until we start measuring.
#include "arch/x86/pit.h"

#include "arch/x86/io.h"

namespace x86 {

namespace {

constexpr u16 CHANNEL0_DATA = 0x40;
constexpr u16 CHANNEL2_DATA = 0x42;
constexpr u16 MODE_COMMAND = 0x43;
constexpr u16 SPEAKER_PORT = 0x61;
constexpr u8 SPEAKER_GATE2 = 1u << 0;
constexpr u8 SPEAKER_DATA = 1u << 1;
constexpr u8 SPEAKER_OUT2 = 1u << 5;
// Channel select (bits 6-7), lobyte/hibyte access (3 << 4), mode (bits 1-3), binary.
constexpr u8 CHANNEL2_MODE0 = (2u << 6) | (3u << 4) | (0u << 1);
constexpr u8 CHANNEL0_MODE2 = (0u << 6) | (3u << 4) | (2u << 1);

} // namespace

void pit_window_arm(u16 pit_ticks)
{
    // Gate low holds the counter; the speaker stays silent.
    u8 control = inb(SPEAKER_PORT) & u8(~(SPEAKER_GATE2 | SPEAKER_DATA));
    outb(SPEAKER_PORT, control);
    outb(MODE_COMMAND, CHANNEL2_MODE0);
    outb(CHANNEL2_DATA, u8(pit_ticks));
    outb(CHANNEL2_DATA, u8(pit_ticks >> 8));
}

void pit_window_start()
{
    u8 control = inb(SPEAKER_PORT) & u8(~SPEAKER_DATA);
    outb(SPEAKER_PORT, control | SPEAKER_GATE2);
}

bool pit_window_expired() { return inb(SPEAKER_PORT) & SPEAKER_OUT2; }

Result<void> pit_start_periodic(u32 hz)
{
    if (hz == 0)
        return Error::InvalidArgument;
    u32 divisor = (PIT_HZ + hz / 2) / hz;
    if (divisor < 2 || divisor > 0xFFFF)
        return Error::InvalidArgument;
    outb(MODE_COMMAND, CHANNEL0_MODE2);
    outb(CHANNEL0_DATA, u8(divisor));
    outb(CHANNEL0_DATA, u8(divisor >> 8));
    return {};
}

} // namespace x86
