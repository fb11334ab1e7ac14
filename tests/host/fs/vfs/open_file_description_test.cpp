// OpenFileDescription: seeking, appending, access modes and status flags.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/host/fs/fs_test_support.h"

TEST_CASE("lseek from start, current and end", "[open_file_description]")
{
    VfsFixture f;
    REQUIRE(f.write_file("/f", "0123456789") == Error::None);
    auto file = f.vfs->open("/f", OpenFlag::ReadWrite, 0, Credentials::root(), f.root()).release_value();
    REQUIRE(file->seek(3, SeekWhence::Set).value() == 3);
    REQUIRE(file->seek(2, SeekWhence::Current).value() == 5);
    REQUIRE(file->seek(-1, SeekWhence::End).value() == 9);
    REQUIRE(file->seek(-20, SeekWhence::Current).error() == Error::InvalidArgument);
    REQUIRE(file->offset() == 9);
    REQUIRE(file->seek(INT64_MAX, SeekWhence::Current).error() == Error::Overflow);
    REQUIRE(file->seek(0, static_cast<SeekWhence>(7)).error() == Error::InvalidArgument);

    // Writing past the end leaves a hole that reads as zeros.
    REQUIRE(file->seek(20, SeekWhence::Set).value() == 20);
    REQUIRE(file->write(reinterpret_cast<u8 const*>("Z"), 1).value() == 1);
    REQUIRE(file->stat().value().size == 21);
    REQUIRE(file->seek(8, SeekWhence::Set).value() == 8);
    u8 buffer[16];
    REQUIRE(file->read(buffer, sizeof(buffer)).value() == 13);
    REQUIRE(buffer[0] == '8');
    REQUIRE(buffer[1] == '9');
    for (int i = 2; i < 12; ++i)
        REQUIRE(buffer[i] == 0);
    REQUIRE(buffer[12] == 'Z');
    REQUIRE(file->read(buffer, sizeof(buffer)).value() == 0);
}

TEST_CASE("O_APPEND writes at the end even after another writer grew the file", "[open_file_description]")
{
    VfsFixture f;
    REQUIRE(f.write_file("/log", "one\n") == Error::None);
    auto root = Credentials::root();
    auto appender = f.vfs->open("/log", OpenFlag::WriteOnly | OpenFlag::Append, 0, root, f.root()).release_value();
    auto other = f.vfs->open("/log", OpenFlag::WriteOnly, 0, root, f.root()).release_value();
    REQUIRE(other->seek(0, SeekWhence::End).value() == 4);
    REQUIRE(other->write(reinterpret_cast<u8 const*>("two\n"), 4).value() == 4);
    REQUIRE(appender->write(reinterpret_cast<u8 const*>("three\n"), 6).value() == 6);
    REQUIRE(appender->offset() == 14);
    REQUIRE(f.read_file("/log") == "one\ntwo\nthree\n");
}

TEST_CASE("access modes and status flags", "[open_file_description]")
{
    VfsFixture f;
    REQUIRE(f.write_file("/f", "x") == Error::None);
    auto root = Credentials::root();
    auto reader = f.vfs->open("/f", OpenFlag::ReadOnly | OpenFlag::CloseOnExec, 0, root, f.root()).release_value();
    auto writer = f.vfs->open("/f", OpenFlag::WriteOnly, 0, root, f.root()).release_value();
    u8 byte = 'y';
    REQUIRE(reader->write(&byte, 1).error() == Error::BadFd);
    REQUIRE(writer->read(&byte, 1).error() == Error::BadFd);
    REQUIRE(reader->flags() == OpenFlag::ReadOnly); // creation flags are not kept
    reader->set_status_flags(OpenFlag::NonBlock | OpenFlag::WriteOnly | OpenFlag::Truncate);
    REQUIRE(reader->flags() == (OpenFlag::ReadOnly | OpenFlag::NonBlock));
    REQUIRE(reader->truncate(0).error() == Error::InvalidArgument);
    REQUIRE(!writer->truncate(0).is_error());
    REQUIRE(reader->stat().value().size == 0);
}

TEST_CASE("readdir through a description lists every entry once", "[open_file_description][readdir]")
{
    VfsFixture f;
    REQUIRE(f.mkdir("/d") == Error::None);
    for (int i = 0; i < 10; ++i) {
        std::string path = "/d/f" + std::to_string(i);
        REQUIRE(f.write_file(path.c_str(), "") == Error::None);
    }
    auto dir = f.vfs->open("/d", OpenFlag::ReadOnly, 0, Credentials::root(), f.root()).release_value();
    DirectoryEntry entries[3];
    std::vector<std::string> names;
    bool removed = false;
    for (;;) {
        usize count = dir->read_directory(entries, 3).value();
        if (count == 0)
            break;
        for (usize i = 0; i < count; ++i)
            names.emplace_back(entries[i].name, entries[i].name_length);
        if (!removed) {
            // Removing an entry already listed must not make the walk skip one.
            REQUIRE(!f.vfs->unlink("/d/f0", Credentials::root(), f.root()).is_error());
            removed = true;
        }
    }
    REQUIRE(names.size() == 12);
    REQUIRE(names[0] == ".");
    REQUIRE(names[1] == "..");
    for (int i = 0; i < 10; ++i)
        REQUIRE(names[2 + i] == "f" + std::to_string(i));
    REQUIRE(dir->seek(0, SeekWhence::Set).value() == 0);
    REQUIRE(dir->read_directory(entries, 3).value() == 3);
    REQUIRE(std::string(entries[2].name) == "f1");
}
