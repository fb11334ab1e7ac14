// The membership state machine (docs/cluster.md has the protocol, the failure
// timeline and the partition policy this implements).
#include "kernel/cluster/membership_protocol.h"

#include <stdarg.h>
#include <utility>

#include "kernel/lib/format.h"
#include "kernel/lib/string.h"

Result<void> MembershipConfig::set_cluster_name(StringView name)
{
    if (name.is_empty() || name.length() > CLUSTER_MAX_NAME)
        return Error::InvalidArgument;
    name.copy_to(cluster_name, sizeof(cluster_name));
    return {};
}

char const* membership_state_name(MembershipState state)
{
    switch (state) {
    case MembershipState::Discovering: return "discovering";
    case MembershipState::Joining: return "joining";
    case MembershipState::Member: return "member";
    case MembershipState::Partitioned: return "partitioned";
    case MembershipState::Left: return "left";
    }
    return "?";
}

MembershipProtocol::MembershipProtocol(MembershipConfig const& config, ClusterOutbox& outbox, ClusterEvents& events)
    : m_config(config)
    , m_outbox(outbox)
    , m_events(events)
    , m_detector(config.suspect_after_ms, config.dead_after_ms)
{
}

void MembershipProtocol::log(LogLevel level, char const* fmt, ...)
{
    char text[200];
    int prefix = int(format(text, sizeof(text), "cluster: node%u: ", unsigned(self().value())));
    va_list args;
    va_start(args, fmt);
    vformat(text + prefix, sizeof(text) - usize(prefix), fmt, args);
    va_end(args);
    m_events.on_log(level, text);
}

void MembershipProtocol::enter(MembershipState state)
{
    if (m_state == state)
        return;
    bool was_partitioned = m_state == MembershipState::Partitioned;
    m_state = state;
    m_phase_start = m_now;
    if (state == MembershipState::Partitioned) {
        log(LogLevel::Warn, "no quorum of view %llu: partitioned", (unsigned long long)m_view.epoch());
        m_events.on_partition_changed(true);
    } else if (was_partitioned) {
        m_events.on_partition_changed(false);
    }
}

void MembershipProtocol::start(u64 now_ms)
{
    m_now = now_ms;
    m_phase_start = now_ms;
    m_started = true;
    m_rejoin_number = m_config.requested_node.is_valid() ? m_config.requested_node : m_config.preferred_node;
}

void MembershipProtocol::set_load(u32 load_milli)
{
    m_config.features.load_milli = load_milli;
    if (auto* me = m_view.find(self()); me && is_member())
        me->features.load_milli = load_milli;
}

MemberHealth MembershipProtocol::health_of(NodeId node) const
{
    if (node == self() && is_member())
        return MemberHealth::Alive;
    return m_detector.health(node, m_now);
}

bool MembershipProtocol::is_reachable(NodeId node) const { return health_of(node) != MemberHealth::Dead; }

u64 MembershipProtocol::next_epoch() const
{
    return (m_view.epoch() > m_max_epoch_seen ? m_view.epoch() : m_max_epoch_seen) + 1;
}

void MembershipProtocol::found_cluster()
{
    NodeId number = m_config.requested_node.is_valid() ? m_config.requested_node : NodeId(1);
    MembershipView view;
    view.set_epoch(next_epoch());
    view.set_generation(incarnation());
    view.set_creator(number, incarnation());
    MemberInfo me { number, incarnation(), m_config.address, m_config.features };
    if (view.add_or_replace(me).is_error())
        return; // out of memory: try again next tick
    m_outbox.set_self(number);
    enter(MembershipState::Member);
    log(LogLevel::Info, "founded cluster %s", m_config.cluster_name);
    install(std::move(view));
}

void MembershipProtocol::send_join_request(NetAddress to)
{
    ClusterMessage request(ClusterMessageType::JoinRequest);
    request.cluster_name = StringView(m_config.cluster_name);
    request.node = self().is_valid() ? self() : m_rejoin_number;
    request.address = m_config.address;
    request.features = m_config.features;
    m_outbox.send_datagram(to, NodeId(), 0, request);
    m_last_join_sent = m_now;
}

