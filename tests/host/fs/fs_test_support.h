// Helpers for the file system tests: a VFS over a fresh ramfs, and short ways
// to write and read whole files through it.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "fs/ramfs/ramfs.h"
#include "fs/vfs/vfs.h"
#include "tests/host/kernel/sched/sched_test_support.h"

struct VfsFixture {
    VfsFixture()
    {
        sched_test_init();
        auto fs = Ramfs::create(0755);
        REQUIRE(!fs.is_error());
        ramfs = fs.release_value();
        auto made = Vfs::create(*ramfs);
        REQUIRE(!made.is_error());
        vfs = made.release_value();
    }

    Vnode& root() { return *root_vnode(); }
    NonnullRefPtr<Vnode> root_vnode() { return vfs->root(); }

    Error write_file(char const* path, std::string const& text, Credentials creds = Credentials::root(),
        u32 mode = 0644)
    {
        auto file = vfs->open(path, OpenFlag::WriteOnly | OpenFlag::Create | OpenFlag::Truncate, mode, creds, root());
        if (file.is_error())
            return file.error();
        auto done = file.value()->write(reinterpret_cast<u8 const*>(text.data()), text.size());
        if (done.is_error())
            return done.error();
        return done.value() == text.size() ? Error::None : Error::IoError;
    }

    std::string read_file(char const* path, Credentials creds = Credentials::root())
    {
        auto file = vfs->open(path, OpenFlag::ReadOnly, 0, creds, root());
        if (file.is_error())
            return std::string("<") + error_name(file.error()) + ">";
        std::string out;
        u8 buffer[97];
        for (;;) {
            auto done = file.value()->read(buffer, sizeof(buffer));
            if (done.is_error())
                return std::string("<") + error_name(done.error()) + ">";
            if (done.value() == 0)
                return out;
            out.append(reinterpret_cast<char*>(buffer), done.value());
        }
    }

    Error mkdir(char const* path, u32 mode = 0755, Credentials creds = Credentials::root())
    {
        auto result = vfs->mkdir(path, mode, creds, root());
        return result.is_error() ? result.error() : Error::None;
    }

    Error resolve_error(char const* path, Credentials creds = Credentials::root())
    {
        auto result = vfs->resolve(path, root(), creds);
        return result.is_error() ? result.error() : Error::None;
    }

    RefPtr<Ramfs> ramfs;
    OwnPtr<Vfs> vfs;
};

inline Error error_of(Result<void> const& result) { return result.is_error() ? result.error() : Error::None; }

template<typename T>
Error error_of(Result<T> const& result)
{
    return result.is_error() ? result.error() : Error::None;
}

namespace Catch {
template<>
struct StringMaker<Error> {
    static std::string convert(Error error) { return error_name(error); }
};
} // namespace Catch
