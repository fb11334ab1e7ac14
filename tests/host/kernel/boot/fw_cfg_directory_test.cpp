// fw_cfg directory decoding: well-formed directories as QEMU lays them out
// (big-endian), truncated ones, hostile counts and names without their NUL.
#include <catch2/catch.hpp>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "kernel/boot/fw_cfg_directory.h"

namespace {

void put_be32(std::vector<u8>& out, u32 v)
{
    for (int i = 3; i >= 0; --i)
        out.push_back(u8(v >> (8 * i)));
}

void put_entry(std::vector<u8>& out, u32 size, u16 select, std::string const& name)
{
    put_be32(out, size);
    out.push_back(u8(select >> 8));
    out.push_back(u8(select));
    out.push_back(0);
    out.push_back(0);
    std::vector<u8> field(FwCfgFile::NAME_FIELD, 0);
    std::memcpy(field.data(), name.data(), std::min(name.size(), field.size()));
    out.insert(out.end(), field.begin(), field.end());
}

std::vector<u8> directory(std::vector<std::string> const& names)
{
    std::vector<u8> out;
    put_be32(out, u32(names.size()));
    u16 select = 0x20;
    for (auto const& name : names)
        put_entry(out, u32(name.size() * 10), select++, name);
    return out;
}

Result<FwCfgDirectory> parse_exact(std::vector<u8> const& bytes, size_t size)
{
    std::unique_ptr<u8[]> copy(new u8[size ? size : 1]);
    std::memcpy(copy.get(), bytes.data(), size);
    return FwCfgDirectory::parse(copy.get(), size);
}

} // namespace

TEST_CASE("fw_cfg directory decodes QEMU's big-endian entries")
{
    auto bytes = directory({ "bootorder", "etc/e820", "opt/unum/cmdline" });
    auto result = parse_exact(bytes, bytes.size());
    REQUIRE(!result.is_error());
    FwCfgDirectory const& dir = result.value();
    CHECK(dir.file_count() == 3);
    FwCfgFile const* file = dir.find("opt/unum/cmdline"_sv);
    REQUIRE(file != nullptr);
    CHECK(file->select == 0x22);
    CHECK(file->size == 160);
    CHECK(file->name() == "opt/unum/cmdline"_sv);
    CHECK(dir.find("opt/unum"_sv) == nullptr);
    CHECK(dir.file(0).name() == "bootorder"_sv);
}

TEST_CASE("fw_cfg directory count and single entries")
{
    u8 count[4] = { 0x00, 0x00, 0x01, 0x02 };
    CHECK(FwCfgDirectory::decode_count(count) == 0x102);
    std::vector<u8> entry;
    put_entry(entry, 0x01020304, 0xabcd, "etc/x");
    auto file = FwCfgDirectory::decode_entry(entry.data(), entry.size());
    REQUIRE(!file.is_error());
    CHECK(file.value().size == 0x01020304);
    CHECK(file.value().select == 0xabcd);
    CHECK(FwCfgDirectory::decode_entry(entry.data(), entry.size() - 1).error() == Error::BadMessage);
    CHECK(FwCfgDirectory::decode_entry(nullptr, 64).error() == Error::BadMessage);
}

TEST_CASE("fw_cfg directory accepts a 55-character name and rejects one without a NUL")
{
    std::vector<u8> longest;
    put_entry(longest, 1, 0x20, std::string(55, 'n'));
    auto ok = FwCfgDirectory::decode_entry(longest.data(), longest.size());
    REQUIRE(!ok.is_error());
    CHECK(ok.value().name().length() == 55);

    std::vector<u8> unterminated;
    put_entry(unterminated, 1, 0x20, std::string(56, 'n'));
    CHECK(FwCfgDirectory::decode_entry(unterminated.data(), unterminated.size()).error() == Error::BadMessage);

    std::vector<u8> empty;
    put_entry(empty, 1, 0x20, "");
    CHECK(FwCfgDirectory::decode_entry(empty.data(), empty.size()).error() == Error::BadMessage);
}

TEST_CASE("fw_cfg directory rejects every truncation")
{
    auto bytes = directory({ "a", "bb", "ccc" });
    for (size_t size = 0; size < bytes.size(); ++size) {
        INFO("size " << size);
        CHECK(parse_exact(bytes, size).is_error());
    }
}

TEST_CASE("fw_cfg directory rejects a count far beyond the data")
{
    auto bytes = directory({ "a" });
    bytes[0] = 0xff;
    bytes[1] = 0xff;
    bytes[2] = 0xff;
    bytes[3] = 0xff;
    CHECK(parse_exact(bytes, bytes.size()).error() == Error::BadMessage);
}

TEST_CASE("fw_cfg directory keeps MAX_FILES and counts the rest")
{
    std::vector<std::string> names;
    for (int i = 0; i < 70; ++i)
        names.push_back("etc/file" + std::to_string(i));
    auto bytes = directory(names);
    auto result = parse_exact(bytes, bytes.size());
    REQUIRE(!result.is_error());
    CHECK(result.value().file_count() == FwCfgDirectory::MAX_FILES);
    CHECK(result.value().files_dropped() == 6);
    CHECK(result.value().find("etc/file63"_sv) != nullptr);
    CHECK(result.value().find("etc/file64"_sv) == nullptr);
}

TEST_CASE("fw_cfg directory with no files")
{
    auto bytes = directory({});
    auto result = parse_exact(bytes, bytes.size());
    REQUIRE(!result.is_error());
    CHECK(result.value().file_count() == 0);
    CHECK(result.value().find("x"_sv) == nullptr);
}