void MembershipProtocol::pull_view_from(NetAddress to)
{
    // A join request from a member is answered with the view: one message does both.
    if (m_last_pull && m_now - m_last_pull < m_config.heartbeat_interval_ms)
        return;
    m_last_pull = m_now;
    send_join_request(to);
}

void MembershipProtocol::on_tick(u64 now_ms)
{
    if (!m_started || m_state == MembershipState::Left)
        return;
    m_now = now_ms;
    switch (m_state) {
    case MembershipState::Discovering:
        if (m_target.known) {
            enter(MembershipState::Joining);
            send_join_request(m_target.address);
        } else if (m_config.may_found && !m_heard_beacon && now_ms - m_phase_start >= m_config.discovery_ms) {
            found_cluster();
            if (is_member())
                evaluate_membership();
        }
        break;
    case MembershipState::Joining:
        if (now_ms - m_phase_start >= 3 * u64(m_config.discovery_ms)) {
            m_target = {}; // the coordinator went quiet: listen for beacons again
            enter(MembershipState::Discovering);
        } else if (now_ms - m_last_join_sent >= m_config.join_retry_ms) {
            send_join_request(m_target.address);
        }
        break;
    case MembershipState::Member:
    case MembershipState::Partitioned:
        evaluate_membership();
        break;
    case MembershipState::Left:
        break;
    }
}

void MembershipProtocol::evaluate_membership()
{
    // Only members heard within the suspect timeout count toward a quorum: a side
    // must hear a quorum now, not remember one, to change the membership.
    bool quorum = m_view.has_quorum([this](NodeId node) { return health_of(node) == MemberHealth::Alive; });
    enter(quorum ? MembershipState::Member : MembershipState::Partitioned);

    NodeId acting;
    for (auto const& member : m_view.members()) {
        if (is_reachable(member.node)) {
            acting = member.node;
            break;
        }
    }
    m_acting_coordinator = acting == self();

    if (m_now - m_last_heartbeat >= m_config.heartbeat_interval_ms)
        send_heartbeats();
    if (!m_acting_coordinator || !quorum)
        return;

    bool any_dead = false;
    for (auto const& member : m_view.members())
        any_dead |= member.node != self() && !is_reachable(member.node);
    auto next = any_dead ? m_view.try_clone() : Result<MembershipView>(Error::Canceled);
    if (!next.is_error()) {
        MembershipView view = next.release_value();
        for (auto const& member : m_view.members()) {
            if (member.node != self() && !is_reachable(member.node)) {
                view.remove(member.node);
                (void)view.add_departed(member.node, member.address);
            }
        }
        view.set_epoch(next_epoch());
        publish(std::move(view));
    }
    if (m_now - m_last_beacon >= m_config.beacon_interval_ms)
        send_beacon();
}

void MembershipProtocol::send_heartbeats()
{
    m_last_heartbeat = m_now;
    ClusterMessage heartbeat(ClusterMessageType::Heartbeat);
    heartbeat.stamp = m_view.stamp();
    heartbeat.load_milli = m_config.features.load_milli;
    heartbeat.partitioned = m_state == MembershipState::Partitioned;
    for (auto const& member : m_view.members()) {
        if (member.node != self())
            m_outbox.send_datagram(member.address, member.node, member.incarnation, heartbeat);
    }
}

void MembershipProtocol::send_beacon()
{
    m_last_beacon = m_now;
    ClusterMessage beacon(ClusterMessageType::Beacon);
    beacon.cluster_name = StringView(m_config.cluster_name);
    beacon.node = self();
    beacon.address = m_config.address;
    beacon.stamp = m_view.stamp();
    beacon.generation = m_view.generation();
    m_outbox.broadcast(beacon);
}

