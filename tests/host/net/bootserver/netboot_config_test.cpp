// The netboot grub.cfg a boot server serves: its cluster's options on the kernel line.
#include <catch2/catch.hpp>

#include <cstring>
#include <map>
#include <string>

#include "net/bootserver/netboot_config.h"

using net::ConfiguredTftpFileSource;

namespace {

std::string text(Vector<u8> const& bytes) { return std::string(reinterpret_cast<char const*>(bytes.data()), bytes.size()); }

struct StringFile final : net::TftpFile {
    explicit StringFile(std::string text)
        : content(std::move(text))
    {
    }
    u64 size() const override { return content.size(); }
    Result<usize> read(u64 offset, u8* buffer, usize count) override
    {
        memcpy(buffer, content.data() + offset, count);
        return count;
    }
    std::string content;
};

struct MapSource final : net::TftpFileSource {
    std::map<std::string, std::string> files;
    Result<OwnPtr<net::TftpFile>> open(StringView path) override
    {
        auto found = files.find(std::string(path.characters(), path.length()));
        if (found == files.end())
            return Error::NoEntry;
        return OwnPtr<net::TftpFile>(new StringFile(found->second));
    }
};

std::string read_all(net::TftpFile& file)
{
    std::string out(file.size(), '\0');
    REQUIRE(!file.read(0, reinterpret_cast<u8*>(out.data()), out.size()).is_error());
    return out;
}

} // namespace

TEST_CASE("the cluster's options follow the kernel's netboot option", "[netboot]")
{
    auto cfg = net::configure_netboot_grub_cfg(
        "menuentry x {\n    multiboot2 /boot/unum.elf netboot\n    module2 /boot/initrd.cpio initrd\n}\n"_sv,
        "cluster=lab key=00112233"_sv);
    REQUIRE(!cfg.is_error());
    CHECK(text(cfg.value())
        == "menuentry x {\n    multiboot2 /boot/unum.elf netboot cluster=lab key=00112233\n"
           "    module2 /boot/initrd.cpio initrd\n}\n");
    auto unchanged = net::configure_netboot_grub_cfg("set timeout=0\n"_sv, "cluster=lab"_sv);
    CHECK(text(unchanged.value()) == "set timeout=0\n");
    CHECK(text(net::configure_netboot_grub_cfg("unum.elf netboot"_sv, ""_sv).value()) == "unum.elf netboot");
}

TEST_CASE("options that would change the GRUB script are refused", "[netboot]")
{
    for (char const* bad : { "key=1\nboot", "cluster=\"x\"", "a;b", "$x", "{", "a\\b", "x|y" })
        CHECK(net::configure_netboot_grub_cfg("unum.elf netboot"_sv, StringView(bad)).error() == Error::InvalidArgument);
}

TEST_CASE("only grub.cfg is configured; other files pass through", "[netboot]")
{
    MapSource tree;
    tree.files["boot/grub/grub.cfg"] = "multiboot2 /boot/unum.elf netboot\n";
    tree.files["boot/unum.elf"] = "ELF unum.elf netboot";
    ConfiguredTftpFileSource source(tree, "cluster=lab key=abcd"_sv);
    auto cfg = source.open("boot/grub/grub.cfg"_sv);
    REQUIRE(!cfg.is_error());
    CHECK(read_all(*cfg.value()) == "multiboot2 /boot/unum.elf netboot cluster=lab key=abcd\n");
    auto kernel = source.open("boot/unum.elf"_sv);
    REQUIRE(!kernel.is_error());
    CHECK(read_all(*kernel.value()) == "ELF unum.elf netboot");
    CHECK(source.open("boot/missing"_sv).error() == Error::NoEntry);
}
