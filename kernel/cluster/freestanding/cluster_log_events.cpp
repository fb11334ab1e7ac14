// ClusterLogEvents: cluster events to the kernel log.
#include "kernel/cluster/freestanding/cluster_log_events.h"

#include "kernel/lib/format.h"

void ClusterLogEvents::on_view_changed(MembershipView const& view, NodeId self)
{
    if (!m_joined && view.contains(self)) {
        m_joined = true;
        log_info("cluster: node%u joined %s (epoch %llu, %zu members)", unsigned(self.value()), m_cluster_name,
            (unsigned long long)view.epoch(), view.size());
    }
    char line[256];
    usize used = format(line, sizeof(line), "view epoch %llu:", (unsigned long long)view.epoch());
    for (auto const& member : view.members()) {
        if (used >= sizeof(line) - 12) {
            format(line + used, sizeof(line) - used, " ...");
            break;
        }
        used += format(line + used, sizeof(line) - used, " node%u", unsigned(member.node.value()));
    }
    log_info("cluster: %s", line);
}

void ClusterLogEvents::on_member_removed(NodeId node, Incarnation, bool left)
{
    log_info("cluster: node%u removed (%s)", unsigned(node.value()), left ? "left" : "dead");
}

void ClusterLogEvents::on_partition_changed(bool partitioned)
{
    if (partitioned)
        log_warn("cluster: partitioned: no quorum of the view; membership frozen");
    else
        log_info("cluster: quorum regained");
}

void ClusterLogEvents::on_log(LogLevel level, char const* text) { klog(level, "%s", text); }
