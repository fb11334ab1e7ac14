// MembershipView and NodeFeatures: the data of one membership epoch and the
// placement queries over it.
#include "kernel/cluster/membership_view.h"

#include "kernel/lib/format.h"
#include "kernel/lib/string.h"

void NodeFeatures::add_cpu_feature(CpuFeature feature)
{
    usize index = usize(feature);
    cpu_bits[index / 64] |= u64(1) << (index % 64);
}

bool NodeFeatures::has_cpu_feature(CpuFeature feature) const
{
    usize index = usize(feature);
    return index < CpuFeatures::FEATURE_COUNT && (cpu_bits[index / 64] >> (index % 64)) & 1;
}

void NodeFeatures::add_cpu_feature_names(StringView names)
{
    for (StringView name : names.split(' ')) {
        if (auto feature = CpuFeatures::from_name(name))
            add_cpu_feature(*feature);
    }
}

void NodeFeatures::add_from(CpuFeatures const& features)
{
    features.for_each([this](CpuFeature feature) { add_cpu_feature(feature); });
}

usize NodeFeatures::format_cpu_features(char* buffer, usize size) const
{
    usize length = 0;
    if (size)
        buffer[0] = '\0';
    for (usize i = 0; i < CpuFeatures::FEATURE_COUNT; ++i) {
        if (!has_cpu_feature(CpuFeature(i)))
            continue;
        StringView name = CpuFeatures::name_of(CpuFeature(i));
        length += format(length < size ? buffer + length : nullptr, length < size ? size - length : 0, "%s%.*s",
            length ? " " : "", int(name.length()), name.characters());
    }
    return length;
}

Result<void> NodeFeatures::set_tags(StringView text)
{
    if (text.length() > MAX_TAGS_TEXT)
        return Error::InvalidArgument;
    memset(tags, 0, sizeof(tags));
    if (text.length())
        memcpy(tags, text.characters(), text.length());
    return {};
}

bool NodeFeatures::has_tag(StringView tag) const
{
    if (tag.is_empty())
        return false;
    for (StringView part : StringView(tags).split(',')) {
        if (part.trim_whitespace() == tag)
            return true;
    }
    return false;
}

bool NodeFeatures::has(StringView name) const
{
    if (auto feature = CpuFeatures::from_name(name); feature && has_cpu_feature(*feature))
        return true;
    return has_tag(name);
}

bool NodeFeatures::same_as(NodeFeatures const& other) const
{
    return memcmp(cpu_bits, other.cpu_bits, sizeof(cpu_bits)) == 0 && cpu_count == other.cpu_count
        && memory_mib == other.memory_mib && strcmp(tags, other.tags) == 0;
}

Result<MembershipView> MembershipView::try_clone() const
{
    MembershipView copy;
    copy.m_epoch = m_epoch;
    copy.m_generation = m_generation;
    copy.m_creator = m_creator;
    copy.m_creator_incarnation = m_creator_incarnation;
    copy.m_members = TRY(m_members.try_clone());
    copy.m_departed = TRY(m_departed.try_clone());
    return copy;
}

NodeId MembershipView::coordinator() const { return m_members.is_empty() ? NodeId() : m_members[0].node; }

MemberInfo const* MembershipView::find(NodeId node) const { return const_cast<MembershipView*>(this)->find(node); }

MemberInfo* MembershipView::find(NodeId node)
{
    return m_members.find_if([node](MemberInfo const& member) { return member.node == node; });
}

MemberInfo const* MembershipView::find_by_address(NetAddress address) const
{
    for (auto const& member : m_members) {
        if (member.address == address)
            return &member;
    }
    return nullptr;
}

Result<void> MembershipView::add_or_replace(MemberInfo const& member)
{
    if (!member.node.is_valid())
        return Error::InvalidArgument;
    usize index = 0;
    while (index < m_members.size() && m_members[index].node < member.node)
        ++index;
    if (index < m_members.size() && m_members[index].node == member.node) {
        m_members[index] = member;
        return {};
    }
    return m_members.try_insert(index, member);
}

bool MembershipView::remove(NodeId node)
{
    for (usize i = 0; i < m_members.size(); ++i) {
        if (m_members[i].node == node) {
            m_members.remove(i);
            return true;
        }
    }
    return false;
}

NodeId MembershipView::lowest_free_number() const
{
    auto reserved = [this](u16 n) {
        for (auto const& departed : m_departed) {
            if (departed.node.value() == n)
                return true;
        }
        return false;
    };
    NodeId fallback;
    usize next_member = 0;
    for (u16 n = 1; n <= NodeId::MAX; ++n) {
        if (next_member < m_members.size() && m_members[next_member].node.value() == n) {
            ++next_member;
            continue;
        }
        if (!reserved(n))
            return NodeId(n);
        if (fallback.is_none())
            fallback = NodeId(n);
    }
    return fallback;
}

Result<void> MembershipView::add_departed(NodeId node, NetAddress address)
{
    clear_departed(node, address);
    if (m_departed.size() >= MAX_DEPARTED)
        m_departed.remove(0);
    return m_departed.try_append(DepartedMember { node, address });
}

void MembershipView::clear_departed(NodeId node, NetAddress address)
{
    for (usize i = 0; i < m_departed.size();) {
        if (m_departed[i].node == node || m_departed[i].address == address)
            m_departed.remove(i);
        else
            ++i;
    }
}

NodeFeatures const* MembershipView::features_of(NodeId node) const
{
    auto const* member = find(node);
    return member ? &member->features : nullptr;
}

bool MembershipView::has_feature(NodeId node, StringView name) const
{
    auto const* features = features_of(node);
    return features && features->has(name);
}

bool MembershipView::same_membership(MembershipView const& other) const
{
    if (!(stamp() == other.stamp()) || m_generation != other.m_generation || m_members.size() != other.m_members.size())
        return false;
    for (usize i = 0; i < m_members.size(); ++i) {
        auto const& a = m_members[i];
        auto const& b = other.m_members[i];
        if (a.node != b.node || a.incarnation != b.incarnation || !(a.address == b.address))
            return false;
    }
    return true;
}
