// unpack_boot_modules(): the initrd fills the root, the netboot tree lands in
// /boot/net, other modules are left alone, and a missing module is no error.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "fs/initrd/boot_module_unpacker.h"
#include "tests/host/fs/fs_test_support.h"
#include "tests/host/fs/initrd/cpio_builder.h"

namespace {

struct Unpacked {
    std::vector<std::string> modules;
    std::vector<CpioPopulateReport> reports;
};

void record(BootModuleMount const& mount, CpioPopulateReport const& report, void* context)
{
    auto& unpacked = *static_cast<Unpacked*>(context);
    unpacked.modules.emplace_back(mount.module.characters(), mount.module.length());
    unpacked.reports.push_back(report);
}

BootFileModule module_of(char const* name, CpioBuilder const& archive)
{
    return { StringView(name), archive.bytes.data(), archive.bytes.size() };
}

} // namespace

TEST_CASE("boot modules: the initrd fills the root and the netboot tree goes to /boot/net", "[initrd]")
{
    VfsFixture f;
    CpioBuilder initrd;
    initrd.add("bin", FileMode::Directory | 0755)
        .add("bin/init", FileMode::Regular | 0755, "init")
        .add("boot", FileMode::Directory | 0700)
        .trailer();
    CpioBuilder netboot;
    netboot.add("boot/grub/i386-pc/core.0", FileMode::Regular | 0644, "pxe image")
        .add("boot/grub/grub.cfg", FileMode::Regular | 0644, "multiboot2 /boot/unum.elf netboot\n")
        .add("boot/unum.elf", FileMode::Regular | 0644, std::string(5000, 'k'))
        .trailer();
    CpioBuilder other;
    other.add("secret", FileMode::Regular | 0600, "not a tree").trailer();
    // The loader's order does not matter: the root is unpacked first.
    BootFileModule modules[] = { module_of("netboot", netboot), module_of("cluster-key", other),
        module_of(" initrd ", initrd) };
    Unpacked unpacked;
    auto done = unpack_boot_modules(f.root(), modules, 3, record, &unpacked);
    REQUIRE(!done.is_error());
    CHECK(done.value() == 2);
    REQUIRE(unpacked.modules == std::vector<std::string> { "initrd", "netboot" });
    CHECK(unpacked.reports[0].files == 1);
    CHECK(unpacked.reports[1].files == 3);
    CHECK(unpacked.reports[1].file_bytes == 9 + 34 + 5000);

    CHECK(f.read_file("/bin/init") == "init");
    CHECK(f.read_file("/boot/net/boot/grub/i386-pc/core.0") == "pxe image");
    CHECK(f.read_file("/boot/net/boot/unum.elf") == std::string(5000, 'k'));
    CHECK(f.resolve_error("/secret") == Error::NoEntry);
    // /boot keeps the initrd's mode; /boot/net is made 0755.
    CHECK(f.vfs->stat("/boot", Credentials::root(), f.root()).value().mode == (FileMode::Directory | 0700));
    CHECK(f.vfs->stat("/boot/net", Credentials::root(), f.root()).value().mode == (FileMode::Directory | 0755));
}

TEST_CASE("boot modules: none at all, or no netboot tree, is not an error", "[initrd]")
{
    VfsFixture f;
    Unpacked unpacked;
    auto none = unpack_boot_modules(f.root(), nullptr, 0, record, &unpacked);
    REQUIRE(!none.is_error());
    CHECK(none.value() == 0);
    CHECK(unpacked.modules.empty());

    CpioBuilder initrd;
    initrd.add("etc/motd", FileMode::Regular | 0644, "hi").trailer();
    BootFileModule modules[] = { module_of("initrd", initrd) };
    auto only_root = unpack_boot_modules(f.root(), modules, 1, nullptr, nullptr);
    REQUIRE(!only_root.is_error());
    CHECK(only_root.value() == 1);
    CHECK(f.read_file("/etc/motd") == "hi");
    CHECK(f.resolve_error("/boot/net") == Error::NoEntry);
}

TEST_CASE("boot modules: a mount path through a file is refused", "[initrd]")
{
    VfsFixture f;
    REQUIRE(f.write_file("/boot", "a file where a directory should be") == Error::None);
    CpioBuilder netboot;
    netboot.add("x", FileMode::Regular | 0644, "x").trailer();
    auto result = unpack_module_at(f.root(), "/boot/net", netboot.bytes.data(), netboot.bytes.size());
    CHECK(error_of(result) == Error::NotDirectory);
    CHECK(error_of(unpack_module_at(f.root(), "/../x", netboot.bytes.data(), netboot.bytes.size()))
        == Error::InvalidArgument);
}

TEST_CASE("boot modules: names map to their mounts", "[initrd]")
{
    REQUIRE(boot_module_mount_for("initrd") != nullptr);
    CHECK(boot_module_mount_for("initrd")->path == StringView("/"));
    REQUIRE(boot_module_mount_for("netboot") != nullptr);
    CHECK(boot_module_mount_for("netboot")->path == StringView("/boot/net"));
    CHECK(boot_module_mount_for("netboot extra") == nullptr);
    CHECK(boot_module_mount_for("") == nullptr);
}
