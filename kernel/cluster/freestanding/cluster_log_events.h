// ClusterLogEvents: the cluster's events as kernel log lines —
//   cluster: node2 joined unum (epoch 3, 3 members)     (the first view with us)
//   cluster: view epoch 4: node1 node2                  (every view change)
//   cluster: node3 removed (dead) / (left)
// plus partition changes and the core's own messages (refused strangers, ...).
#pragma once

#include "kernel/cluster/cluster_transport.h"

class ClusterLogEvents final : public ClusterEvents {
public:
    explicit ClusterLogEvents(char const* cluster_name)
        : m_cluster_name(cluster_name)
    {
    }

    void on_view_changed(MembershipView const& view, NodeId self) override;
    void on_member_removed(NodeId node, Incarnation incarnation, bool left) override;
    void on_partition_changed(bool partitioned) override;
    void on_log(LogLevel level, char const* text) override;

private:
    char const* m_cluster_name;
    bool m_joined { false };
};
