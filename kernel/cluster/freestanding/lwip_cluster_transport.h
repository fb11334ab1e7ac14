// LwipClusterTransport: ClusterTransport on lwIP netconns (docs/cluster.md,
// "The kernel glue"). UDP port 7077 carries datagrams and subnet broadcasts;
// TCP port 7078 carries one framed stream per pair of members, opened by the
// lower node number. Every netconn is non-blocking: poll() drains what arrived,
// advances connects and flushes what is queued, and returns at once, so a dead
// or silent peer never stalls the cluster thread. Kernel-only.
// Not thread-safe: the cluster thread calls everything (poll and the
// ClusterTransport calls the ClusterNode makes from inside it).
#pragma once

#include "kernel/cluster/cluster_node.h"
#include "kernel/cluster/cluster_transport.h"
#include "kernel/cluster/frame_stream_decoder.h"
#include "kernel/lib/result.h"
#include "kernel/lib/vector.h"

struct netconn;
class Semaphore;

class LwipClusterTransport final : public ClusterTransport {
public:
    static constexpr u16 DATAGRAM_PORT = 7077;
    static constexpr u16 STREAM_PORT = 7078;
    static constexpr usize MAX_PEERS = 64;

    // Binds UDP 7077 (broadcast enabled) and listens on TCP 7078. broadcast_ipv4
    // (host order) is where broadcast() sends. NetworkDown, NoBufferSpace, AddressInUse.
    // Every netconn posts wakeup (from the tcpip thread) when something arrives,
    // becomes writable or fails, so the cluster thread need not wait for its tick.
    Result<void> open(u32 broadcast_ipv4, Semaphore& wakeup);
    // Feeds node with everything that arrived; never blocks.
    void poll(ClusterNode& node, u64 now_ms);

    void broadcast(u8 const* bytes, usize size) override;
    void send_datagram(NetAddress to, u8 const* bytes, usize size) override;
    void send_stream(NodeId to, u8 const* bytes, usize size) override;
    void connect(NodeId node, NetAddress address) override;
    void disconnect(NodeId node) override;

private:
    struct Peer {
        Peer()
            : decoder(CLUSTER_MAX_MESSAGE)
        {
        }
        NodeId node;
        NetAddress address;
        netconn* connection { nullptr };
        bool wanted { false };
        bool connecting { false };
        bool up { false };
        bool down_pending { false }; // a lost connection not yet reported to the node
        u64 retry_at { 0 };
        Vector<u8> outgoing;
        FrameStreamDecoder decoder;
    };

    // A connection accepted from an address no wanted peer has yet: most often
    // a member that took in a view before this node did. It is held for up to
    // HOLD_MS for the view to arrive here, instead of being refused (which cost
    // the other side a reconnect a second later); then it is closed.
    struct HeldConnection {
        netconn* connection { nullptr };
        u32 ipv4 { 0 };
        u64 until_ms { 0 };
    };
    static constexpr usize MAX_HELD = 8;
    static constexpr u64 HOLD_MS = 3000;

    Peer* find(NodeId node);
    Peer* find_by_ipv4(u32 ipv4);
    void poll_datagrams(ClusterNode& node, u64 now_ms);
    void poll_accepts(ClusterNode& node, u64 now_ms);
    // Hands held connections to peers that are wanted now; closes expired ones.
    void poll_held(ClusterNode& node, u64 now_ms);
    // False when every hold slot is taken.
    bool hold(netconn* connection, u32 ipv4, u64 now_ms);
    // An accepted connection becomes peer's stream.
    void adopt(Peer& peer, netconn* connection, ClusterNode& node);
    void poll_peer(Peer& peer, ClusterNode& node, u64 now_ms);
    void start_connect(Peer& peer, u64 now_ms);
    void receive(Peer& peer, ClusterNode& node, u64 now_ms);
    // False when the connection broke.
    bool flush(Peer& peer);
    // Closes the connection; the node hears on_connection_down at the next poll.
    void drop(Peer& peer, u64 now_ms);
    void send_udp(u32 ipv4, u16 port, u8 const* bytes, usize size);

    netconn* m_udp { nullptr };
    netconn* m_listener { nullptr };
    u32 m_broadcast_ipv4 { 0 };
    Peer m_peers[MAX_PEERS];
    HeldConnection m_held[MAX_HELD];
};
