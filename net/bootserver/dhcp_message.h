// DhcpMessage: one BOOTP/DHCP message (RFC 2131; options from RFC 2132 and the
// client architecture of RFC 4578) decoded from, or encoded into, the payload of
// a UDP datagram. The boot server reads requests and writes replies with it.
// Portable and fuzzed (tests/fuzz/dhcp_message_fuzz.cpp): the bytes come from
// anyone on the LAN, so whatever is malformed is an error, never a crash.
//
//   offset  size  field
//        0     1  op (1 request, 2 reply)
//        1     1  htype (1 Ethernet)
//        2     1  hlen (6 for Ethernet)
//        3     1  hops
//        4     4  xid, chosen by the client, echoed in the reply
//        8     2  secs
//       10     2  flags (0x8000: reply by broadcast)
//       12     4  ciaddr: the client's address when it has one (renewing, inform)
//       16     4  yiaddr: the address offered or acknowledged
//       20     4  siaddr: the next server (TFTP)
//       24     4  giaddr: the relay agent
//       28    16  chaddr: the client's hardware address
//       44    64  sname: server host name, NUL-terminated unless it fills the field
//      108   128  file: boot file name, likewise
//      236     4  magic cookie 99.130.83.99
//      240     n  options: code, length, value; code 0 is padding, 255 ends them
//
// all integers big-endian.
#pragma once

#include <optional>

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"
#include "net/device/net_device.h"
#include "net/stack/ip_config.h"

namespace net {

inline constexpr u16 DHCP_SERVER_PORT = 67;
inline constexpr u16 DHCP_CLIENT_PORT = 68;
inline constexpr usize DHCP_HEADER_SIZE = 236;     // up to the magic cookie
inline constexpr usize DHCP_OPTIONS_OFFSET = 240;  // after it
inline constexpr usize DHCP_MIN_MESSAGE_SIZE = 300; // BOOTP's size; encoded messages are padded to it
// The largest message every client must accept (RFC 2131 2): the server's replies
// fit, so this is the reply buffer the caller should offer.
inline constexpr usize DHCP_MAX_MESSAGE_SIZE = 576;
inline constexpr usize DHCP_SNAME_SIZE = 64;
inline constexpr usize DHCP_FILE_SIZE = 128;
inline constexpr u32 DHCP_MAGIC_COOKIE = 0x63825363;
inline constexpr u16 DHCP_FLAG_BROADCAST = 0x8000;
inline constexpr u8 DHCP_HTYPE_ETHERNET = 1;

enum class DhcpOp : u8 {
    Request = 1, // BOOTREQUEST: client to server
    Reply = 2,   // BOOTREPLY: server to client
};

// Option 53. None means the option was absent (a plain BOOTP message). Values
// past Inform are kept as they are, so unknown types pass through unchanged.
enum class DhcpMessageType : u8 {
    None = 0,
    Discover = 1,
    Offer = 2,
    Request = 3,
    Decline = 4,
    Ack = 5,
    Nak = 6,
    Release = 7,
    Inform = 8,
};

// "DISCOVER", "OFFER", ..., "none" for None and "unknown" past Inform.
char const* dhcp_message_type_name(DhcpMessageType type);

// The option codes this code reads or writes; any other is skipped on decode.
enum class DhcpOption : u8 {
    Pad = 0,
    SubnetMask = 1,
    Router = 3,
    HostName = 12,
    BroadcastAddress = 28,
    RequestedAddress = 50,
    LeaseTime = 51,
    Overload = 52,
    MessageType = 53,
    ServerIdentifier = 54,
    ParameterRequestList = 55,
    RenewalTime = 58,
    RebindingTime = 59,
    VendorClass = 60,
    ClientIdentifier = 61,
    TftpServerName = 66,
    BootFileName = 67,
    ClientArchitecture = 93,
    End = 255,
};

// Option 93 values (RFC 4578 and the IANA registry) that the boot server tells apart.
namespace dhcp_architecture {
inline constexpr u16 BIOS_X86 = 0;
inline constexpr u16 EFI_IA32 = 6;
inline constexpr u16 EFI_BC = 7; // in practice x86-64 UEFI (OVMF, GRUB's efinet)
inline constexpr u16 EFI_X86_64 = 9;
} // namespace dhcp_architecture

// Raw option bytes (client identifier, parameter request list): a view into
// the decoded buffer, or into whatever the encoder's caller keeps alive.
struct DhcpBytes {
    u8 const* data = nullptr;
    usize size = 0;
    bool is_empty() const { return size == 0; }
    bool operator==(DhcpBytes const& other) const;
};

// A decoded message holds views (StringView, DhcpBytes) into the bytes it was
// decoded from: they stay valid only as long as those bytes do. Empty views and
// std::nullopt mean the option was absent.
struct DhcpMessage {
    DhcpOp op = DhcpOp::Request;
    u8 htype = DHCP_HTYPE_ETHERNET;
    u8 hlen = 6;
    u8 hops = 0;
    u32 xid = 0;
    u16 secs = 0;
    u16 flags = 0;
    Ipv4Address ciaddr;
    Ipv4Address yiaddr;
    Ipv4Address siaddr;
    Ipv4Address giaddr;
    u8 chaddr[16] = {};
    StringView server_name; // sname, up to its NUL
    StringView boot_file;   // file, up to its NUL

