// Per-sender replay windows for datagrams.
#include "kernel/cluster/replay_table.h"

Result<ReplayWindow::Verdict> ReplayTable::check_and_record(NodeId node, Incarnation incarnation, u64 sequence,
    u64 scope)
{
    ++m_clock;
    for (auto& entry : m_entries) {
        if (entry.node == node && entry.incarnation == incarnation && entry.scope == scope) {
            entry.last_use = m_clock;
            return entry.window.check_and_record(sequence);
        }
    }
    if (m_entries.size() >= MAX_SENDERS) {
        usize oldest = 0;
        for (usize i = 1; i < m_entries.size(); ++i) {
            if (m_entries[i].last_use < m_entries[oldest].last_use)
                oldest = i;
        }
        m_entries.unstable_remove(oldest);
    }
    TRY(m_entries.try_append(Entry { node, incarnation, scope, ReplayWindow(m_window), m_clock }));
    return m_entries.last().window.check_and_record(sequence);
}

void ReplayTable::forget_older(NodeId node, Incarnation incarnation)
{
    for (usize i = 0; i < m_entries.size();) {
        if (m_entries[i].node == node && m_entries[i].incarnation < incarnation)
            m_entries.unstable_remove(i);
        else
            ++i;
    }
}
