// Path lookup over ramfs: dots, slashes, length limits, permissions, mounts.
#include <catch2/catch.hpp>

#include <string>

#include "fs/devfs/devfs.h"
#include "tests/host/fs/fs_test_support.h"

TEST_CASE("resolve handles dots, repeated and trailing slashes", "[vfs][path]")
{
    VfsFixture f;
    REQUIRE(f.mkdir("/a") == Error::None);
    REQUIRE(f.mkdir("/a/b") == Error::None);
    REQUIRE(f.write_file("/a/b/file", "x") == Error::None);

    auto b = f.vfs->resolve("/a/b", f.root(), Credentials::root());
    REQUIRE(!b.is_error());
    for (char const* path : { "/a/b", "//a///b", "/a/b/", "/a/./b/.", "/a/b/../b", "a/b", "/../../a/b", "/a/b//" }) {
        INFO(path);
        auto found = f.vfs->resolve(path, f.root(), Credentials::root());
        REQUIRE(!found.is_error());
        REQUIRE(found.value()->is_same(*b.value()));
    }
    auto root = f.vfs->resolve("/..", f.root(), Credentials::root());
    REQUIRE(!root.is_error());
    REQUIRE(root.value()->is_same(f.root()));
    REQUIRE(f.resolve_error("/a/b/file") == Error::None);
    REQUIRE(f.resolve_error("/a/b/file/") == Error::NotDirectory);
    REQUIRE(f.resolve_error("/a/b/file/.") == Error::NotDirectory);
    REQUIRE(f.resolve_error("/a/b/file/x") == Error::NotDirectory);
    REQUIRE(f.resolve_error("/a/missing/x") == Error::NoEntry);
    REQUIRE(f.resolve_error("/a/missing") == Error::NoEntry);
    REQUIRE(f.resolve_error("") == Error::NoEntry);
}

TEST_CASE("relative paths start at the cwd", "[vfs][path]")
{
    VfsFixture f;
    REQUIRE(f.mkdir("/a") == Error::None);
    REQUIRE(f.mkdir("/a/b") == Error::None);
    auto a = f.vfs->resolve("/a", f.root(), Credentials::root()).release_value();
    auto b = f.vfs->resolve("b", *a, Credentials::root());
    REQUIRE(!b.is_error());
    auto up = f.vfs->resolve("b/../..", *a, Credentials::root());
    REQUIRE(!up.is_error());
    REQUIRE(up.value()->is_same(f.root()));
    REQUIRE(f.vfs->resolve("b", f.root(), Credentials::root()).error() == Error::NoEntry);
}

TEST_CASE("name length limits give ENAMETOOLONG", "[vfs][path]")
{
    VfsFixture f;
    std::string longest(255, 'n');
    std::string too_long(256, 'n');
    REQUIRE(f.mkdir(("/" + longest).c_str()) == Error::None);
    REQUIRE(f.resolve_error(("/" + longest).c_str()) == Error::None);
    REQUIRE(f.mkdir(("/" + too_long).c_str()) == Error::NameTooLong);
    REQUIRE(f.resolve_error(("/" + too_long).c_str()) == Error::NameTooLong);
    REQUIRE(f.resolve_error(("/" + too_long + "/x").c_str()) == Error::NameTooLong);

    // 4095 characters is the longest path; 4096 is too long.
    std::string path = "/" + longest;
    while (path.size() + 2 <= 4095)
        path += "/.";
    path.resize(4095, '/');
    REQUIRE(path.size() == 4095);
    REQUIRE(f.resolve_error(path.c_str()) == Error::None);
    path += "/";
    REQUIRE(f.resolve_error(path.c_str()) == Error::NameTooLong);
}

TEST_CASE("search permission is needed on every directory passed", "[vfs][path][permissions]")
{
    VfsFixture f;
    auto user = Credentials::user(1000, 100);
    REQUIRE(f.mkdir("/open", 0755) == Error::None);
    REQUIRE(f.mkdir("/open/closed", 0700) == Error::None);
    REQUIRE(f.mkdir("/open/closed/inner", 0755) == Error::None);
    REQUIRE(f.write_file("/open/closed/inner/f", "secret") == Error::None);

    REQUIRE(f.resolve_error("/open/closed", user) == Error::None); // the last one is not searched
    REQUIRE(f.resolve_error("/open/closed/inner", user) == Error::AccessDenied);
    REQUIRE(f.resolve_error("/open/closed/inner/f", user) == Error::AccessDenied);
    REQUIRE(f.resolve_error("/open/closed/inner/f") == Error::None); // root bypasses

    // Group and other triplets.
    REQUIRE(f.mkdir("/group", 0710) == Error::None);
    REQUIRE(f.mkdir("/group/x") == Error::None);
    REQUIRE(!f.vfs->chmod("/group", 0710, Credentials::root(), f.root()).is_error());
    auto group_dir = f.vfs->resolve("/group", f.root(), Credentials::root()).release_value();
    REQUIRE(!group_dir->set_owner(0, 100).is_error());
    REQUIRE(f.resolve_error("/group/x", user) == Error::None);
    REQUIRE(f.resolve_error("/group/x", Credentials::user(1000, 200)) == Error::AccessDenied);
}

