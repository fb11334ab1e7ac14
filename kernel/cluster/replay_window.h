// ReplayWindow: accepts each sequence number from one sender at most once.
// With a window of 0 it demands strictly increasing numbers (a stream: any
// reordering is an attack or a bug); with a window of up to 64 it also accepts
// numbers up to that far behind the highest seen, once each (datagrams, which
// the network may reorder). Everything else is rejected and counted.
#pragma once

#include "kernel/lib/types.h"

class ReplayWindow {
public:
    static constexpr u32 MAX_WINDOW = 64;

    enum class Verdict : u8 { Accepted, Replayed, TooOld };

    explicit ReplayWindow(u32 window = 0)
        : m_window(window > MAX_WINDOW ? MAX_WINDOW : window)
    {
    }

    // Records sequence when accepted. Sequence 0 is never valid.
    Verdict check_and_record(u64 sequence);
    // Whether check_and_record would accept (records nothing).
    bool would_accept(u64 sequence) const;
    u64 highest() const { return m_highest; }
    u64 replays_rejected() const { return m_replays; }
    u64 reorders_rejected() const { return m_too_old; }
    void reset() { m_highest = 0, m_seen = 0; }

private:
    Verdict classify(u64 sequence) const;

    u32 m_window;
    u64 m_highest { 0 };
    u64 m_seen { 0 }; // bit i: m_highest - i was accepted
    u64 m_replays { 0 };
    u64 m_too_old { 0 };
};