void MembershipProtocol::leave(u64 now_ms)
{
    m_now = now_ms;
    if (is_member()) {
        ClusterMessage leave(ClusterMessageType::Leave);
        for (auto const& member : m_view.members()) {
            if (member.node != self())
                m_outbox.send_datagram(member.address, member.node, member.incarnation, leave);
        }
        log(LogLevel::Info, "leaving the cluster");
    }
    enter(MembershipState::Left);
}

void MembershipProtocol::on_message(OpenedMessage const& opened, NetAddress from, u64 now_ms)
{
    if (!m_started || m_state == MembershipState::Left)
        return;
    m_now = now_ms;
    auto const& header = opened.header;
    // Addressed to an earlier (or later) life of this node.
    if (header.destination_incarnation && header.destination_incarnation != incarnation()) {
        ++m_counters.stale_dropped;
        return;
    }
    // From an earlier life of a member.
    if (auto const* member = m_view.find(header.sender);
        member && member->address == from && header.sender_incarnation < member->incarnation) {
        ++m_counters.stale_dropped;
        return;
    }
    auto const& message = opened.message;
    switch (message.type) {
    case ClusterMessageType::Beacon:
        handle_beacon(message);
        break;
    case ClusterMessageType::JoinRequest:
        handle_join_request(header, message);
        break;
    case ClusterMessageType::JoinAccept:
    case ClusterMessageType::ViewUpdate:
        handle_view(message);
        break;
    case ClusterMessageType::JoinRefused:
        handle_join_refused(header, message);
        break;
    case ClusterMessageType::Heartbeat:
        handle_heartbeat(header, message, from);
        break;
    case ClusterMessageType::Leave:
        handle_leave(header);
        break;
    default:
        break; // RPC never reaches here (ClusterNode routes it)
    }
}

void MembershipProtocol::handle_beacon(ClusterMessage const& message)
{
    if (message.cluster_name != StringView(m_config.cluster_name)) {
        ++m_counters.foreign_cluster;
        return;
    }
    m_heard_beacon = true;
    if (message.stamp.epoch > m_max_epoch_seen)
        m_max_epoch_seen = message.stamp.epoch;
    if (m_state == MembershipState::Discovering || m_state == MembershipState::Joining) {
        if (!m_target.known || message.stamp.epoch >= m_target.epoch) {
            bool retarget = !m_target.known || !(m_target.address == message.address);
            m_target = { message.node, message.address, message.stamp.epoch, true };
            if (m_state == MembershipState::Discovering) {
                enter(MembershipState::Joining);
                send_join_request(m_target.address);
            } else if (retarget) {
                send_join_request(m_target.address);
            }
        }
        return;
    }
    if (!is_member() || message.node == self())
        return;
    // A beacon comes from a coordinator with a quorum. A partitioned node also
    // joins one of another generation (a cluster founded again while this side
    // was cut off): it cannot make progress where it is.
    bool other_cluster = m_state == MembershipState::Partitioned && message.generation != m_view.generation();
    if (message.stamp.is_newer_than(m_view.stamp()) || other_cluster)
        pull_view_from(message.address);
}

void MembershipProtocol::refuse(NetAddress to, Incarnation incarnation, Error error)
{
    ++m_counters.joins_refused;
    ClusterMessage refused(ClusterMessageType::JoinRefused);
    refused.error = error;
    m_outbox.send_datagram(to, NodeId(), incarnation, refused);
}

void MembershipProtocol::send_view(MemberInfo const& member, ClusterMessageType type)
{
    ClusterMessage message(type);
    auto copy = m_view.try_clone();
    if (copy.is_error())
        return;
    message.view = copy.release_value();
    message.node = member.node;
    m_outbox.send_datagram(member.address, member.node, member.incarnation, message);
}

