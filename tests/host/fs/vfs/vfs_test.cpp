// The Vfs facade: open flags, create/remove/rename, stat, chdir and getcwd.
#include <catch2/catch.hpp>

#include <string>

#include "tests/host/fs/fs_test_support.h"

TEST_CASE("open with O_CREAT, O_EXCL, O_TRUNC and O_DIRECTORY", "[vfs][open]")
{
    VfsFixture f;
    auto root = Credentials::root();
    REQUIRE(f.vfs->open("/f", OpenFlag::ReadOnly, 0, root, f.root()).error() == Error::NoEntry);
    REQUIRE(f.write_file("/f", "hello") == Error::None);
    REQUIRE(f.read_file("/f") == "hello");
    REQUIRE(f.vfs->open("/f", OpenFlag::WriteOnly | OpenFlag::Create | OpenFlag::Exclusive, 0644, root, f.root())
                .error()
        == Error::Exists);
    auto kept = f.vfs->open("/f", OpenFlag::WriteOnly | OpenFlag::Create, 0644, root, f.root());
    REQUIRE(!kept.is_error());
    REQUIRE(f.read_file("/f") == "hello");
    auto truncated = f.vfs->open("/f", OpenFlag::WriteOnly | OpenFlag::Truncate, 0, root, f.root());
    REQUIRE(!truncated.is_error());
    REQUIRE(f.read_file("/f") == "");
    REQUIRE(f.vfs->open("/f", OpenFlag::ReadOnly | OpenFlag::Directory, 0, root, f.root()).error()
        == Error::NotDirectory);
    REQUIRE(f.vfs->open("/", OpenFlag::WriteOnly, 0, root, f.root()).error() == Error::IsDirectory);
    REQUIRE(f.vfs->open("/", OpenFlag::ReadOnly | OpenFlag::Create | OpenFlag::Exclusive, 0, root, f.root()).error()
        == Error::Exists);
    REQUIRE(f.vfs->open("/newdir/", OpenFlag::WriteOnly | OpenFlag::Create, 0644, root, f.root()).error()
        == Error::IsDirectory);
    REQUIRE(f.vfs->open("/f", 3, 0, root, f.root()).error() == Error::InvalidArgument);
    REQUIRE(f.mkdir("/dir") == Error::None);
    REQUIRE(f.vfs->open("/dir", OpenFlag::ReadOnly | OpenFlag::Create, 0644, root, f.root()).error()
        == Error::IsDirectory);
    REQUIRE(f.vfs->open("/dir/..", OpenFlag::ReadOnly | OpenFlag::Create, 0644, root, f.root()).error()
        == Error::IsDirectory);
    REQUIRE(f.vfs->open("/f/", OpenFlag::ReadOnly | OpenFlag::Create, 0644, root, f.root()).error()
        == Error::NotDirectory);
    auto directory = f.vfs->open("/", OpenFlag::ReadOnly | OpenFlag::Directory, 0, root, f.root());
    REQUIRE(!directory.is_error());
    u8 byte;
    REQUIRE(directory.value()->read(&byte, 1).error() == Error::IsDirectory);
}

TEST_CASE("open checks read and write permission; a new file is owned by its creator", "[vfs][open][permissions]")
{
    VfsFixture f;
    auto alice = Credentials::user(1000, 1000);
    auto bob = Credentials::user(1001, 1001);
    REQUIRE(f.mkdir("/home", 0777) == Error::None);
    // Created 0400: the creating open may still write (POSIX), later opens may not.
    auto created = f.vfs->open("/home/a", OpenFlag::WriteOnly | OpenFlag::Create, 0400, alice, f.root());
    REQUIRE(!created.is_error());
    auto stat = f.vfs->stat("/home/a", alice, f.root()).release_value();
    REQUIRE(stat.uid == 1000);
    REQUIRE(stat.gid == 1000);
    REQUIRE(stat.mode == (FileMode::Regular | 0400));
    REQUIRE(stat.nlink == 1);
    REQUIRE(f.vfs->open("/home/a", OpenFlag::WriteOnly, 0, alice, f.root()).error() == Error::AccessDenied);
    REQUIRE(!f.vfs->open("/home/a", OpenFlag::ReadOnly, 0, alice, f.root()).is_error());
    REQUIRE(f.vfs->open("/home/a", OpenFlag::ReadOnly, 0, bob, f.root()).error() == Error::AccessDenied);
    REQUIRE(!f.vfs->open("/home/a", OpenFlag::ReadWrite, 0, Credentials::root(), f.root()).is_error());

    // Creating needs write permission on the directory.
    REQUIRE(f.mkdir("/ro", 0755) == Error::None);
    REQUIRE(f.write_file("/ro/x", "1", alice) == Error::AccessDenied);
    REQUIRE(f.mkdir("/ro/sub", 0755, alice) == Error::AccessDenied);
    REQUIRE(f.write_file("/ro/x", "1") == Error::None);
    REQUIRE(error_of(f.vfs->unlink("/ro/x", alice, f.root())) == Error::AccessDenied);

    // chmod: only the owner or root.
    REQUIRE(error_of(f.vfs->chmod("/home/a", 0644, bob, f.root())) == Error::PermissionDenied);
    REQUIRE(!f.vfs->chmod("/home/a", 0644, alice, f.root()).is_error());
    REQUIRE(!f.vfs->open("/home/a", OpenFlag::ReadOnly, 0, bob, f.root()).is_error());
}

