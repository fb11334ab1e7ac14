// Silence-based failure detection.
#include "kernel/cluster/failure_detector.h"

char const* member_health_name(MemberHealth health)
{
    switch (health) {
    case MemberHealth::Alive: return "alive";
    case MemberHealth::Suspect: return "suspect";
    case MemberHealth::Dead: return "dead";
    }
    return "?";
}

Result<void> FailureDetector::watch(NodeId node, u64 now_ms)
{
    if (m_records.contains(node.value()))
        return {};
    return m_records.try_set(node.value(), Record { now_ms, false });
}

void FailureDetector::heard(NodeId node, u64 now_ms)
{
    if (auto* record = m_records.get(node.value()); record && !record->dead && now_ms > record->last_heard_ms)
        record->last_heard_ms = now_ms;
}

void FailureDetector::mark_dead(NodeId node)
{
    if (auto* record = m_records.get(node.value()))
        record->dead = true;
}

MemberHealth FailureDetector::health(NodeId node, u64 now_ms) const
{
    auto const* record = m_records.get(node.value());
    if (!record || record->dead)
        return MemberHealth::Dead;
    u64 silent = now_ms > record->last_heard_ms ? now_ms - record->last_heard_ms : 0;
    if (silent > m_dead_after_ms)
        return MemberHealth::Dead;
    if (silent > m_suspect_after_ms)
        return MemberHealth::Suspect;
    return MemberHealth::Alive;
}
