// FdTable: lowest-free allocation, dup/dup2, close-on-exec, fork sharing.
#include <catch2/catch.hpp>

#include "fs/vfs/fd_table.h"
#include "tests/host/fs/fs_test_support.h"

namespace {

NonnullRefPtr<OpenFileDescription> open_file(VfsFixture& f, char const* path, u32 flags = OpenFlag::ReadWrite)
{
    auto description = f.vfs->open(path, flags | OpenFlag::Create, 0644, Credentials::root(), f.root());
    REQUIRE(!description.is_error());
    return description.release_value();
}

} // namespace

TEST_CASE("fds are allocated lowest-free and closed once", "[fd_table]")
{
    VfsFixture f;
    auto table = FdTable::create().release_value();
    auto file = open_file(f, "/f");
    REQUIRE(table->allocate(file).value() == 0);
    REQUIRE(table->allocate(file).value() == 1);
    REQUIRE(table->allocate(file).value() == 2);
    REQUIRE(!table->close(1).is_error());
    REQUIRE(table->close(1).error() == Error::BadFd);
    REQUIRE(table->close(-1).error() == Error::BadFd);
    REQUIRE(table->close(FdTable::MAX_FDS).error() == Error::BadFd);
    REQUIRE(table->allocate(file).value() == 1);
    REQUIRE(table->allocate(file, false, 10).value() == 10);
    REQUIRE(table->get(10).value() == file.ptr());
    REQUIRE(table->get(9).error() == Error::BadFd);
    REQUIRE(table->open_count() == 4);
}

TEST_CASE("running out of fds gives EMFILE", "[fd_table]")
{
    VfsFixture f;
    auto table = FdTable::create().release_value();
    auto file = open_file(f, "/f");
    for (int i = 0; i < FdTable::MAX_FDS; ++i)
        REQUIRE(table->allocate(file).value() == i);
    REQUIRE(table->allocate(file).error() == Error::TooManyFiles);
    REQUIRE(table->dup(0).error() == Error::TooManyFiles);
    table->close_all();
    REQUIRE(table->open_count() == 0);
    REQUIRE(file->ref_count() == 1);
}

TEST_CASE("dup and dup2 share the description and its offset", "[fd_table]")
{
    VfsFixture f;
    REQUIRE(f.write_file("/f", "0123456789") == Error::None);
    auto table = FdTable::create().release_value();
    auto file = f.vfs->open("/f", OpenFlag::ReadOnly, 0, Credentials::root(), f.root()).release_value();
    int fd = table->allocate(file, true).value();
    int copy = table->dup(fd).value();
    REQUIRE(copy == 1);
    REQUIRE(table->close_on_exec(fd).value());
    REQUIRE(!table->close_on_exec(copy).value()); // dup clears close-on-exec

    u8 buffer[4];
    REQUIRE(table->get(fd).value()->read(buffer, 4).value() == 4);
    REQUIRE(table->get(copy).value()->offset() == 4);

    auto other = open_file(f, "/other");
    int victim = table->allocate(other).value();
    REQUIRE(victim == 2);
    REQUIRE(table->dup2(fd, victim).value() == victim);
    REQUIRE(other->ref_count() == 1); // the table let go of it
    REQUIRE(table->get(victim).value() == file.ptr());
    REQUIRE(table->dup2(fd, fd).value() == fd);
    REQUIRE(table->dup2(7, 8).error() == Error::BadFd);
    REQUIRE(table->dup2(fd, FdTable::MAX_FDS).error() == Error::BadFd);
    REQUIRE(table->dup2(fd, 200).value() == 200);
    REQUIRE(table->dup(fd, 150, true).value() == 150);
    REQUIRE(table->close_on_exec(150).value());
}

TEST_CASE("a forked table shares descriptions; exec closes close-on-exec fds", "[fd_table]")
{
    VfsFixture f;
    REQUIRE(f.write_file("/f", "abcdef") == Error::None);
    auto parent = FdTable::create().release_value();
    auto file = f.vfs->open("/f", OpenFlag::ReadOnly, 0, Credentials::root(), f.root()).release_value();
    REQUIRE(parent->allocate(file).value() == 0);
    REQUIRE(parent->allocate(file, true).value() == 1);
    auto child = parent->clone().release_value();
    REQUIRE(child->open_count() == 2);
    REQUIRE(child->close_on_exec(1).value());

    u8 byte;
    REQUIRE(child->get(0).value()->read(&byte, 1).value() == 1);
    REQUIRE(byte == 'a');
    REQUIRE(parent->get(0).value()->read(&byte, 1).value() == 1);
    REQUIRE(byte == 'b'); // the offset is shared across "fork"

    child->close_on_exec_fds();
    REQUIRE(child->get(1).error() == Error::BadFd);
    REQUIRE(!child->get(0).is_error());
    REQUIRE(!parent->get(1).is_error()); // the parent is untouched

    REQUIRE(!child->set_close_on_exec(0, true).is_error());
    REQUIRE(!parent->close_on_exec(0).value());
}