    DhcpMessageType message_type = DhcpMessageType::None;
    std::optional<Ipv4Address> subnet_mask;        // 1
    std::optional<Ipv4Address> router;             // 3 (the first of the list)
    StringView host_name;                          // 12
    std::optional<Ipv4Address> broadcast_address;  // 28
    std::optional<Ipv4Address> requested_address;  // 50
    std::optional<u32> lease_seconds;              // 51
    std::optional<u8> overload;                    // 52, decode only (see decode_dhcp_message)
    std::optional<Ipv4Address> server_identifier;  // 54
    DhcpBytes parameter_request_list;              // 55
    std::optional<u32> renewal_seconds;            // 58
    std::optional<u32> rebinding_seconds;          // 59
    StringView vendor_class;                       // 60, "PXEClient:Arch:00000:UNDI:002001"
    DhcpBytes client_identifier;                   // 61
    StringView tftp_server_name;                   // 66
    StringView boot_file_name;                     // 67
    std::optional<u16> client_architecture;        // 93 (the first of the list)

    bool is_ethernet() const { return htype == DHCP_HTYPE_ETHERNET && hlen == 6; }
    bool wants_broadcast() const { return (flags & DHCP_FLAG_BROADCAST) != 0; }
    // The first six bytes of chaddr: the MAC when is_ethernet().
    MacAddress hardware_address() const;
    void set_hardware_address(MacAddress mac);
};

// Decodes size bytes. Errors:
//   BadMessage: shorter than 240 bytes, op neither 1 nor 2, hlen past 16, an
//     option whose length runs past the end, a known option given twice or with
//     a length or value it cannot have (53 of length 2, 53 = 0, a router list
//     not a multiple of 4, an empty host name...);
//   Protocol: no magic cookie (plain RFC 951 BOOTP, not spoken here).
// Options may end without 255 at the end of the buffer; bytes after 255 are
// padding. Option overload (52) is recorded but the options it puts into sname
// and file are not read: those fields then decode as empty.
Result<DhcpMessage> decode_dhcp_message(u8 const* bytes, usize size);

// Encodes message into out and returns the number of bytes written: the header,
// the cookie, the options present (53 first, overload never), 255, and zero
// padding up to DHCP_MIN_MESSAGE_SIZE. NoSpace when capacity is too small;
// InvalidArgument when sname or file is longer than its field, an option value
// is longer than 255 bytes, or hlen is past 16.
Result<usize> encode_dhcp_message(DhcpMessage const& message, u8* out, usize capacity);

} // namespace net