TEST_CASE("mkdir, unlink and rmdir edge cases", "[vfs]")
{
    VfsFixture f;
    auto root = Credentials::root();
    REQUIRE(f.mkdir("/d") == Error::None);
    REQUIRE(f.mkdir("/d") == Error::Exists);
    REQUIRE(f.mkdir("/") == Error::Exists);
    REQUIRE(f.mkdir("/d/.") == Error::Exists);
    REQUIRE(f.mkdir("/missing/d") == Error::NoEntry);
    REQUIRE(f.write_file("/d/file", "x") == Error::None);
    REQUIRE(f.mkdir("/d/file/sub") == Error::NotDirectory);

    REQUIRE(error_of(f.vfs->rmdir("/d", root, f.root())) == Error::NotEmpty);
    REQUIRE(error_of(f.vfs->rmdir("/d/file", root, f.root())) == Error::NotDirectory);
    REQUIRE(error_of(f.vfs->rmdir("/", root, f.root())) == Error::Busy);
    REQUIRE(error_of(f.vfs->rmdir("/d/.", root, f.root())) == Error::InvalidArgument);
    REQUIRE(error_of(f.vfs->unlink("/d", root, f.root())) == Error::IsDirectory);
    REQUIRE(error_of(f.vfs->unlink("/d/file/", root, f.root())) == Error::NotDirectory);
    REQUIRE(error_of(f.vfs->unlink("/d/nothing", root, f.root())) == Error::NoEntry);
    REQUIRE(!f.vfs->unlink("/d/file", root, f.root()).is_error());
    REQUIRE(f.resolve_error("/d/file") == Error::NoEntry);
    REQUIRE(!f.vfs->rmdir("/d/", root, f.root()).is_error());
    REQUIRE(f.resolve_error("/d") == Error::NoEntry);
}

TEST_CASE("rename moves files and directories between directories", "[vfs][rename]")
{
    VfsFixture f;
    auto root = Credentials::root();
    REQUIRE(f.mkdir("/a") == Error::None);
    REQUIRE(f.mkdir("/b") == Error::None);
    REQUIRE(f.mkdir("/a/sub") == Error::None);
    REQUIRE(f.write_file("/a/sub/f", "data") == Error::None);
    REQUIRE(f.write_file("/b/g", "old") == Error::None);

    REQUIRE(!f.vfs->rename("/a/sub", "/b/sub", root, f.root()).is_error());
    REQUIRE(f.read_file("/b/sub/f") == "data");
    REQUIRE(f.resolve_error("/a/sub") == Error::NoEntry);
    REQUIRE(f.vfs->stat("/a", root, f.root()).value().nlink == 2);
    REQUIRE(f.vfs->stat("/b", root, f.root()).value().nlink == 3);
    auto up = f.vfs->resolve("/b/sub/..", f.root(), root);
    REQUIRE(up.value()->is_same(*f.vfs->resolve("/b", f.root(), root).value()));

    // Replacing a file; replacing a directory with a file and back are refused.
    REQUIRE(!f.vfs->rename("/b/sub/f", "/b/g", root, f.root()).is_error());
    REQUIRE(f.read_file("/b/g") == "data");
    REQUIRE(error_of(f.vfs->rename("/b/g", "/b/sub", root, f.root())) == Error::IsDirectory);
    REQUIRE(error_of(f.vfs->rename("/b/sub", "/b/g", root, f.root())) == Error::NotDirectory);
    REQUIRE(error_of(f.vfs->rename("/b", "/b/sub/inside", root, f.root())) == Error::InvalidArgument);
    REQUIRE(error_of(f.vfs->rename("/b/g/", "/b/h", root, f.root())) == Error::NotDirectory);
    REQUIRE(error_of(f.vfs->rename("/b/none", "/b/h", root, f.root())) == Error::NoEntry);
    REQUIRE(error_of(f.vfs->rename("/b/..", "/b/h", root, f.root())) == Error::InvalidArgument);
    // A directory may replace an empty directory, not a full one.
    REQUIRE(f.mkdir("/b/empty") == Error::None);
    REQUIRE(f.write_file("/b/sub/keep", "k") == Error::None);
    REQUIRE(error_of(f.vfs->rename("/b/empty", "/b/sub", root, f.root())) == Error::NotEmpty);
    REQUIRE(!f.vfs->rename("/b/sub", "/b/empty", root, f.root()).is_error());
    REQUIRE(f.read_file("/b/empty/keep") == "k");
    REQUIRE(f.vfs->stat("/b", root, f.root()).value().nlink == 3);
    // Renaming onto itself changes nothing.
    REQUIRE(!f.vfs->rename("/b/g", "/b/g", root, f.root()).is_error());
    REQUIRE(f.read_file("/b/g") == "data");
}

