// Symbol lookup over a blob laid out as tools/gen_ksyms.py lays it out.
#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <vector>

#include "kernel/debug/symbol_table.h"

namespace {

void put_u64(std::vector<u8>& out, u64 v)
{
    for (int i = 0; i < 8; ++i)
        out.push_back(u8(v >> (8 * i)));
}

std::vector<u8> make_blob(std::vector<std::pair<u64, std::string>> const& syms)
{
    std::vector<u8> blob;
    put_u64(blob, syms.size());
    u64 offset = 0;
    for (auto& [addr, name] : syms) {
        put_u64(blob, addr);
        put_u64(blob, offset);
        offset += name.size() + 1;
    }
    for (auto& [addr, name] : syms) {
        blob.insert(blob.end(), name.begin(), name.end());
        blob.push_back(0);
    }
    return blob;
}

} // namespace

TEST_CASE("symbol lookup finds the enclosing function")
{
    auto blob = make_blob({ { 0x1000, "alpha" }, { 0x1100, "beta" }, { 0x2000, "gamma" } });
    SymbolTable table;
    table.bind(blob.data(), blob.size());
    REQUIRE(table.count() == 3);
    CHECK(table.lookup(0xfff).name == nullptr);
    auto hit = table.lookup(0x1050);
    REQUIRE(hit.name != nullptr);
    CHECK(std::string(hit.name) == "alpha");
    CHECK(hit.offset == 0x50);
    CHECK(std::string(table.lookup(0x1100).name) == "beta");
    CHECK(std::string(table.lookup(0x9999).name) == "gamma");
    CHECK(table.address_of("beta") == 0x1100);
    CHECK(table.address_of("bet") == 0);
}

TEST_CASE("a symbol table that lies about its count is ignored")
{
    auto blob = make_blob({ { 0x1000, "alpha" } });
    blob[0] = 0xff; // count far past the blob
    SymbolTable table;
    table.bind(blob.data(), blob.size());
    CHECK(table.count() == 0);
    CHECK(table.lookup(0x1000).name == nullptr);
}

TEST_CASE("a name offset past the blob reads as ?")
{
    auto blob = make_blob({ { 0x1000, "alpha" } });
    blob[16] = 0x7f; // name offset of entry 0
    SymbolTable table;
    table.bind(blob.data(), blob.size());
    CHECK(std::string(table.lookup(0x1000).name) == "?");
}
