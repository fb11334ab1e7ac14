// libFuzzer target for ip= and gateway=: the input is used both as a whole
// command line and as the raw value of ip=, gateway= and an address. Whatever
// parses must be a configuration a host may have, and must print back to itself.
#include <cstddef>
#include <cstdint>
#include <new>

#include "kernel/boot/command_line.h"
#include "kernel/lib/format.h"
#include "net/stack/ip_config.h"

static CommandLine s_line;

namespace {

void check_config(net::IpConfig const& config)
{
    if (config.mode != net::InterfaceConfigMode::Static)
        return;
    if (config.prefix_length < 1 || config.prefix_length > 32 || config.address.octets[0] == 0
        || config.address.octets[0] == 127 || config.address.octets[0] >= 224)
        __builtin_trap();
    u32 mask = net::netmask_of_prefix(config.prefix_length);
    if (config.gateway.to_u32() != 0 && (config.gateway.to_u32() & mask) != (config.address.to_u32() & mask))
        __builtin_trap();
}

void check_round_trip(net::Ipv4Address address)
{
    char text[16];
    usize length = format(text, sizeof(text), "%u.%u.%u.%u", address.octets[0], address.octets[1],
        address.octets[2], address.octets[3]);
    auto again = net::parse_ipv4_address(StringView(text, length));
    if (again.is_error() || !(again.value() == address))
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    StringView input(reinterpret_cast<char const*>(data), size);

    new (&s_line) CommandLine(input);
    if (auto config = net::ip_config_from_command_line(s_line); !config.is_error())
        check_config(config.value());

    if (auto address = net::parse_ipv4_address(input); !address.is_error())
        check_round_trip(address.value());
    if (auto config = net::parse_static_address(input); !config.is_error()) {
        check_config(config.value());
        check_round_trip(config.value().address);
    }

    // The same bytes as the values of both options, split in two.
    static char text[CommandLine::MAX_TEXT];
    usize half = size / 2;
    usize length = format(text, sizeof(text), "ip=\"%.*s\" gateway=\"%.*s\"", int(half), input.characters(),
        int(size - half), input.characters() + half);
    new (&s_line) CommandLine(StringView(text, length < sizeof(text) ? length : sizeof(text) - 1));
    if (auto config = net::ip_config_from_command_line(s_line); !config.is_error())
        check_config(config.value());
    return 0;
}
