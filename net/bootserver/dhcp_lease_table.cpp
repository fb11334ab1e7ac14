// The DHCP server's lease table (see dhcp_lease_table.h): a slot per address,
// searched linearly (a few thousand at most, and DHCP traffic is light).
#include "net/bootserver/dhcp_lease_table.h"

#include "kernel/lib/format.h"
#include "kernel/panic.h"

namespace net {

namespace {

bool is_held(DhcpLeaseState state) { return state == DhcpLeaseState::Offered || state == DhcpLeaseState::Bound; }

} // namespace

char const* dhcp_lease_state_name(DhcpLeaseState state)
{
    switch (state) {
    case DhcpLeaseState::Free:
        return "free";
    case DhcpLeaseState::Offered:
        return "offered";
    case DhcpLeaseState::Bound:
        return "bound";
    case DhcpLeaseState::Declined:
        return "declined";
    }
    return "free";
}

Result<usize> format_dhcp_lease_line(DhcpLeaseInfo const& lease, char* buffer, usize capacity)
{
    u8 const* mac = lease.mac.bytes;
    u8 const* address = lease.address.octets;
    usize length = format(buffer, capacity,
        "mac=%02x:%02x:%02x:%02x:%02x:%02x address=%u.%u.%u.%u state=%s seconds_left=%llu kind=%s\n", mac[0],
        mac[1], mac[2], mac[3], mac[4], mac[5], address[0], address[1], address[2], address[3],
        dhcp_lease_state_name(lease.state), static_cast<unsigned long long>(lease.seconds_left),
        lease.fixed ? "fixed" : "dynamic");
    if (length >= capacity)
        return Error::NoSpace;
    return length;
}

Result<DhcpLeaseTable> DhcpLeaseTable::create(DhcpServerConfig const& config)
{
    DhcpLeaseTable table;
    table.m_range = config.range;
    TRY(table.m_slots.try_reserve(table.range_size() + config.fixed_host_count()));
    TRY(table.m_hosts.try_reserve(config.hosts.size()));
    for (u32 i = 0; i < table.range_size(); ++i) {
        Slot slot;
        slot.address = Ipv4Address::from_u32(table.m_range->first.to_u32() + i);
        slot.reserved = config.is_fixed_address(slot.address) || slot.address == config.router;
        TRY(table.m_slots.try_append(slot));
    }
    for (DhcpHostBlock const& block : config.hosts) {
        TRY(table.m_hosts.try_append(block));
        for (u32 i = 0; i < block.count; ++i) {
            Slot slot;
            slot.mac = block.mac_at(i);
            slot.address = block.address_at(i);
            slot.fixed = true;
            TRY(table.m_slots.try_append(slot));
        }
    }
    return table;
}

DhcpLeaseTable::Slot const* DhcpLeaseTable::slot_for(Ipv4Address address) const
{
    usize offset = range_size();
    for (DhcpHostBlock const& block : m_hosts) {
        if (auto index = block.index_of_address(address))
            return &m_slots[offset + *index];
        offset += block.count;
    }
    if (!m_range || !m_range->contains(address))
        return nullptr;
    Slot const& slot = m_slots[address.to_u32() - m_range->first.to_u32()];
    return slot.reserved ? nullptr : &slot;
}

DhcpLeaseTable::Slot* DhcpLeaseTable::slot_for(Ipv4Address address)
{
    return const_cast<Slot*>(static_cast<DhcpLeaseTable const*>(this)->slot_for(address));
}

DhcpLeaseTable::Slot const* DhcpLeaseTable::fixed_slot_for(MacAddress mac) const
{
    usize offset = range_size();
    for (DhcpHostBlock const& block : m_hosts) {
        if (auto index = block.index_of_mac(mac))
            return &m_slots[offset + *index];
        offset += block.count;
    }
    return nullptr;
}

void DhcpLeaseTable::expire(u64 now_ms)
{
    for (Slot& slot : m_slots) {
        if (slot.state == DhcpLeaseState::Free || now_ms < slot.until_ms)
            continue;
        // A lapsed lease remembers its client, who may come back for it.
        if (slot.state == DhcpLeaseState::Declined && !slot.fixed)
            slot.mac = {};
        slot.state = DhcpLeaseState::Free;
    }
}

std::optional<Ipv4Address> DhcpLeaseTable::choose(MacAddress mac, std::optional<Ipv4Address> requested) const
{
    if (Slot const* fixed = fixed_slot_for(mac)) {
        if (fixed->state == DhcpLeaseState::Declined)
            return std::nullopt;
        return fixed->address;
    }
    usize range = range_size();
    for (usize i = 0; i < range; ++i) {
        Slot const& slot = m_slots[i];
        if (!slot.reserved && slot.mac == mac && slot.state != DhcpLeaseState::Declined)
            return slot.address;
    }
    if (requested && can_assign(mac, *requested))
        return requested;
    Slot const* oldest = nullptr;
    for (usize i = 0; i < range; ++i) {
        Slot const& slot = m_slots[i];
        if (slot.reserved || slot.state != DhcpLeaseState::Free)
            continue;
        if (slot.mac == MacAddress {})
            return slot.address;
        if (!oldest || slot.until_ms < oldest->until_ms)
            oldest = &slot;
    }
    if (oldest)
        return oldest->address;
    return std::nullopt;
}

bool DhcpLeaseTable::can_assign(MacAddress mac, Ipv4Address address) const
{
    if (Slot const* fixed = fixed_slot_for(mac))
        return fixed->address == address && fixed->state != DhcpLeaseState::Declined;
    if (!m_range || !m_range->contains(address))
        return false;
    Slot const& slot = m_slots[address.to_u32() - m_range->first.to_u32()];
    if (slot.reserved)
        return false;
    return slot.state == DhcpLeaseState::Free || (is_held(slot.state) && slot.mac == mac);
}

void DhcpLeaseTable::hold(MacAddress mac, Ipv4Address address, DhcpLeaseState state, u64 until_ms)
{
    Slot* slot = slot_for(address);
    KASSERT(slot && is_held(state));
    if (!slot->fixed) {
        // One address per client: whatever else it held or last held is let go.
        for (usize i = 0; i < range_size(); ++i) {
            Slot& other = m_slots[i];
            if (&other != slot && other.mac == mac && other.state != DhcpLeaseState::Declined) {
                other.state = DhcpLeaseState::Free;
                other.mac = {};
            }
        }
    }
    if (state == DhcpLeaseState::Offered && slot->state == DhcpLeaseState::Bound && slot->mac == mac)
        return;
    slot->mac = mac;
    slot->state = state;
    slot->until_ms = until_ms;
}

bool DhcpLeaseTable::release(MacAddress mac, Ipv4Address address)
{
    Slot* slot = slot_for(address);
    if (!slot || slot->mac != mac || !is_held(slot->state))
        return false;
    slot->state = DhcpLeaseState::Free;
    return true;
}

void DhcpLeaseTable::withdraw_offer(MacAddress mac)
{
    for (Slot& slot : m_slots) {
        if (slot.mac == mac && slot.state == DhcpLeaseState::Offered)
            slot.state = DhcpLeaseState::Free;
    }
}

bool DhcpLeaseTable::decline(MacAddress mac, Ipv4Address address, u64 until_ms)
{
    Slot* slot = slot_for(address);
    if (!slot || slot->mac != mac || !is_held(slot->state))
        return false;
    slot->state = DhcpLeaseState::Declined;
    slot->until_ms = until_ms;
    if (!slot->fixed)
        slot->mac = {};
    return true;
}

Result<Vector<DhcpLeaseInfo>> DhcpLeaseTable::leases(u64 now_ms) const
{
    Vector<DhcpLeaseInfo> out;
    auto add = [&](Slot const& slot) -> Result<void> {
        if (slot.state == DhcpLeaseState::Free || slot.until_ms <= now_ms)
            return {}; // free, or free at the next expire()
        DhcpLeaseInfo info;
        info.mac = slot.mac;
        info.address = slot.address;
        info.state = slot.state;
        u64 left_ms = slot.until_ms - now_ms; // positive: the slot would be free otherwise
        info.seconds_left = left_ms / 1000 + (left_ms % 1000 != 0);
        info.fixed = slot.fixed;
        return out.try_append(info);
    };
    for (usize i = range_size(); i < m_slots.size(); ++i)
        TRY(add(m_slots[i]));
    for (usize i = 0; i < range_size(); ++i)
        TRY(add(m_slots[i]));
    return out;
}

} // namespace net