void MembershipProtocol::handle_join_request(ClusterMessageHeader const& header, ClusterMessage const& message)
{
    if (message.cluster_name != StringView(m_config.cluster_name)) {
        ++m_counters.foreign_cluster;
        return;
    }
    if (!is_member())
        return;
    Incarnation joiner = header.sender_incarnation;
    NodeId number = message.node;
    MemberInfo const* holder = number.is_valid() ? m_view.find(number) : m_view.find_by_address(message.address);

    // Already a member in this life: answer with the view (this is also how a
    // member that missed an update pulls it).
    if (holder && holder->incarnation == joiner && holder->address == message.address) {
        send_view(*holder, ClusterMessageType::JoinAccept);
        return;
    }
    if (!m_acting_coordinator || m_state != MembershipState::Member) {
        log(LogLevel::Debug, "join request ignored: not a coordinator with a quorum");
        return; // only a coordinator with a quorum changes the membership
    }
    // Incarnations only order the boots of one machine (one address).
    if (holder && holder->address == message.address && holder->incarnation > joiner) {
        log(LogLevel::Debug, "join request from an older incarnation ignored");
        ++m_counters.stale_dropped;
        return;
    }
    if (holder) {
        bool reboot = holder->address == message.address;
        bool gone = holder->node != self() && health_of(holder->node) != MemberHealth::Alive;
        if (holder->node == self() || (!reboot && !gone)) {
            char name[12];
            holder->node.format_name(name, sizeof(name));
            log(LogLevel::Warn, "refused a join asking for %s: held by a live node", name);
            refuse(message.address, joiner, Error::Exists);
            return;
        }
        number = holder->node;
    } else if (!number.is_valid()) {
        number = m_view.lowest_free_number();
        if (!number.is_valid()) {
            refuse(message.address, joiner, Error::NoSpace);
            return;
        }
    }

    auto next = m_view.try_clone();
    if (next.is_error())
        return;
    MembershipView view = next.release_value();
    // An earlier life of the joiner under another number goes too.
    if (auto const* old = view.find_by_address(message.address); old && old->node != number && old->node != self()
        && old->incarnation < joiner)
        view.remove(old->node);
    MemberInfo member { number, joiner, message.address, message.features };
    view.clear_departed(number, message.address);
    if (view.add_or_replace(member).is_error())
        return;
    view.set_epoch(next_epoch());
    ++m_counters.joins_admitted;
    char name[12];
    number.format_name(name, sizeof(name));
    log(LogLevel::Info, "admitted %s (view %llu)", name, (unsigned long long)view.epoch());
    publish(std::move(view));
    if (auto const* admitted = m_view.find(number))
        send_view(*admitted, ClusterMessageType::JoinAccept);
}

void MembershipProtocol::handle_join_refused(ClusterMessageHeader const& header, ClusterMessage const& message)
{
    (void)header;
    if (m_state != MembershipState::Joining)
        return;
    ++m_counters.joins_refused;
    log(LogLevel::Warn, "join refused: %s", error_name(message.error));
    // A number the coordinator once assigned is only a preference: ask for any.
    // A configured number (node=N) stays; the operator must fix the duplicate.
    if (message.error == Error::Exists && m_config.requested_node.is_none())
        m_rejoin_number = NodeId();
}

void MembershipProtocol::handle_view(ClusterMessage const& message)
{
    MembershipView const& offered = message.view;
    if (offered.epoch() > m_max_epoch_seen)
        m_max_epoch_seen = offered.epoch();
    MemberInfo const* me = nullptr;
    for (auto const& member : offered.members()) {
        if (member.incarnation == incarnation() && member.address == m_config.address)
            me = &member;
    }
    // A partitioned node cannot make progress: it takes any view at least as
    // recent as its own, even one that loses the stamp order.
    bool acceptable = offered.stamp().is_newer_than(m_view.stamp())
        || (m_state == MembershipState::Partitioned
            && (offered.epoch() >= m_view.epoch() || offered.generation() != m_view.generation()));
    if (is_member()) {
        if (!acceptable || offered.same_membership(m_view))
            return;
    } else if (m_state != MembershipState::Joining && m_state != MembershipState::Discovering) {
        return;
    }
    if (!me) {
        if (is_member()) {
            // Removed while alive (false suspicion, or the minority side of a
            // partition that healed): join again under the same number.
            log(LogLevel::Warn, "not in view %llu: rejoining", (unsigned long long)offered.epoch());
            m_rejoin_number = self();
            if (auto const* coordinator = offered.find(offered.coordinator()))
                m_target = { coordinator->node, coordinator->address, offered.epoch(), true };
            for (auto const& member : m_view.members())
                m_detector.forget(member.node);
            m_view = MembershipView();
            m_view.set_epoch(0);
            m_outbox.set_self(NodeId());
            m_acting_coordinator = false;
            enter(MembershipState::Joining);
            send_join_request(m_target.address);
        }
        return;
    }
    auto copy = offered.try_clone();
    if (copy.is_error())
        return;
    m_outbox.set_self(me->node);
    m_rejoin_number = me->node;
    m_target = {};
    if (!is_member())
        enter(MembershipState::Member);
    install(copy.release_value());
}

