// ClockScale: converts a hardware counter (TSC, HPET) to nanoseconds with a
// multiplier fixed at calibration time, so reading the clock needs no division
// and, with a 128-bit product, cannot overflow for any counter value.
// Also MonotonicFloor, which keeps a clock from ever being seen going backwards.
#pragma once

#include <atomic>

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

class ClockScale {
public:
    static constexpr u32 SHIFT = 32;
    static constexpr u64 NS_PER_SECOND = 1'000'000'000ull;

    constexpr ClockScale() = default;

    // InvalidArgument for 0 Hz; (1e9 << 32) fits in 64 bits, so any nonzero hz works.
    static Result<ClockScale> from_frequency(u64 hz)
    {
        if (hz == 0)
            return Error::InvalidArgument;
        ClockScale scale;
        scale.m_hz = hz;
        scale.m_mult = (NS_PER_SECOND << SHIFT) / hz;
        return scale;
    }

    // Nanoseconds in ticks counter ticks; saturates at u64 max.
    u64 to_ns(u64 ticks) const
    {
        unsigned __int128 product = static_cast<unsigned __int128>(ticks) * m_mult;
        unsigned __int128 ns = product >> SHIFT;
        return ns > ~u64(0) ? ~u64(0) : u64(ns);
    }

    u64 frequency() const { return m_hz; }
    u64 multiplier() const { return m_mult; }

private:
    u64 m_hz { 0 };
    u64 m_mult { 0 };
};

// Remembers the largest value handed out, so a clock read on different CPUs (with
// slightly skewed counters) or across a recalibration is never seen going back.
// Lock-free; safe from interrupt context.
class MonotonicFloor {
public:
    // Returns max(candidate, every value returned before).
    u64 advance(u64 candidate)
    {
        u64 last = m_last.load(std::memory_order_relaxed);
        while (candidate > last) {
            if (m_last.compare_exchange_weak(last, candidate, std::memory_order_relaxed))
                return candidate;
        }
        return last;
    }

private:
    std::atomic<u64> m_last { 0 };
};
