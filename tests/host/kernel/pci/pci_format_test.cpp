// The "# config: ..." header line of /proc/pci and the monitor's `pci`.
#include <catch2/catch.hpp>

#include <string>

#include "kernel/pci/pci_format.h"

namespace {

std::string config_line(arch::PciConfigMethod const& method)
{
    char line[64];
    usize length = pci::format_config_method(method, line, sizeof(line));
    CHECK(length == std::string(line).size());
    return line;
}

} // namespace

TEST_CASE("PCI configuration method line names ECAM, ports or none", "[pci]")
{
    using Kind = arch::PciConfigMethod::Kind;
    CHECK(config_line({ Kind::Ecam, 0xB0000000, 0, 255 }) == "# config: ecam 0xb0000000 buses 0-255");
    CHECK(config_line({ Kind::Ecam, 0x3F000000000ull, 16, 31 }) == "# config: ecam 0x3f000000000 buses 16-31");
    CHECK(config_line({ Kind::Ports, 0, 0, 0 }) == "# config: ports 0xcf8/0xcfc");
    CHECK(config_line({}) == "# config: none");
}
