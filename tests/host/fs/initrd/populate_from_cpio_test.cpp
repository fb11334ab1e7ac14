// populate_from_cpio(): an archive unpacked into ramfs, through the VFS.
#include <catch2/catch.hpp>

#include "fs/initrd/populate_from_cpio.h"
#include "tests/host/fs/fs_test_support.h"
#include "tests/host/fs/initrd/cpio_builder.h"

TEST_CASE("populate_from_cpio makes directories and files with their attributes", "[cpio][initrd]")
{
    VfsFixture f;
    CpioBuilder archive;
    archive.add(".", FileMode::Directory | 0755)
        .add("etc", FileMode::Directory | 0750, "", 0, 10)
        .add("etc/passwd", FileMode::Regular | 0644, "root:x:0:0::/:/bin/sh\n")
        .add("home/user/notes", FileMode::Regular | 0600, "mine", 1000, 1000) // parents made on the way
        .add("bin/ls", 0120777, "busybox") // a symlink: skipped
        .add("dev/null", FileMode::CharDevice | 0666) // a device: skipped
        .add("../escape", FileMode::Regular | 0644, "no")
        .add("etc/passwd/x", FileMode::Regular | 0644, "under a file") // clash: skipped
        .add("empty", FileMode::Regular | 0644)
        .trailer();
    auto report = populate_from_cpio(f.root(), archive.bytes.data(), archive.bytes.size());
    REQUIRE(!report.is_error());
    CHECK(report.value().archive_error == Error::None);
    CHECK(report.value().directories == 1);
    CHECK(report.value().files == 3);
    CHECK(report.value().skipped == 4);

    REQUIRE(f.read_file("/etc/passwd") == "root:x:0:0::/:/bin/sh\n");
    REQUIRE(f.read_file("/home/user/notes") == "mine");
    REQUIRE(f.read_file("/empty") == "");
    auto etc = f.vfs->stat("/etc", Credentials::root(), f.root()).value();
    REQUIRE(etc.mode == (FileMode::Directory | 0750));
    REQUIRE(etc.gid == 10);
    auto notes = f.vfs->stat("/home/user/notes", Credentials::root(), f.root()).value();
    REQUIRE(notes.mode == (FileMode::Regular | 0600));
    REQUIRE(notes.uid == 1000);
    REQUIRE(f.vfs->stat("/home", Credentials::root(), f.root()).value().mode == (FileMode::Directory | 0755));
    REQUIRE(f.resolve_error("/bin/ls") == Error::NoEntry);
    REQUIRE(f.resolve_error("/escape") == Error::NoEntry);
    REQUIRE(f.resolve_error("/dev/null") == Error::NoEntry);
    // The ordinary user cannot read root's 0600 file, can read the 0644 one.
    REQUIRE(f.read_file("/home/user/notes", Credentials::user(1001, 1001)) == "<EACCES>");
    REQUIRE(f.read_file("/etc/passwd", Credentials::user(1001, 10)) == "root:x:0:0::/:/bin/sh\n");
}

TEST_CASE("populate_from_cpio keeps what came before a damaged header", "[cpio][initrd]")
{
    VfsFixture f;
    CpioBuilder archive;
    archive.add("first", FileMode::Regular | 0644, "1").add("second", FileMode::Regular | 0644, "2222222222");
    archive.bytes.erase(archive.bytes.end() - 6, archive.bytes.end()); // cut inside the last file's data, no trailer
    auto report = populate_from_cpio(f.root(), archive.bytes.data(), archive.bytes.size());
    REQUIRE(!report.is_error());
    REQUIRE(report.value().archive_error == Error::BadMessage);
    REQUIRE(report.value().files == 1);
    REQUIRE(f.read_file("/first") == "1");
    REQUIRE(f.resolve_error("/second") == Error::NoEntry);
}

TEST_CASE("populate_from_cpio overwrites a file named twice", "[cpio][initrd]")
{
    VfsFixture f;
    CpioBuilder archive;
    archive.add("f", FileMode::Regular | 0644, "a much longer first version")
        .add("f", FileMode::Regular | 0644, "short")
        .trailer();
    auto report = populate_from_cpio(f.root(), archive.bytes.data(), archive.bytes.size());
    REQUIRE(report.value().files == 2);
    REQUIRE(f.read_file("/f") == "short");
}
