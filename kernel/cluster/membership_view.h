// MembershipView: one version (epoch) of who is in the cluster — each member's
// number, incarnation, address and advertised features — plus the queries that
// placement code and programs ask of it. Plain data: copying a view copies the
// members (fallibly, with try_clone). The coordinator of a view is its lowest
// node number. Not thread-safe; the owner (MembershipProtocol) serialises access.
#pragma once

#include "kernel/cluster/node_identity.h"
#include "kernel/cpu/cpu_features.h"
#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"
#include "kernel/lib/vector.h"

// What a node advertises about itself. CPU features are held as a set over the
// kernel's feature table (cpu_feature_list.h) and travel by name, so nodes whose
// tables differ still agree on every name both know.
struct NodeFeatures {
    static constexpr usize MAX_TAGS_TEXT = 127;

    u64 cpu_bits[(CpuFeatures::FEATURE_COUNT + 63) / 64] {};
    u16 cpu_count { 0 };
    u32 memory_mib { 0 };
    // Load average times 1000, refreshed every second by heartbeats (not a view change).
    u32 load_milli { 0 };
    // Configured tags, comma-separated ("disk,gpu"), NUL-terminated.
    char tags[MAX_TAGS_TEXT + 1] {};

    void add_cpu_feature(CpuFeature feature);
    bool has_cpu_feature(CpuFeature feature) const;
    // Adds every name of a space-separated list that the table knows; unknown
    // names are skipped (another build may know more).
    void add_cpu_feature_names(StringView names);
    void add_from(CpuFeatures const& features);
    // Space-separated names in table order; returns the full length (like format()).
    usize format_cpu_features(char* buffer, usize size) const;
    // InvalidArgument when text is longer than MAX_TAGS_TEXT.
    Result<void> set_tags(StringView text);
    bool has_tag(StringView tag) const;
    // A CPU feature name or a tag.
    bool has(StringView name) const;
    bool same_as(NodeFeatures const& other) const;
};

// A number recently held by a node that was removed: kept for that address so
// the coordinator does not assign it to a newcomer while its owner may return.
struct DepartedMember {
    NodeId node;
    NetAddress address;
};

// Which view: its epoch and the coordinator that made it. Views are ordered by
// epoch; two coordinators that each believed the other dead may make different
// views of one epoch, and then the lower creator number (then the later boot
// of it) wins, so every node picks the same one.
struct ViewStamp {
    u64 epoch { 0 };
    NodeId creator;
    Incarnation creator_incarnation { 0 };

    bool is_newer_than(ViewStamp const& other) const
    {
        if (epoch != other.epoch)
            return epoch > other.epoch;
        if (creator != other.creator)
            return creator < other.creator;
        return creator_incarnation > other.creator_incarnation;
    }
    bool operator==(ViewStamp const&) const = default;
};

struct MemberInfo {
    NodeId node;
    Incarnation incarnation { 0 };
    NetAddress address;
    NodeFeatures features;
};

class MembershipView {
public:
    MembershipView() = default;
    MembershipView(MembershipView&&) = default;
    MembershipView& operator=(MembershipView&&) = default;
    Result<MembershipView> try_clone() const;

    u64 epoch() const { return m_epoch; }
    void set_epoch(u64 epoch) { m_epoch = epoch; }
    // Which founding of the cluster this view descends from (the founder's
    // incarnation): epochs count within one generation. A founder that reboots
    // unable to hear the cluster founds a new generation (docs/cluster.md).
    u64 generation() const { return m_generation; }
    void set_generation(u64 generation) { m_generation = generation; }
    NodeId creator() const { return m_creator; }
    void set_creator(NodeId creator, Incarnation incarnation) { m_creator = creator, m_creator_incarnation = incarnation; }
    ViewStamp stamp() const { return { m_epoch, m_creator, m_creator_incarnation }; }
    // Members sorted by node number, numbers unique.
    Vector<MemberInfo> const& members() const { return m_members; }
    usize size() const { return m_members.size(); }
    bool is_empty() const { return m_members.is_empty(); }
    // The lowest node number; none for an empty view.
    NodeId coordinator() const;

    MemberInfo const* find(NodeId node) const;
    MemberInfo* find(NodeId node);
    MemberInfo const* find_by_address(NetAddress address) const;
    bool contains(NodeId node) const { return find(node) != nullptr; }
    // Inserts in order, or replaces the member with the same number.
    Result<void> add_or_replace(MemberInfo const& member);
    // False when node was not a member.
    bool remove(NodeId node);
    // The lowest number in 1..MAX neither held by a member nor reserved for a
    // departed one; failing that, the lowest not held (none when all are taken).
    NodeId lowest_free_number() const;

    static constexpr usize MAX_DEPARTED = 64;
    Vector<DepartedMember> const& departed() const { return m_departed; }
    // Reserves node's number for address (the oldest reservation goes past MAX_DEPARTED).
    Result<void> add_departed(NodeId node, NetAddress address);
    // Drops reservations of this number or for this address.
    void clear_departed(NodeId node, NetAddress address);

    // Placement queries.
    NodeFeatures const* features_of(NodeId node) const;
    bool has_feature(NodeId node, StringView name) const;

    // Quorum (docs/cluster.md, "Partitions"): the nodes in reachable form a
    // quorum of this view when they are more than half of its members, or exactly
    // half and include its lowest node number. Nodes not in the view don't count.
    template<typename IsReachable>
    bool has_quorum(IsReachable is_reachable) const
    {
        usize reachable = 0;
        for (auto const& member : m_members) {
            if (is_reachable(member.node))
                ++reachable;
        }
        if (reachable * 2 > m_members.size())
            return true;
        return reachable * 2 == m_members.size() && !m_members.is_empty() && is_reachable(m_members[0].node);
    }

    // Same stamp, generation and members (numbers, incarnations, addresses).
    bool same_membership(MembershipView const& other) const;

private:
    u64 m_epoch { 0 };
    u64 m_generation { 0 };
    NodeId m_creator;
    Incarnation m_creator_incarnation { 0 };
    Vector<MemberInfo> m_members;
    Vector<DepartedMember> m_departed;
};
