// ReplayTable: one ReplayWindow per sender (node number and incarnation) for
// the datagram channel. A sender without a number yet (a joiner, node 0) is told
// apart by the address its authenticated message names (`scope`), so joiners
// that booted in the same millisecond do not share one window. Bounded: past
// MAX_SENDERS the least recently used entry is forgotten (only key holders can
// make entries, so this is about reboots).
#pragma once

#include "kernel/cluster/node_identity.h"
#include "kernel/cluster/replay_window.h"
#include "kernel/lib/vector.h"

class ReplayTable {
public:
    static constexpr usize MAX_SENDERS = 8192;

    explicit ReplayTable(u32 window)
        : m_window(window)
    {
    }
    // Checks and records sequence for the sender; NoMemory only if the table can't grow.
    Result<ReplayWindow::Verdict> check_and_record(NodeId node, Incarnation incarnation, u64 sequence, u64 scope = 0);
    // Forgets every incarnation of node older than incarnation.
    void forget_older(NodeId node, Incarnation incarnation);
    usize size() const { return m_entries.size(); }

private:
    struct Entry {
        NodeId node;
        Incarnation incarnation;
        u64 scope;
        ReplayWindow window;
        u64 last_use;
    };
    u32 m_window;
    u64 m_clock { 0 };
    Vector<Entry> m_entries;
};