void MembershipProtocol::handle_heartbeat(ClusterMessageHeader const& header, ClusterMessage const& message, NetAddress from)
{
    if (!is_member()) {
        // Addressed to this very boot: the sender's view has us. We missed the
        // view that admitted us; ask the sender for it.
        if (m_state != MembershipState::Left && header.destination_incarnation == incarnation())
            pull_view_from(from);
        return;
    }
    if (message.stamp.epoch > m_max_epoch_seen)
        m_max_epoch_seen = message.stamp.epoch;
    auto* member = m_view.find(header.sender);
    if (member && member->incarnation == header.sender_incarnation) {
        m_detector.heard(member->node, m_now);
        member->features.load_milli = message.load_milli;
        if (message.stamp.is_newer_than(m_view.stamp()))
            pull_view_from(from);
        else if (m_view.stamp().is_newer_than(message.stamp) && m_acting_coordinator)
            send_view(*member, ClusterMessageType::ViewUpdate);
        return;
    }
    if (message.stamp.is_newer_than(m_view.stamp())) {
        pull_view_from(from);
    } else if (m_acting_coordinator && header.sender.is_valid()) {
        // It believes it is a member of a view we replaced: show it ours.
        MemberInfo stranger { header.sender, header.sender_incarnation, from, {} };
        send_view(stranger, ClusterMessageType::ViewUpdate);
    }
}

void MembershipProtocol::handle_leave(ClusterMessageHeader const& header)
{
    auto const* member = m_view.find(header.sender);
    if (!member || member->incarnation != header.sender_incarnation || member->node == self())
        return;
    m_detector.mark_dead(member->node);
    if (!m_left.find_if([&](NodeId node) { return node == member->node; }))
        (void)m_left.try_append(member->node);
}

void MembershipProtocol::publish(MembershipView&& view)
{
    view.set_creator(self(), incarnation());
    install(std::move(view));
    for (auto const& member : m_view.members()) {
        if (member.node != self())
            send_view(member, ClusterMessageType::ViewUpdate);
    }
}

void MembershipProtocol::install(MembershipView&& view)
{
    for (auto const& old : m_view.members()) {
        auto const* now = view.find(old.node);
        if (now && now->incarnation == old.incarnation)
            continue;
        bool left = false;
        for (usize i = 0; i < m_left.size(); ++i) {
            if (m_left[i] == old.node) {
                left = true;
                m_left.unstable_remove(i);
                break;
            }
        }
        m_detector.forget(old.node);
        if (old.node != self()) {
            m_outbox.transport().disconnect(old.node);
            ++m_counters.members_removed;
            m_events.on_member_removed(old.node, old.incarnation, left);
        }
    }
    for (auto const& member : view.members()) {
        if (member.node == self() || m_detector.is_watched(member.node))
            continue;
        (void)m_detector.watch(member.node, m_now);
        m_outbox.transport().connect(member.node, member.address);
    }
    m_view = std::move(view);
    if (m_view.epoch() > m_max_epoch_seen)
        m_max_epoch_seen = m_view.epoch();
    ++m_counters.views_installed;
    m_events.on_view_changed(m_view, self());
}
