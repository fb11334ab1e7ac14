// Tests of Elf64: a typical static executable parses to the right segments, and
// each malformation is refused with NotExecutable.
#include <catch2/catch.hpp>

#include "kernel/exec/elf64.h"
#include "kernel/exec/elf_builder.h"

namespace {

Result<Elf64> parse(ElfBuilder const& builder)
{
    auto bytes = builder.build();
    return Elf64::parse(bytes.data(), bytes.size());
}

Error parse_error(ElfBuilder const& builder)
{
    auto result = parse(builder);
    return result.is_error() ? result.error() : Error::None;
}

} // namespace

TEST_CASE("Elf64: a typical static executable")
{
    auto result = parse(ElfBuilder::typical());
    REQUIRE(!result.is_error());
    Elf64 const& elf = result.value();
    CHECK(elf.entry() == 0x401010);
    REQUIRE(elf.segments().size() == 2);
    ElfSegment const& text = elf.segments()[0];
    CHECK(text.vaddr == 0x401000);
    CHECK(text.offset == 0x1000);
    CHECK(text.filesz == 0x234);
    CHECK(text.memsz == 0x234);
    CHECK(text.readable);
    CHECK(!text.writable);
    CHECK(text.executable);
    ElfSegment const& data = elf.segments()[1];
    CHECK(data.vaddr == 0x403000);
    CHECK(data.filesz == 0x180);
    CHECK(data.memsz == 0x3000);
    CHECK(data.writable);
    CHECK(!data.executable);
    CHECK(elf.has_gnu_stack());
    CHECK(!elf.wants_executable_stack());
    CHECK(elf.image_end() == 0x406000);
    CHECK(elf.program_header_offset() == 64);
    CHECK(elf.program_header_count() == 3);
    CHECK(elf.program_header_size() == 56);
    CHECK(elf.program_header_address() == 0); // no PT_LOAD covers file offset 64
}

TEST_CASE("Elf64: program headers inside the first segment get an address")
{
    ElfBuilder b;
    b.entry = 0x400100;
    b.headers.push_back({ TEST_PT_LOAD, TEST_PF_R | TEST_PF_X, 0, 0x400000, 0x300, 0x300 });
    auto result = parse(b);
    REQUIRE(!result.is_error());
    CHECK(result.value().program_header_address() == 0x400040);
    CHECK(!result.value().has_gnu_stack());
}

TEST_CASE("Elf64: segments come back sorted and empty ones are skipped")
{
    ElfBuilder b = ElfBuilder::typical();
    std::swap(b.headers[0], b.headers[1]);
    b.headers.push_back({ TEST_PT_LOAD, TEST_PF_R, 0, 0x900000, 0, 0 });
    b.headers.push_back({ 4 /* PT_NOTE */, TEST_PF_R, 0x1000, 0x401000, 0x10, 0x10 });
    auto result = parse(b);
    REQUIRE(!result.is_error());
    REQUIRE(result.value().segments().size() == 2);
    CHECK(result.value().segments()[0].vaddr == 0x401000);
    CHECK(result.value().segments()[1].vaddr == 0x403000);
}

TEST_CASE("Elf64: identification and header fields are checked")
{
    CHECK(Elf64::parse(nullptr, 0).error() == Error::NotExecutable);
    {
        auto bytes = ElfBuilder::typical().build();
        CHECK(Elf64::parse(bytes.data(), 63).error() == Error::NotExecutable);
        bytes[1] = 'e';
        CHECK(Elf64::parse(bytes.data(), bytes.size()).error() == Error::NotExecutable);
    }
    ElfBuilder b = ElfBuilder::typical();
    SECTION("32-bit class") { b.ident_class = 1; }
    SECTION("big endian") { b.ident_data = 2; }
    SECTION("ident version") { b.ident_version = 0; }
    SECTION("ET_DYN (static-pie is refused)") { b.type = 3; }
    SECTION("ET_REL") { b.type = 1; }
    SECTION("EM_386") { b.machine = 3; }
    SECTION("e_version") { b.version = 2; }
    SECTION("phentsize") { b.phentsize = 32; }
    SECTION("no program headers") { b.phnum_override = 0; }
    SECTION("too many program headers") { b.phnum_override = 65; }
    SECTION("PN_XNUM") { b.phnum_override = 0xffff; }
    SECTION("table past the end of the file")
    {
        // Only the header and the table in the file: one byte short of the table.
        ElfBuilder small;
        small.entry = 0x400100;
        small.headers.push_back({ TEST_PT_LOAD, TEST_PF_R | TEST_PF_X, 0, 0x400000, 64 + 56, 0x300 });
        auto bytes = small.build();
        REQUIRE(bytes.size() == 64 + 56);
        CHECK(!Elf64::parse(bytes.data(), bytes.size()).is_error());
        CHECK(Elf64::parse(bytes.data(), bytes.size() - 1).error() == Error::NotExecutable);
        return;
    }
    SECTION("phoff past the end") { b.phoff = 1ull << 40; }
    SECTION("phoff wraps") { b.phoff = ~0ull - 8; }
    CHECK(parse_error(b) == Error::NotExecutable);
}

