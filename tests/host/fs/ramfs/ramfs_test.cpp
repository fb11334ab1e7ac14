// Ramfs directly through its vnode ops: link counts, file data across pages,
// holes, truncation, and rename bookkeeping.
#include <catch2/catch.hpp>

#include <vector>

#include "fs/ramfs/ramfs.h"
#include "fs/ramfs/ramfs_file.h"
#include "tests/host/fs/fs_test_support.h"

namespace {

u32 nlink_of(Vnode& vnode) { return vnode.stat().value().nlink; }

} // namespace

TEST_CASE("ramfs link counts follow Unix rules", "[ramfs]")
{
    sched_test_init();
    auto fs = Ramfs::create().release_value();
    auto root = fs->root();
    auto creds = Credentials::root();
    REQUIRE(nlink_of(*root) == 2);
    auto a = root->mkdir("a"_sv, 0755, creds).release_value();
    auto b = root->mkdir("b"_sv, 0755, creds).release_value();
    REQUIRE(nlink_of(*root) == 4);
    REQUIRE(nlink_of(*a) == 2);
    auto file = a->create("f"_sv, VnodeKind::Regular, 0644, creds).release_value();
    REQUIRE(nlink_of(*file) == 1);
    REQUIRE(nlink_of(*a) == 2); // files do not count
    REQUIRE(a->create("f"_sv, VnodeKind::Regular, 0644, creds).error() == Error::Exists);
    REQUIRE(a->mkdir("f"_sv, 0755, creds).error() == Error::Exists);
    REQUIRE(a->create("p"_sv, VnodeKind::Fifo, 0644, creds).error() == Error::NotSupported);

    auto inner = a->mkdir("inner"_sv, 0755, creds).release_value();
    REQUIRE(nlink_of(*a) == 3);
    REQUIRE(!a->rename("inner"_sv, *b, "inner"_sv).is_error());
    REQUIRE(nlink_of(*a) == 2);
    REQUIRE(nlink_of(*b) == 3);
    REQUIRE(b->lookup("inner"_sv).value()->is_same(*inner));
    REQUIRE(inner->lookup(".."_sv).value()->is_same(*b));
    REQUIRE(!b->rmdir("inner"_sv).is_error());
    REQUIRE(nlink_of(*b) == 2);
    REQUIRE(nlink_of(*inner) == 0);
    REQUIRE(inner->lookup(".."_sv).value()->is_same(*inner));
    REQUIRE(!a->unlink("f"_sv).is_error());
    REQUIRE(nlink_of(*file) == 0);
    REQUIRE(a->unlink("f"_sv).error() == Error::NoEntry);
    REQUIRE(root->rmdir("a"_sv).is_error() == false);
    REQUIRE(root->lookup(".."_sv).value()->is_same(*root));
    REQUIRE(root->stat().value().inode != b->stat().value().inode);
}

TEST_CASE("ramfs file data spans pages, holes read as zeros", "[ramfs]")
{
    sched_test_init();
    auto fs = Ramfs::create().release_value();
    auto vnode = fs->root()->create("big"_sv, VnodeKind::Regular, 0644, Credentials::root()).release_value();
    auto& file = static_cast<RamfsFile&>(*vnode);

    std::vector<u8> pattern(3 * PAGE_SIZE + 123);
    for (usize i = 0; i < pattern.size(); ++i)
        pattern[i] = static_cast<u8>(i * 7 + 1);
    REQUIRE(file.write_at(PAGE_SIZE - 10, pattern.data(), pattern.size()).value() == pattern.size());
    REQUIRE(file.stat().value().size == PAGE_SIZE - 10 + pattern.size());

    std::vector<u8> back(pattern.size() + PAGE_SIZE);
    usize got = file.read_at(0, back.data(), back.size()).value();
    REQUIRE(got == PAGE_SIZE - 10 + pattern.size());
    for (usize i = 0; i < PAGE_SIZE - 10; ++i)
        REQUIRE(back[i] == 0);
    for (usize i = 0; i < pattern.size(); ++i)
        REQUIRE(back[PAGE_SIZE - 10 + i] == pattern[i]);

    // A far hole costs nothing and reads back as zeros.
    u8 marker = 0xAB;
    REQUIRE(file.write_at(100 * PAGE_SIZE, &marker, 1).value() == 1);
    u8 chunk[64];
    REQUIRE(file.read_at(50 * PAGE_SIZE, chunk, sizeof(chunk)).value() == sizeof(chunk));
    for (u8 byte : chunk)
        REQUIRE(byte == 0);
    REQUIRE(file.read_at(100 * PAGE_SIZE + 1, chunk, 1).value() == 0);
    REQUIRE(file.write_at(RamfsFile::MAX_SIZE, &marker, 1).error() == Error::FileTooBig);
    REQUIRE(file.write_at(~u64(0) - 1, &marker, 4).error() == Error::FileTooBig);
}

TEST_CASE("ramfs truncate shrinks, grows with zeros, and forgets old bytes", "[ramfs]")
{
    sched_test_init();
    auto fs = Ramfs::create().release_value();
    auto vnode = fs->root()->create("t"_sv, VnodeKind::Regular, 0644, Credentials::root()).release_value();
    auto& file = static_cast<RamfsFile&>(*vnode);
    std::vector<u8> ones(2 * PAGE_SIZE, 1);
    REQUIRE(file.write_at(0, ones.data(), ones.size()).value() == ones.size());
    REQUIRE(!file.truncate(100).is_error());
    REQUIRE(file.stat().value().size == 100);
    REQUIRE(!file.truncate(3 * PAGE_SIZE).is_error());
    std::vector<u8> back(3 * PAGE_SIZE, 0xff);
    REQUIRE(file.read_at(0, back.data(), back.size()).value() == back.size());
    for (usize i = 0; i < back.size(); ++i) {
        INFO(i);
        REQUIRE(back[i] == (i < 100 ? 1 : 0));
    }
    REQUIRE(!file.truncate(0).is_error());
    REQUIRE(file.read_at(0, back.data(), 1).value() == 0);
    REQUIRE(fs->root()->truncate(0).error() == Error::IsDirectory);
}

TEST_CASE("ramfs vnodes outlive their file system safely", "[ramfs]")
{
    sched_test_init();
    RefPtr<Vnode> survivor;
    {
        auto fs = Ramfs::create().release_value();
        auto a = fs->root()->mkdir("a"_sv, 0755, Credentials::root()).release_value();
        survivor = a->mkdir("b"_sv, 0755, Credentials::root()).release_value();
    }
    // Its parents are gone: ".." now stays put instead of dangling.
    REQUIRE(survivor->lookup(".."_sv).value()->is_same(*survivor));
    REQUIRE(!survivor->create("f"_sv, VnodeKind::Regular, 0644, Credentials::root()).is_error());
}
