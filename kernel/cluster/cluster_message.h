// The cluster wire format, version 1: every message between nodes (discovery,
// membership, RPC) is one sealed envelope
//
//   offset  size  field
//        0     4  magic "UNUM" (0x4d554e55 little-endian)
//        4     1  version (1)
//        5     1  type (ClusterMessageType)
//        6     2  flags (0; anything else is rejected)
//        8     2  sender node (0 while joining)
//       10     2  destination node (0: broadcast / not yet numbered)
//       12     4  body length
//       16     8  sender incarnation
//       24     8  destination incarnation (0: any)
//       32     8  sequence number (per sender incarnation and channel, from 1)
//       40     n  body (per type, below)
//     40+n    32  authentication tag over bytes [0, 40+n) under the cluster key
//
// all integers little-endian. This file holds the header and body codecs;
// MessageSealer adds and checks the tag and sequence. Decoded views into the
// input (payload, cluster name) stay valid only while the input bytes do.
#pragma once

#include "kernel/cluster/membership_view.h"
#include "kernel/cluster/node_identity.h"
#include "kernel/cluster/wire_buffer.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

enum class ClusterMessageType : u8 {
    Beacon = 1,      // coordinator -> LAN broadcast: here is cluster NAME, coordinator, epoch
    JoinRequest = 2, // joiner -> coordinator: admit me (with my number, or assign one)
    JoinAccept = 3,  // coordinator -> joiner: your number and the view
    JoinRefused = 4, // coordinator -> joiner: an error code (Exists: number held by a live node)
    ViewUpdate = 5,  // coordinator -> members: the new view
    Heartbeat = 6,   // member -> member: alive, my epoch and load
    Leave = 7,       // member -> members: I am going away cleanly
    RpcRequest = 8,
    RpcResponse = 9,
    RpcError = 10,
};

constexpr bool is_rpc_message(ClusterMessageType type)
{
    return type == ClusterMessageType::RpcRequest || type == ClusterMessageType::RpcResponse
        || type == ClusterMessageType::RpcError;
}

struct ClusterMessageHeader {
    static constexpr u32 MAGIC = 0x4d554e55;
    static constexpr u8 VERSION = 1;
    static constexpr usize SIZE = 40;

    ClusterMessageType type { ClusterMessageType::Heartbeat };
    NodeId sender;
    NodeId destination;
    u32 body_length { 0 };
    Incarnation sender_incarnation { 0 };
    Incarnation destination_incarnation { 0 };
    u64 sequence { 0 };

    void encode(u8* out) const;
    // BadMessage for a wrong magic, flags, unknown type or out-of-range node;
    // Protocol for a version this code does not speak.
    static Result<ClusterMessageHeader> decode(u8 const* bytes, usize size);
};

inline constexpr usize CLUSTER_TAG_SIZE = 32;
inline constexpr usize CLUSTER_ENVELOPE_OVERHEAD = ClusterMessageHeader::SIZE + CLUSTER_TAG_SIZE;
// Largest sealed message (and stream frame payload) a node accepts: a view of a
// few thousand members, or an RPC with a 64 KiB payload, fits with room to spare.
inline constexpr usize CLUSTER_MAX_MESSAGE = 1 * MiB;
inline constexpr usize CLUSTER_MAX_RPC_PAYLOAD = 64 * KiB;
inline constexpr usize CLUSTER_MAX_NAME = 64;

// One decoded message body. Only the fields of its type are meaningful.
struct ClusterMessage {
    ClusterMessageType type { ClusterMessageType::Heartbeat };

    // Beacon, JoinRequest
    StringView cluster_name;
    // Beacon: the coordinator; JoinRequest: the requested number (none: assign);
    // JoinAccept: the assigned number.
    NodeId node;
    NetAddress address; // Beacon: coordinator's; JoinRequest: the joiner's
    ViewStamp stamp;    // Beacon, Heartbeat: the sender's view
    u64 generation { 0 }; // Beacon: the sender's view generation
    NodeFeatures features; // JoinRequest
    MembershipView view;   // JoinAccept, ViewUpdate
    Error error { Error::None }; // JoinRefused, RpcError
    u32 load_milli { 0 };  // Heartbeat
    bool partitioned { false }; // Heartbeat: sender has no quorum

    // RPC
    u64 call_id { 0 };
    u16 service { 0 };
    u16 method { 0 };
    u8 const* payload { nullptr };
    usize payload_size { 0 };

    ClusterMessage() = default;
    explicit ClusterMessage(ClusterMessageType message_type)
        : type(message_type)
    {
    }
};

// Appends the body of message (per its type) to writer.
Result<void> encode_cluster_body(ClusterMessage const& message, WireWriter& writer);
// Parses exactly size bytes as a body of type; BadMessage for anything malformed
// (short, trailing bytes, out-of-range numbers, unsorted or duplicate members).
Result<ClusterMessage> decode_cluster_body(ClusterMessageType type, u8 const* bytes, usize size);

// View codec on its own (used inside JoinAccept and ViewUpdate, and by tests).
void encode_view(MembershipView const& view, WireWriter& writer);
Result<MembershipView> decode_view(WireReader& reader);

// Error codes on the wire are the errno values; unknown ones decode as Protocol.
Error error_from_wire(u32 value);
