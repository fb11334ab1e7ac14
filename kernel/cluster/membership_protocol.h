// MembershipProtocol: discovery, join, heartbeats, failure detection, views,
// coordinator failover and the partition policy, as an event-driven state
// machine with no thread or clock of its own (docs/cluster.md). Inputs are
// on_tick(now) and verified membership messages; outputs go through the
// ClusterOutbox (datagrams, beacons, connect/disconnect) and ClusterEvents.
// Not thread-safe: the cluster thread (or the simulation) drives it.
#pragma once

#include "kernel/cluster/cluster_outbox.h"
#include "kernel/cluster/cluster_transport.h"
#include "kernel/cluster/failure_detector.h"
#include "kernel/cluster/membership_view.h"
#include "kernel/cluster/message_sealer.h"

struct MembershipConfig {
    char cluster_name[CLUSTER_MAX_NAME + 1] {};
    // The number to ask for (node=N on the command line); none: let the coordinator assign one.
    NodeId requested_node;
    // Without requested_node: the number to ask for first (a netbooted node asks
    // for the host part of its address, as MOSIX derived numbers from addresses);
    // a coordinator that refuses it assigns the lowest free one instead.
    NodeId preferred_node;
    NetAddress address;
    NodeFeatures features;
    // May create the cluster when no beacon of it is heard within discovery_ms
    // after start (node 1, the node the cluster is started from). Never after a
    // beacon of this cluster was heard once.
    bool may_found { false };
    u32 beacon_interval_ms { 1000 };
    u32 heartbeat_interval_ms { 500 };
    u32 suspect_after_ms { 1500 };
    u32 dead_after_ms { 5000 };
    u32 join_retry_ms { 1000 };
    u32 discovery_ms { 3000 };

    // InvalidArgument when empty or longer than CLUSTER_MAX_NAME.
    Result<void> set_cluster_name(StringView name);
};

enum class MembershipState : u8 {
    Discovering, // listening for beacons
    Joining,     // sending join requests to a coordinator
    Member,      // in the view, with a quorum of it
    Partitioned, // in the view, without a quorum: no membership changes here
    Left,        // left cleanly; inert
};

char const* membership_state_name(MembershipState state);

struct MembershipCounters {
    u64 views_installed { 0 };
    u64 joins_admitted { 0 };
    u64 joins_refused { 0 };
    u64 members_removed { 0 };
    u64 stale_dropped { 0 };
    u64 foreign_cluster { 0 };
};

class MembershipProtocol {
public:
    MembershipProtocol(MembershipConfig const& config, ClusterOutbox& outbox, ClusterEvents& events);

    void start(u64 now_ms);
    void on_tick(u64 now_ms);
    // A message whose tag and sequence were already checked (ClusterNode).
    void on_message(OpenedMessage const& opened, NetAddress from, u64 now_ms);
    // Tells the members this node is going (they remove it at once) and stops.
    void leave(u64 now_ms);
    // This node's load (times 1000), advertised with every heartbeat.
    void set_load(u32 load_milli);

    MembershipState state() const { return m_state; }
    NodeId self() const { return m_outbox.self(); }
    Incarnation incarnation() const { return m_outbox.incarnation(); }
    MembershipView const& view() const { return m_view; }
    bool is_member() const { return m_state == MembershipState::Member || m_state == MembershipState::Partitioned; }
    // True while this node acts as coordinator: the lowest member it believes alive.
    bool is_acting_coordinator() const { return m_acting_coordinator; }
    MemberHealth health_of(NodeId node) const;
    MembershipCounters const& counters() const { return m_counters; }
    MembershipConfig const& config() const { return m_config; }

private:
    struct JoinTarget {
        NodeId node;
        NetAddress address;
        u64 epoch { 0 };
        bool known { false };
    };

    void enter(MembershipState state);
    void found_cluster();
    void send_join_request(NetAddress to);
    void pull_view_from(NetAddress to);
    void evaluate_membership();
    void send_heartbeats();
    void send_beacon();
    bool is_reachable(NodeId node) const;
    u64 next_epoch() const;

    void handle_beacon(ClusterMessage const& message);
    void handle_join_request(ClusterMessageHeader const& header, ClusterMessage const& message);
    void handle_view(ClusterMessage const& message);
    void handle_join_refused(ClusterMessageHeader const& header, ClusterMessage const& message);
    void handle_heartbeat(ClusterMessageHeader const& header, ClusterMessage const& message, NetAddress from);
    void handle_leave(ClusterMessageHeader const& header);

    void refuse(NetAddress to, Incarnation incarnation, Error error);
    void send_view(MemberInfo const& member, ClusterMessageType type);
    // Installs view locally, then sends it to every other member.
    void publish(MembershipView&& view);
    void install(MembershipView&& view);
    void log(LogLevel level, char const* fmt, ...) __attribute__((format(printf, 3, 4)));

    MembershipConfig m_config;
    ClusterOutbox& m_outbox;
    ClusterEvents& m_events;
    FailureDetector m_detector;
    MembershipView m_view;
    MembershipState m_state { MembershipState::Discovering };
    MembershipCounters m_counters;
    JoinTarget m_target;
    NodeId m_rejoin_number;
    Vector<NodeId> m_left; // members that said Leave, until removed
    u64 m_now { 0 };
    u64 m_phase_start { 0 };
    u64 m_last_join_sent { 0 };
    u64 m_last_pull { 0 };
    u64 m_last_heartbeat { 0 };
    u64 m_last_beacon { 0 };
    u64 m_max_epoch_seen { 0 };
    bool m_heard_beacon { false };
    bool m_acting_coordinator { false };
    bool m_started { false };
};
