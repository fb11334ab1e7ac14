// FailureDetector: per-member silence timer. A member heard from within
// suspect_after_ms is Alive; silent longer it is Suspect; silent past
// dead_after_ms (or marked by a clean leave) it is Dead. Pure bookkeeping over
// the times it is given: no clock of its own.
#pragma once

#include "kernel/cluster/node_identity.h"
#include "kernel/lib/hash_map.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

enum class MemberHealth : u8 { Alive, Suspect, Dead };

char const* member_health_name(MemberHealth health);

class FailureDetector {
public:
    FailureDetector(u64 suspect_after_ms, u64 dead_after_ms)
        : m_suspect_after_ms(suspect_after_ms)
        , m_dead_after_ms(dead_after_ms)
    {
    }

    // Starts watching node as if just heard (a fresh member gets a full timeout).
    // Keeps the old record when node is already watched.
    Result<void> watch(NodeId node, u64 now_ms);
    void forget(NodeId node) { m_records.remove(node.value()); }
    void heard(NodeId node, u64 now_ms);
    void mark_dead(NodeId node);
    // Unwatched nodes are Dead.
    MemberHealth health(NodeId node, u64 now_ms) const;
    bool is_watched(NodeId node) const { return m_records.contains(node.value()); }

private:
    struct Record {
        u64 last_heard_ms { 0 };
        bool dead { false };
    };
    u64 m_suspect_after_ms;
    u64 m_dead_after_ms;
    HashMap<u16, Record> m_records;
};
