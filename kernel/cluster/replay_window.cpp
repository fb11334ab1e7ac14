// Sequence-number replay and reordering checks.
#include "kernel/cluster/replay_window.h"

ReplayWindow::Verdict ReplayWindow::classify(u64 sequence) const
{
    if (sequence == 0)
        return Verdict::TooOld;
    if (sequence > m_highest)
        return Verdict::Accepted;
    u64 behind = m_highest - sequence;
    if (behind < 64 && (m_seen >> behind) & 1)
        return Verdict::Replayed;
    // Window 0 (streams): anything not newer is out of order.
    if (behind >= m_window)
        return Verdict::TooOld;
    return Verdict::Accepted;
}

bool ReplayWindow::would_accept(u64 sequence) const { return classify(sequence) == Verdict::Accepted; }

ReplayWindow::Verdict ReplayWindow::check_and_record(u64 sequence)
{
    Verdict verdict = classify(sequence);
    if (verdict == Verdict::Replayed) {
        ++m_replays;
        return verdict;
    }
    if (verdict == Verdict::TooOld) {
        ++m_too_old;
        return verdict;
    }
    if (sequence > m_highest) {
        u64 shift = sequence - m_highest;
        m_seen = shift >= 64 ? 0 : m_seen << shift;
        m_seen |= 1;
        m_highest = sequence;
    } else {
        m_seen |= u64(1) << (m_highest - sequence);
    }
    return Verdict::Accepted;
}
