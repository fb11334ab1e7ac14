// TFTP path confinement tests: the names boot clients ask for pass (tidied), and
// every way out of the netboot tree is refused, with or without leading slashes.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "net/bootserver/tftp_path.h"

using namespace net;
using namespace std::string_literals;

namespace {

std::string confined(std::string const& requested, bool allow_leading_slash = false)
{
    auto path = confine_tftp_path(StringView(requested.data(), requested.size()), { allow_leading_slash });
    REQUIRE(!path.is_error());
    // NUL-terminated, and the length agrees.
    CHECK(strlen(path.value().characters) == path.value().length);
    return std::string(path.value().view().characters(), path.value().length);
}

Error refusal(std::string const& requested, bool allow_leading_slash = false)
{
    auto path = confine_tftp_path(StringView(requested.data(), requested.size()), { allow_leading_slash });
    REQUIRE(path.is_error());
    return path.error();
}

} // namespace

TEST_CASE("tftp path: boot file names pass unchanged", "[tftp]")
{
    CHECK(confined("boot/grub/i386-pc/core.0") == "boot/grub/i386-pc/core.0");
    CHECK(confined("core.efi") == "core.efi");
    CHECK(confined("boot/grub/grub.cfg-01-52-54-00-12-34-56") == "boot/grub/grub.cfg-01-52-54-00-12-34-56");
    CHECK(confined("a file with spaces") == "a file with spaces");
    // Dots that are not a whole component are ordinary names.
    CHECK(confined("...") == "...");
    CHECK(confined("..a/b..") == "..a/b..");
    CHECK(confined(".hidden") == ".hidden");
}

TEST_CASE("tftp path: \".\" and empty components are dropped", "[tftp]")
{
    CHECK(confined("./boot//grub/./grub.cfg") == "boot/grub/grub.cfg");
    CHECK(confined("boot/grub/") == "boot/grub");
    CHECK(confined("a/././/b") == "a/b");
}

TEST_CASE("tftp path: a leading slash is refused unless the policy allows it", "[tftp]")
{
    CHECK(refusal("/boot/grub/grub.cfg") == Error::AccessDenied);
    CHECK(refusal("/etc/passwd") == Error::AccessDenied);
    // GRUB's names: then read from the netboot root.
    CHECK(confined("/boot/grub/i386-pc/normal.mod", true) == "boot/grub/i386-pc/normal.mod");
    CHECK(confined("//boot///grub.cfg", true) == "boot/grub.cfg");
    CHECK(confined("/etc/passwd", true) == "etc/passwd");
    CHECK(confined("boot/x", true) == "boot/x");
}

TEST_CASE("tftp path: any \"..\" component is refused", "[tftp]")
{
    for (bool allow : { false, true }) {
        INFO("allow_leading_slash " << allow);
        for (char const* name : { "..", "../x", "../../etc/passwd", "a/..", "a/../b", "a/b/../../..", "./..",
                 "a//..//b", "boot/grub/../../../etc/shadow" })
            CHECK(refusal(name, allow) == Error::AccessDenied);
        CHECK(refusal("/../etc/passwd", allow) == Error::AccessDenied);
        CHECK(refusal("/..", allow) == Error::AccessDenied);
    }
}

TEST_CASE("tftp path: backslashes, control characters and non-ASCII are refused", "[tftp]")
{
    for (std::string name : { "..\\..\\etc\\passwd"s, "boot\\grub.cfg"s, "a\\"s, "a\nb"s, "a\rb"s, "a\tb"s,
             "a\0b"s, "\0"s, "a\x7f"s, "caf\xc3\xa9"s, "\xff"s, "\x1b[2J"s })
        CHECK(refusal(name) == Error::AccessDenied);
}

TEST_CASE("tftp path: nothing left is refused", "[tftp]")
{
    CHECK(refusal("") == Error::AccessDenied);
    CHECK(refusal(".") == Error::AccessDenied);
    CHECK(refusal("./") == Error::AccessDenied);
    CHECK(refusal(".//./") == Error::AccessDenied);
    CHECK(refusal("/", true) == Error::AccessDenied);
    CHECK(refusal("//./", true) == Error::AccessDenied);
}

TEST_CASE("tftp path: the confined length is bounded, not the requested one", "[tftp]")
{
    std::string longest(TFTP_MAX_PATH_LENGTH, 'a');
    CHECK(confined(longest) == longest);
    CHECK(refusal(longest + "a") == Error::NameTooLong);
    CHECK(refusal(std::string(200, 'a') + "/" + std::string(55, 'b')) == Error::NameTooLong);
    CHECK(confined(std::string(199, 'a') + "/" + std::string(55, 'b')).size() == TFTP_MAX_PATH_LENGTH);
    std::string padded;
    for (int i = 0; i < 300; ++i)
        padded += "./";
    CHECK(confined(padded + "core.0") == "core.0");
}

TEST_CASE("tftp path: confining is idempotent", "[tftp]")
{
    for (char const* name : { "a//b/./c/", "./x", "boot/grub/grub.cfg" }) {
        std::string once = confined(name);
        CHECK(confined(once) == once);
    }
}
