// DhcpLeaseTable: which client holds which address, until when, and which
// address a client gets next. One slot per address the server may hand out (the
// dynamic range, then the fixed hosts), allocated up front, so nothing here
// allocates after create() except leases(). Leases are keyed by the client's
// hardware address, not its client identifier (option 61): the PXE ROM, GRUB
// and the kernel's own DHCP client send different identifiers, or none, and
// should all get the same address. Portable; not synchronised (the server's
// caller serialises every call).
#pragma once

#include <optional>

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/lib/vector.h"
#include "net/bootserver/dhcp_config.h"

namespace net {

enum class DhcpLeaseState : u8 {
    Free,     // may be handed out; may remember its last client
    Offered,  // held for a client between OFFER and REQUEST
    Bound,    // acknowledged
    Declined, // a client found it in use (DECLINE): kept from everyone for a while
};

// "free", "offered", "bound", "declined".
char const* dhcp_lease_state_name(DhcpLeaseState state);

// One line of the lease listing.
struct DhcpLeaseInfo {
    MacAddress mac; // all zeros for a declined address of the range
    Ipv4Address address;
    DhcpLeaseState state = DhcpLeaseState::Free;
    u64 seconds_left = 0; // rounded up
    bool fixed = false;   // a dhcp_hosts address
};

// Room for the longest line format_dhcp_lease_line() can produce.
inline constexpr usize DHCP_LEASE_LINE_CAPACITY = 128;

// Writes, with its '\n', NUL-terminated:
//   mac=52:54:00:00:00:02 address=10.77.0.2 state=bound seconds_left=3599 kind=fixed
// (kind=dynamic for the range). Returns its length; NoSpace when capacity is too small.
Result<usize> format_dhcp_lease_line(DhcpLeaseInfo const& lease, char* buffer, usize capacity);

class DhcpLeaseTable {
public:
    // A fresh offer is held this long for the client's REQUEST.
    static constexpr u64 OFFER_HOLD_MS = 60 * 1000;
    // A declined address stays out of use this long.
    static constexpr u64 DECLINE_HOLD_MS = 10 * 60 * 1000;

    // config must already be valid (validate_dhcp_server_config). NoMemory.
    static Result<DhcpLeaseTable> create(DhcpServerConfig const& config);

    // Frees every offer, lease and decline whose time ran out by now_ms.
    void expire(u64 now_ms);

    // The address to offer mac: its fixed address if it has one (nothing while
    // that is declined), else its current or previous lease if still free, else
    // requested if that is free in the range, else the lowest free address no
    // client used before, else the free one whose last client left longest ago.
    // Nothing when the range is exhausted.
    std::optional<Ipv4Address> choose(MacAddress mac, std::optional<Ipv4Address> requested) const;

    // Whether mac may have address now: its fixed address (when it has one and it
    // is not declined), or an address of the range that is free or already mac's.
    bool can_assign(MacAddress mac, Ipv4Address address) const;

    // Records address (can_assign must hold) as offered to (Offered) or bound to
    // (Bound) mac until until_ms; any other address mac held in the range is freed
    // and forgotten. An offer of the address mac is bound to leaves the lease alone
    // (a client that lost its state and starts over keeps its lease meanwhile).
    void hold(MacAddress mac, Ipv4Address address, DhcpLeaseState state, u64 until_ms);

    // Frees address if mac holds it (offered or bound); false otherwise.
    bool release(MacAddress mac, Ipv4Address address);
    // Frees the offer mac holds, if any (it chose another server).
    void withdraw_offer(MacAddress mac);
    // Marks address, if mac holds it, unusable until until_ms; false otherwise.
    bool decline(MacAddress mac, Ipv4Address address, u64 until_ms);

    // Every offer, lease and decline still running at now_ms: the fixed hosts' in
    // dhcp_hosts order, then the range's in address order. NoMemory.
    Result<Vector<DhcpLeaseInfo>> leases(u64 now_ms) const;

private:
    struct Slot {
        MacAddress mac; // the holder, or the last holder of a free slot (zero: none)
        Ipv4Address address;
        DhcpLeaseState state = DhcpLeaseState::Free;
        bool fixed = false;
        bool reserved = false; // in the range but some host's fixed address, or the router
        u64 until_ms = 0;      // when an offered, bound or declined slot frees
    };

    DhcpLeaseTable() = default;
    Slot* slot_for(Ipv4Address address);
    Slot const* slot_for(Ipv4Address address) const;
    Slot const* fixed_slot_for(MacAddress mac) const;
    usize range_size() const { return m_range ? m_range->size() : 0; }

    std::optional<DhcpAddressRange> m_range;
    // m_range's addresses in order, then each fixed host's, block by block.
    Vector<Slot> m_slots;
    // The fixed host blocks, for finding a MAC's slot.
    Vector<DhcpHostBlock> m_hosts;
};

} // namespace net
