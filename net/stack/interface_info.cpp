// The /proc/net/interfaces line (see interface_info.h).
#include "net/stack/interface_info.h"

#include "kernel/lib/format.h"

namespace net {

namespace {

// "a.b.c.d" into a buffer of at least 16 bytes.
char const* dotted(Ipv4Address address, char (&buffer)[16])
{
    format(buffer, sizeof(buffer), "%u.%u.%u.%u", address.octets[0], address.octets[1], address.octets[2],
        address.octets[3]);
    return buffer;
}

unsigned long long counter(u64 value) { return static_cast<unsigned long long>(value); }

} // namespace

Result<usize> format_interface_line(InterfaceInfo const& info, char* buffer, usize capacity)
{
    char inet[16], netmask[16], gateway[16];
    // The name is printed up to its NUL or its capacity, whichever comes first.
    usize name_length = 0;
    while (name_length < InterfaceInfo::NAME_CAPACITY && info.name[name_length])
        ++name_length;
    u8 const* mac = info.mac.bytes;
    NetDeviceCounters const& c = info.counters;
    usize length = format(buffer, capacity,
        "name=%.*s mac=%02x:%02x:%02x:%02x:%02x:%02x inet=%s netmask=%s gateway=%s mtu=%u link=%s config=%s "
        "rx_packets=%llu rx_bytes=%llu rx_errors=%llu rx_dropped=%llu "
        "tx_packets=%llu tx_bytes=%llu tx_errors=%llu tx_dropped=%llu\n",
        int(name_length), info.name, mac[0], mac[1], mac[2], mac[3], mac[4], mac[5], dotted(info.inet, inet),
        dotted(info.netmask, netmask), dotted(info.gateway, gateway), info.mtu, info.link_up ? "up" : "down",
        interface_config_mode_name(info.config), counter(c.rx_packets), counter(c.rx_bytes),
        counter(c.rx_errors), counter(c.rx_dropped), counter(c.tx_packets), counter(c.tx_bytes),
        counter(c.tx_errors), counter(c.tx_dropped));
    if (length >= capacity)
        return Error::NoSpace;
    return length;
}

void set_interface_name(InterfaceInfo& info, StringView text) { text.copy_to(info.name, sizeof(info.name)); }

} // namespace net
