// Devfs: the registry and the built-in devices, opened through the VFS.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "fs/devfs/devfs.h"
#include "kernel/log/klog.h"
#include "tests/host/fs/fs_test_support.h"

namespace {

struct DevFixture : VfsFixture {
    DevFixture()
    {
        REQUIRE(mkdir("/dev") == Error::None);
        devfs = Devfs::create().release_value();
        REQUIRE(!vfs->mount("/dev", *devfs, Credentials::root(), root()).is_error());
    }
    NonnullRefPtr<OpenFileDescription> open(char const* path, u32 flags = OpenFlag::ReadWrite)
    {
        auto description = vfs->open(path, flags, 0, Credentials::root(), root());
        REQUIRE(!description.is_error());
        return description.release_value();
    }
    RefPtr<Devfs> devfs;
};

class CountingDevice final : public CharDevice {
public:
    Result<usize> read(OpenFileDescription&, u64, u8* buffer, usize size) override
    {
        for (usize i = 0; i < size; ++i)
            buffer[i] = static_cast<u8>('a' + i % 26);
        return size;
    }
    Result<usize> write(OpenFileDescription&, u64, u8 const*, usize size) override
    {
        written += size;
        return size;
    }
    Result<i64> ioctl(OpenFileDescription&, u32 request, uptr argument) override
    {
        if (request != 0x5401)
            return Error::NotTty;
        return static_cast<i64>(argument + 1);
    }
    usize written { 0 };
};

Result<void> fixed_entropy(u8* buffer, usize size)
{
    for (usize i = 0; i < size; ++i)
        buffer[i] = 0x5A;
    return {};
}

} // namespace

TEST_CASE("devfs registers devices by name and refuses user changes", "[devfs]")
{
    DevFixture f;
    auto device = make_ref<CountingDevice>().release_value();
    REQUIRE(!f.devfs->register_char_device("count"_sv, device, 0620, 0, 5).is_error());
    REQUIRE(f.devfs->register_char_device("count"_sv, device).error() == Error::Exists);
    REQUIRE(f.devfs->register_char_device("a/b"_sv, device).error() == Error::InvalidArgument);
    REQUIRE(f.devfs->register_char_device(".."_sv, device).error() == Error::InvalidArgument);

    auto stat = f.vfs->stat("/dev/count", Credentials::root(), f.root()).value();
    REQUIRE(stat.mode == (FileMode::CharDevice | 0620));
    REQUIRE(stat.gid == 5);
    REQUIRE(stat.rdev != 0);

    auto file = f.open("/dev/count", OpenFlag::ReadWrite | OpenFlag::Truncate);
    u8 buffer[4];
    REQUIRE(file->read(buffer, 4).value() == 4);
    REQUIRE(std::string(reinterpret_cast<char*>(buffer), 4) == "abcd");
    REQUIRE(file->write(buffer, 3).value() == 3);
    REQUIRE(device->written == 3);
    REQUIRE(file->ioctl(0x5401, 41).value() == 42);
    REQUIRE(file->ioctl(1, 0).error() == Error::NotTty);
    REQUIRE(file->offset() == 0); // devices have no offset

    // Permissions apply: group may write but not read.
    REQUIRE(f.vfs->open("/dev/count", OpenFlag::WriteOnly, 0, Credentials::user(9, 5), f.root()).is_error()
        == false);
    REQUIRE(f.vfs->open("/dev/count", OpenFlag::ReadOnly, 0, Credentials::user(9, 5), f.root()).error()
        == Error::AccessDenied);

    REQUIRE(f.write_file("/dev/newfile", "x") == Error::PermissionDenied);
    REQUIRE(f.mkdir("/dev/dir") == Error::PermissionDenied);
    REQUIRE(error_of(f.vfs->unlink("/dev/count", Credentials::root(), f.root())) == Error::PermissionDenied);

    REQUIRE(!f.devfs->unregister_char_device("count"_sv).is_error());
    REQUIRE(f.resolve_error("/dev/count") == Error::NoEntry);
    REQUIRE(f.devfs->unregister_char_device("count"_sv).error() == Error::NoEntry);
}

TEST_CASE("null, zero and random behave", "[devfs]")
{
    DevFixture f;
    REQUIRE(!f.devfs->register_standard_devices(fixed_entropy).is_error());
    u8 buffer[64];

    auto null = f.open("/dev/null");
    REQUIRE(null->read(buffer, sizeof(buffer)).value() == 0);
    REQUIRE(null->write(buffer, sizeof(buffer)).value() == sizeof(buffer));

    auto zero = f.open("/dev/zero");
    std::memset(buffer, 0xff, sizeof(buffer));
    REQUIRE(zero->read(buffer, sizeof(buffer)).value() == sizeof(buffer));
    for (u8 byte : buffer)
        REQUIRE(byte == 0);

    auto random = f.open("/dev/random", OpenFlag::ReadOnly);
    REQUIRE(random->read(buffer, sizeof(buffer)).value() == sizeof(buffer));
    for (u8 byte : buffer)
        REQUIRE(byte == 0x5A); // from the entropy source we passed

    // The fallback generator: output differs between reads and is not constant.
    auto generator = RandomDevice::create().release_value();
    u8 first[32];
    u8 second[32];
    REQUIRE(!generator->fill(first, sizeof(first)).is_error());
    REQUIRE(!generator->fill(second, sizeof(second)).is_error());
    REQUIRE(std::memcmp(first, second, sizeof(first)) != 0);
    int distinct = 0;
    for (usize i = 1; i < sizeof(first); ++i)
        distinct += first[i] != first[0];
    REQUIRE(distinct > 0);
}

TEST_CASE("kmsg reads the kernel log with a cursor per open", "[devfs][kmsg]")
{
    DevFixture f;
    REQUIRE(!f.devfs->register_standard_devices().is_error());
    log_info("devfs-test marker one");
    auto first = f.open("/dev/kmsg", OpenFlag::ReadOnly);
    std::string all;
    char buffer[256];
    for (;;) {
        usize got = first->read(reinterpret_cast<u8*>(buffer), sizeof(buffer)).value();
        if (got == 0)
            break;
        all.append(buffer, got);
    }
    REQUIRE(all.find("devfs-test marker one") != std::string::npos);

    // A write goes into the log; the first reader sees only what is new, a
    // fresh open sees everything again.
    auto writer = f.open("/dev/kmsg", OpenFlag::WriteOnly);
    char const* text = "devfs-test marker two\n";
    REQUIRE(writer->write(reinterpret_cast<u8 const*>(text), std::strlen(text)).value() == std::strlen(text));
    std::string fresh;
    for (;;) {
        usize got = first->read(reinterpret_cast<u8*>(buffer), sizeof(buffer)).value();
        if (got == 0)
            break;
        fresh.append(buffer, got);
    }
    REQUIRE(fresh.find("devfs-test marker two") != std::string::npos);
    REQUIRE(fresh.find("devfs-test marker one") == std::string::npos);
    auto second = f.open("/dev/kmsg", OpenFlag::ReadOnly);
    std::string again;
    for (;;) {
        usize got = second->read(reinterpret_cast<u8*>(buffer), sizeof(buffer)).value();
        if (got == 0)
            break;
        again.append(buffer, got);
    }
    REQUIRE(again.find("devfs-test marker one") != std::string::npos);
    // Only root may open it.
    REQUIRE(f.vfs->open("/dev/kmsg", OpenFlag::ReadOnly, 0, Credentials::user(1, 1), f.root()).error()
        == Error::AccessDenied);
}
