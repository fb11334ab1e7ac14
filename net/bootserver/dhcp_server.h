// DhcpServer: the DHCP half of the boot services (issue 6). It turns each
// datagram a client sent to UDP port 67 into at most one reply (OFFER, ACK or
// NAK) and says where that goes; the kernel glue owns the socket. Replies carry
// next-server (siaddr), the TFTP server (66) and the boot file (`file` and 67)
// chosen by the client's architecture (93). The server is authoritative for its
// subnet: it NAKs requests for addresses it cannot give (the client then starts
// over with DISCOVER) rather than staying silent. Relayed requests (giaddr set)
// are ignored: the cluster LAN is one segment. Portable and fuzzed
// (tests/fuzz/dhcp_message_fuzz.cpp).
//
// Not synchronised: the caller serialises handle(), leases() and counters()
// (one thread, or a mutex; handle() does not allocate, leases() does).
#pragma once

#include <optional>

#include "kernel/lib/own_ptr.h"
#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"
#include "kernel/lib/vector.h"
#include "net/bootserver/dhcp_config.h"
#include "net/bootserver/dhcp_lease_table.h"
#include "net/bootserver/dhcp_message.h"

namespace net {

// What the server counted since it was created.
struct DhcpServerCounters {
    u64 received = 0;  // every datagram handed to handle()
    u64 malformed = 0; // not decodable (short, bad options, no magic cookie)
    u64 ignored = 0;   // well-formed but not for this server (see handle())
    u64 exhausted = 0; // DISCOVERs that got no offer: no address left for them
    u64 offers = 0;
    u64 acks = 0;      // including those answering INFORM
    u64 naks = 0;
    u64 releases = 0;  // RELEASEs that freed a lease
    u64 declines = 0;  // DECLINEs that took an address out of use
};

// Room for the longest line format_dhcp_counters_line() can produce.
inline constexpr usize DHCP_COUNTERS_LINE_CAPACITY = 320;

// Writes, with its '\n', NUL-terminated:
//   received=N malformed=N ignored=N exhausted=N offers=N acks=N naks=N releases=N declines=N
// Returns its length; NoSpace when capacity is too small.
Result<usize> format_dhcp_counters_line(DhcpServerCounters const& counters, char* buffer, usize capacity);

// Where and what to send. size == 0: nothing (the request was ignored or needs
// no answer). Otherwise the reply is the first size bytes of the caller's
// buffer, to be sent from port 67 to destination:68 — 255.255.255.255 (as a
// link-layer broadcast) unless the client has an address (ciaddr: renewing,
// INFORM), and always for a NAK.
struct DhcpReply {
    usize size = 0;
    DhcpMessageType type = DhcpMessageType::None;
    Ipv4Address destination;
    u16 destination_port = DHCP_CLIENT_PORT;
    Ipv4Address address; // yiaddr: what was offered or acknowledged (0.0.0.0 for NAK, INFORM)

    bool has_reply() const { return size != 0; }
    bool is_broadcast() const { return destination == Ipv4Address { { 255, 255, 255, 255 } }; }
};

class DhcpServer {
public:
    // config is checked with validate_dhcp_server_config; InvalidArgument, NoMemory.
    static Result<OwnPtr<DhcpServer>> create(DhcpServerConfig config);

    // Handles one request (the UDP payload) received at now_ms (any clock that
    // never goes back), writing a reply into out. out_capacity should be at
    // least DHCP_MAX_MESSAGE_SIZE (replies are never longer); NoSpace otherwise
    // when a reply does not fit. BadMessage or Protocol for a datagram that does
    // not decode (counted as malformed). Ignored (counted), with no reply:
    // BOOTREPLYs, hardware other than Ethernet or a MAC that is zero or multicast,
    // relayed requests, messages without a type or of a type clients do not send,
    // a REQUEST/DECLINE/RELEASE naming another server (its offer was not taken),
    // and a REQUEST that is neither selecting, init-reboot, renewing nor rebinding.
    Result<DhcpReply> handle(u8 const* request, usize size, u64 now_ms, u8* out, usize out_capacity);

    // The lease listing (see DhcpLeaseTable::leases), as of now_ms. NoMemory.
    Result<Vector<DhcpLeaseInfo>> leases(u64 now_ms) const { return m_table.leases(now_ms); }
    DhcpServerCounters const& counters() const { return m_counters; }
    Ipv4Address server_address() const { return m_server_address; }

    // The boot file for a client architecture (option 93): absent or BIOS_X86 ->
    // the BIOS file; EFI_BC or EFI_X86_64 -> the UEFI file; anything else (EFI
    // IA32, ARM, Itanium...) -> none, because no image here would run on it: such
    // a client still gets an address but no boot file.
    StringView boot_file_for(std::optional<u16> architecture) const;

private:
    DhcpServer(DhcpServerConfig const& config, DhcpLeaseTable table);

    DhcpReply ignore();
    Result<DhcpReply> handle_discover(DhcpMessage const& request, u64 now_ms, u8* out, usize out_capacity);
    Result<DhcpReply> handle_request(DhcpMessage const& request, u64 now_ms, u8* out, usize out_capacity);
    Result<DhcpReply> handle_inform(DhcpMessage const& request, u8* out, usize out_capacity);
    // Builds the reply of type to request, giving address (for OFFER and ACK).
    Result<DhcpReply> reply(DhcpMessage const& request, DhcpMessageType type, Ipv4Address address, u8* out,
        usize out_capacity);
    bool names_other_server(DhcpMessage const& request) const;

    static constexpr usize NAME_CAPACITY = 128;

    Ipv4Address m_server_address;
    u8 m_prefix_length;
    Ipv4Address m_router;
    u32 m_lease_seconds;
    char m_bios_boot_file[NAME_CAPACITY] = {};
    char m_uefi_boot_file[NAME_CAPACITY] = {};
    char m_server_name[NAME_CAPACITY] = {};
    char m_server_address_text[16] = {}; // option 66
    DhcpLeaseTable m_table;
    DhcpServerCounters m_counters;
};

} // namespace net
