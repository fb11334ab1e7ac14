// CMOS RTC: registers 0x00 (seconds) .. 0x09 (year), BCD or binary per register B.
#include "kernel/cluster/freestanding/real_time_clock.h"

#include "arch/x86/io.h"
#include "kernel/arch/time.h"

namespace {

constexpr u16 CMOS_INDEX = 0x70;
constexpr u16 CMOS_DATA = 0x71;

u8 read_register(u8 index)
{
    x86::outb(CMOS_INDEX, index);
    return x86::inb(CMOS_DATA);
}

bool update_in_progress() { return read_register(0x0A) & 0x80; }

struct RtcTime {
    u32 second, minute, hour, day, month, year;
    bool operator==(RtcTime const&) const = default;
};

RtcTime read_raw()
{
    for (u32 spins = 0; spins < 100000 && update_in_progress(); ++spins) { }
    return { read_register(0x00), read_register(0x02), read_register(0x04), read_register(0x07),
        read_register(0x08), read_register(0x09) };
}

u32 from_bcd(u32 value) { return (value & 0x0F) + (value >> 4) * 10; }

// Days from 1970-01-01 to year-month-day (proleptic Gregorian).
u64 days_since_epoch(u32 year, u32 month, u32 day)
{
    i64 y = i64(year) - (month <= 2 ? 1 : 0);
    i64 era = y / 400;
    i64 yoe = y - era * 400;
    i64 mp = (i64(month) + 9) % 12;
    i64 doy = (153 * mp + 2) / 5 + i64(day) - 1;
    i64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return u64(era * 146097 + doe - 719468);
}

} // namespace

u64 real_time_clock_ms()
{
    // Read until two reads agree, so an update in between does not tear the value.
    RtcTime time = read_raw();
    for (int tries = 0; tries < 5; ++tries) {
        RtcTime again = read_raw();
        if (again == time)
            break;
        time = again;
    }
    u8 status_b = read_register(0x0B);
    bool binary = status_b & 0x04;
    bool twelve_hour = !(status_b & 0x02);
    bool pm = time.hour & 0x80;
    time.hour &= 0x7F;
    if (!binary) {
        time.second = from_bcd(time.second), time.minute = from_bcd(time.minute);
        time.hour = from_bcd(time.hour), time.day = from_bcd(time.day);
        time.month = from_bcd(time.month), time.year = from_bcd(time.year);
    }
    if (twelve_hour)
        time.hour = (time.hour % 12) + (pm ? 12 : 0);
    u32 year = 2000 + time.year;
    if (time.month < 1 || time.month > 12 || time.day < 1 || time.day > 31)
        return arch::monotonic_ns() / 1000000 + 1; // no usable RTC: still non-zero
    u64 seconds = days_since_epoch(year, time.month, time.day) * 86400 + time.hour * 3600 + time.minute * 60
        + time.second;
    return seconds * 1000 + (arch::monotonic_ns() / 1000000) % 1000;
}
