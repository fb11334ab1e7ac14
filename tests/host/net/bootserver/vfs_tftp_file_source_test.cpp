// The TFTP server's files from the VFS: the netboot tree under /boot/net of a ramfs.
#include <catch2/catch.hpp>

#include <string>

#include "net/bootserver/vfs_tftp_file_source.h"
#include "tests/host/fs/fs_test_support.h"

namespace {

std::string read_all(net::TftpFile& file, usize chunk)
{
    std::string out(file.size(), '\0');
    for (u64 offset = 0; offset < file.size(); offset += chunk) {
        usize count = file.size() - offset < chunk ? usize(file.size() - offset) : chunk;
        auto got = file.read(offset, reinterpret_cast<u8*>(out.data()) + offset, count);
        REQUIRE(!got.is_error());
        REQUIRE(got.value() == count);
    }
    return out;
}

} // namespace

TEST_CASE("the netboot tree's files are served from /boot/net, whole and at any offset", "[tftp][vfs]")
{
    VfsFixture f;
    REQUIRE(f.mkdir("/boot") == Error::None);
    REQUIRE(f.mkdir("/boot/net") == Error::None);
    REQUIRE(f.mkdir("/boot/net/boot") == Error::None);
    std::string kernel;
    for (int i = 0; i < 5000; ++i)
        kernel += char('a' + i % 26);
    REQUIRE(f.write_file("/boot/net/boot/unum.elf", kernel) == Error::None);
    REQUIRE(f.write_file("/etc-secret", "not served") == Error::None);

    net::VfsTftpFileSource source(*f.vfs);
    auto file = source.open("boot/unum.elf"_sv);
    REQUIRE(!file.is_error());
    REQUIRE(file.value()->size() == kernel.size());
    REQUIRE(read_all(*file.value(), 512) == kernel);
    REQUIRE(read_all(*file.value(), 1468) == kernel);

    REQUIRE(source.open("boot/missing"_sv).error() == Error::NoEntry);
    REQUIRE(source.open("etc-secret"_sv).error() == Error::NoEntry); // outside the tree
    REQUIRE(source.open("boot"_sv).error() == Error::AccessDenied); // a directory
    REQUIRE(source.open(""_sv).error() == Error::NoEntry);
}

TEST_CASE("a file source rooted elsewhere serves that directory", "[tftp][vfs]")
{
    VfsFixture f;
    REQUIRE(f.mkdir("/srv") == Error::None);
    REQUIRE(f.write_file("/srv/grub.cfg", "set timeout=0\n") == Error::None);
    net::VfsTftpFileSource source(*f.vfs, "/srv"_sv);
    auto file = source.open("grub.cfg"_sv);
    REQUIRE(!file.is_error());
    REQUIRE(read_all(*file.value(), 4) == "set timeout=0\n");
}
