// Who a cluster node is: its number (1..4095, 12 bits, so PIDs of the form
// node * PIDS_PER_NODE + serial fit an int and names fit "node4095"), the
// incarnation of its current boot, and its network address. Portable.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

// A node number. 0 means "none yet" (a joining node that asked the coordinator
// to assign one); valid numbers are 1..MAX.
class NodeId {
public:
    static constexpr u16 MAX = 4095;

    constexpr NodeId() = default;
    constexpr explicit NodeId(u16 value)
        : m_value(value)
    {
    }
    constexpr u16 value() const { return m_value; }
    constexpr bool is_valid() const { return m_value >= 1 && m_value <= MAX; }
    constexpr bool is_none() const { return m_value == 0; }
    constexpr bool operator==(NodeId const&) const = default;
    constexpr auto operator<=>(NodeId const&) const = default;

    // Parses "3" or "node3"; InvalidArgument unless the result is 1..MAX.
    static Result<NodeId> parse(StringView text);
    // Writes "node<N>" (NUL-terminated); returns the length. 10 bytes always suffice.
    usize format_name(char* buffer, usize size) const;

private:
    u16 m_value { 0 };
};

// Which boot of a node. Strictly larger on every boot of the same node (the glue
// derives it from the real-time clock at boot in milliseconds), so a message or a
// view entry from an older incarnation is recognisably stale. 0 means unknown.
using Incarnation = u64;

// An IPv4 address and UDP/TCP port, host byte order.
struct NetAddress {
    u32 ipv4 { 0 };
    u16 port { 0 };
    constexpr bool operator==(NetAddress const&) const = default;
};