TEST_CASE("root needs some execute bit to execute a file", "[vfs][permissions]")
{
    VnodeStat stat;
    stat.mode = FileMode::Regular | 0644;
    stat.uid = 5;
    REQUIRE(Credentials::root().may_access(stat, Access::Read | Access::Write));
    REQUIRE(!Credentials::root().may_access(stat, Access::Execute));
    stat.mode = FileMode::Regular | 0001;
    REQUIRE(Credentials::root().may_access(stat, Access::Execute));
    REQUIRE(!Credentials::user(5, 5).may_access(stat, Access::Execute)); // owner triplet is ---
    stat.mode = FileMode::Directory | 0000;
    REQUIRE(Credentials::root().may_access(stat, Access::Execute));
}

TEST_CASE("mounts are entered going down and left by ..", "[vfs][path][mount]")
{
    VfsFixture f;
    REQUIRE(f.mkdir("/mnt") == Error::None);
    REQUIRE(f.mkdir("/mnt/point") == Error::None);
    REQUIRE(f.write_file("/mnt/point/hidden", "under") == Error::None);
    auto other = Ramfs::create(0755).release_value();
    REQUIRE(!f.vfs->mount("/mnt/point", other, Credentials::root(), f.root()).is_error());
    REQUIRE(f.vfs->mount("/mnt/point", Ramfs::create().release_value(), Credentials::root(), f.root()).error()
        == Error::Busy);
    REQUIRE(f.vfs->mount("/mnt", Ramfs::create().release_value(), Credentials::user(1, 1), f.root()).error()
        == Error::PermissionDenied);

    auto point = f.vfs->resolve("/mnt/point", f.root(), Credentials::root());
    REQUIRE(!point.is_error());
    REQUIRE(point.value()->is_same(*other->root()));
    REQUIRE(f.resolve_error("/mnt/point/hidden") == Error::NoEntry);
    REQUIRE(f.write_file("/mnt/point/on_top", "over") == Error::None);
    REQUIRE(f.read_file("/mnt/point/on_top") == "over");

    auto mnt = f.vfs->resolve("/mnt", f.root(), Credentials::root()).release_value();
    auto up = f.vfs->resolve("/mnt/point/..", f.root(), Credentials::root());
    REQUIRE(!up.is_error());
    REQUIRE(up.value()->is_same(*mnt));
    auto top = f.vfs->resolve("..", *other->root(), Credentials::root());
    REQUIRE(top.value()->is_same(*mnt));

    // A mount point cannot be removed or renamed while mounted.
    REQUIRE(error_of(f.vfs->rmdir("/mnt/point", Credentials::root(), f.root())) == Error::Busy);
    REQUIRE(error_of(f.vfs->rename("/mnt/point", "/mnt/moved", Credentials::root(), f.root())) == Error::Busy);
    // Renaming across the two file systems is EXDEV.
    REQUIRE(f.write_file("/lower", "x") == Error::None);
    REQUIRE(error_of(f.vfs->rename("/lower", "/mnt/point/lower", Credentials::root(), f.root()))
        == Error::CrossDevice);

    char cwd[64];
    auto nested = f.mkdir("/mnt/point/deep");
    REQUIRE(nested == Error::None);
    auto deep = f.vfs->resolve("/mnt/point/deep", f.root(), Credentials::root()).release_value();
    auto length = f.vfs->getcwd(*deep, cwd, sizeof(cwd));
    REQUIRE(!length.is_error());
    REQUIRE(std::string(cwd) == "/mnt/point/deep");

    REQUIRE(!f.vfs->unmount("/mnt/point", Credentials::root(), f.root()).is_error());
    REQUIRE(f.read_file("/mnt/point/hidden") == "under");
}

TEST_CASE("devfs mounts at /dev and lists its devices", "[vfs][mount][devfs]")
{
    VfsFixture f;
    REQUIRE(f.mkdir("/dev") == Error::None);
    auto devfs = Devfs::create().release_value();
    REQUIRE(!devfs->register_standard_devices().is_error());
    REQUIRE(!f.vfs->mount("/dev", devfs, Credentials::root(), f.root()).is_error());
    auto null = f.vfs->stat("/dev/null", Credentials::root(), f.root());
    REQUIRE(!null.is_error());
    REQUIRE((null.value().mode & FileMode::TypeMask) == FileMode::CharDevice);
    REQUIRE(f.resolve_error("/dev/../dev/zero") == Error::None);
    auto up = f.vfs->resolve("/dev/..", f.root(), Credentials::root());
    REQUIRE(up.value()->is_same(f.root()));
}

TEST_CASE("resolve_parent splits off the last component", "[vfs][path]")
{
    VfsFixture f;
    REQUIRE(f.mkdir("/a") == Error::None);
    auto parent = f.vfs->resolve_parent("/a//new/", f.root(), Credentials::root());
    REQUIRE(!parent.is_error());
    REQUIRE(parent.value().name == "new"_sv);
    REQUIRE(parent.value().trailing_slash);
    REQUIRE(parent.value().directory->stat().value().inode == f.vfs->stat("/a", Credentials::root(), f.root()).value().inode);

    auto rooted = f.vfs->resolve_parent("///", f.root(), Credentials::root());
    REQUIRE(!rooted.is_error());
    REQUIRE(rooted.value().name.is_empty());

    auto relative = f.vfs->resolve_parent("plain", f.root(), Credentials::root());
    REQUIRE(relative.value().name == "plain"_sv);
    REQUIRE(!relative.value().trailing_slash);
    REQUIRE(f.vfs->resolve_parent("/missing/x", f.root(), Credentials::root()).error() == Error::NoEntry);
}