TEST_CASE("chdir and getcwd", "[vfs][cwd]")
{
    VfsFixture f;
    auto root = Credentials::root();
    REQUIRE(f.mkdir("/usr") == Error::None);
    REQUIRE(f.mkdir("/usr/local") == Error::None);
    REQUIRE(f.write_file("/usr/file", "x") == Error::None);
    auto cwd = f.vfs->chdir("/usr/local", root, f.root()).release_value();
    char buffer[64];
    REQUIRE(f.vfs->getcwd(*cwd, buffer, sizeof(buffer)).value() == 10);
    REQUIRE(std::string(buffer) == "/usr/local");
    REQUIRE(f.vfs->getcwd(*cwd, buffer, 10).error() == Error::OutOfRange); // no room for the NUL
    REQUIRE(f.vfs->getcwd(*cwd, buffer, 11).value() == 10);
    REQUIRE(f.vfs->getcwd(f.root(), buffer, sizeof(buffer)).value() == 1);
    REQUIRE(std::string(buffer) == "/");
    cwd = f.vfs->chdir("..", root, *cwd).release_value();
    REQUIRE(f.vfs->getcwd(*cwd, buffer, sizeof(buffer)).value() == 4);
    REQUIRE(f.vfs->chdir("file", root, *cwd).error() == Error::NotDirectory);
    REQUIRE(f.mkdir("/usr/private", 0700) == Error::None);
    REQUIRE(f.vfs->chdir("private", Credentials::user(5, 5), *cwd).error() == Error::AccessDenied);

    // After a rename the path follows; after removal getcwd fails.
    auto local = f.vfs->resolve("/usr/local", f.root(), root).release_value();
    REQUIRE(!f.vfs->rename("/usr/local", "/usr/moved", root, f.root()).is_error());
    REQUIRE(f.vfs->getcwd(*local, buffer, sizeof(buffer)).value() == 10);
    REQUIRE(std::string(buffer) == "/usr/moved");
    REQUIRE(!f.vfs->rmdir("/usr/moved", root, f.root()).is_error());
    REQUIRE(f.vfs->getcwd(*local, buffer, sizeof(buffer)).error() == Error::NoEntry);
    // A removed cwd cannot get new entries.
    REQUIRE(error_of(local->mkdir("x"_sv, 0755, root)) == Error::NoEntry);
}

TEST_CASE("an unlinked open file stays readable until closed", "[vfs][ramfs]")
{
    VfsFixture f;
    REQUIRE(f.write_file("/tmpfile", "still here") == Error::None);
    auto file = f.vfs->open("/tmpfile", OpenFlag::ReadOnly, 0, Credentials::root(), f.root()).release_value();
    REQUIRE(!f.vfs->unlink("/tmpfile", Credentials::root(), f.root()).is_error());
    REQUIRE(file->stat().value().nlink == 0);
    char buffer[32] = {};
    REQUIRE(file->read(reinterpret_cast<u8*>(buffer), sizeof(buffer)).value() == 10);
    REQUIRE(std::string(buffer) == "still here");
}