TEST_CASE("Elf64: dynamic linking is refused")
{
    ElfBuilder b = ElfBuilder::typical();
    SECTION("PT_INTERP") { b.headers.push_back({ 3, TEST_PF_R, 0x1000, 0x401000, 0x10, 0x10 }); }
    SECTION("PT_DYNAMIC") { b.headers.push_back({ 2, TEST_PF_R, 0x2000, 0x403000, 0x10, 0x10 }); }
    CHECK(parse_error(b) == Error::NotExecutable);
}

TEST_CASE("Elf64: bad PT_LOAD segments are refused")
{
    ElfBuilder b = ElfBuilder::typical();
    TestProgramHeader& data = b.headers[1];
    SECTION("filesz > memsz") { data.filesz = 0x3001; }
    SECTION("file bytes past the end of the file")
    {
        auto bytes = b.build();
        data.filesz = bytes.size() - data.offset + 1;
        CHECK(Elf64::parse(bytes.data(), bytes.size() - 1).error() == Error::NotExecutable);
        return;
    }
    SECTION("offset wraps") { data.offset = ~0ull - 0xfff; data.filesz = 0x2000; data.memsz = 0x3000; }
    SECTION("memsz 0 with file bytes") { data.memsz = 0; }
    SECTION("in the first page") { data.vaddr = 0; data.offset = 0; }
    SECTION("first page, unaligned") { data.vaddr = 0x800; data.offset = 0x800; }
    SECTION("in the kernel half") { data.vaddr = 0xffff800000000000ull; data.offset = 0x2000; }
    SECTION("just past the user half") { data.vaddr = 0x0000800000000000ull; data.offset = 0x2000; }
    SECTION("crossing the end of the user half") { data.vaddr = 0x00007ffffffff000ull; data.memsz = 0x2000; }
    SECTION("vaddr + memsz wraps") { data.memsz = ~0ull - 0x1000; }
    SECTION("vaddr and offset not congruent") { data.vaddr = 0x403100; }
    SECTION("overlapping segments") { data.vaddr = 0x401000; data.offset = 0x2000; }
    SECTION("segments sharing a page") { data.vaddr = 0x401800; data.offset = 0x2800; data.filesz = 0x10; }
    SECTION("entry outside every segment") { b.entry = 0x500000; }
    SECTION("entry in a non-executable segment") { b.entry = 0x403000; }
    SECTION("entry one past the text segment") { b.entry = 0x401234; }
    CHECK(parse_error(b) == Error::NotExecutable);
}

TEST_CASE("Elf64: boundary cases that are fine")
{
    ElfBuilder b = ElfBuilder::typical();
    TestProgramHeader& data = b.headers[1];
    SECTION("a segment ending exactly at the end of the user half")
    {
        data.vaddr = 0x00007fffffffe000ull;
        data.memsz = 0x2000;
    }
    SECTION("bss only") { data.filesz = 0; }
    SECTION("segments in adjacent pages") { data.vaddr = 0x402000; }
    SECTION("entry at the last byte of text") { b.entry = 0x401233; }
    SECTION("executable stack noted")
    {
        b.headers[2].flags |= TEST_PF_X;
        auto result = parse(b);
        REQUIRE(!result.is_error());
        CHECK(result.value().wants_executable_stack());
    }
    CHECK(parse_error(b) == Error::None);
}
