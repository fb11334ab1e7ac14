// Elf64: validation of a static ELF64 x86-64 executable held in a byte buffer
// from an untrusted source (a file named by execve). Everything malformed is
// Error::NotExecutable (ENOEXEC); the result is the list of loadable segments.
// Pure function of the bytes: no locks, no allocation besides the segment list.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/lib/vector.h"

struct ElfSegment {
    VirtAddr vaddr;   // first byte (need not be page aligned)
    u64 memsz;        // bytes in memory; [filesz, memsz) is zero-filled
    u64 offset;       // file offset of the first byte
    u64 filesz;       // bytes copied from the file (<= memsz)
    bool readable;
    bool writable;
    bool executable;
};

class Elf64 {
public:
    static constexpr usize HEADER_SIZE = 64;
    static constexpr usize PROGRAM_HEADER_SIZE = 56;
    static constexpr u16 MAX_PROGRAM_HEADERS = 64;
    // Segments must lie in [LOWEST_ADDRESS, HIGHEST_ADDRESS): the user half minus
    // its first page, so NULL stays unmapped.
    static constexpr VirtAddr LOWEST_ADDRESS = 0x1000;
    static constexpr VirtAddr HIGHEST_ADDRESS = 0x0000800000000000ull;

    // Validates data[0, size) as described in elf64.cpp. The segments are sorted by
    // vaddr, have memsz > 0, and no two of them share a page.
    static Result<Elf64> parse(u8 const* data, usize size);

    VirtAddr entry() const { return m_entry; }
    Vector<ElfSegment> const& segments() const { return m_segments; }

    // For the auxiliary vector: where the program headers are in the file, their
    // size and count, and their address once loaded (0 when no PT_LOAD covers them).
    u64 program_header_offset() const { return m_phoff; }
    u16 program_header_size() const { return PROGRAM_HEADER_SIZE; }
    u16 program_header_count() const { return m_phnum; }
    VirtAddr program_header_address() const { return m_phdr_address; }

    // PT_GNU_STACK: present, and whether it asks for an executable stack.
    bool has_gnu_stack() const { return m_has_gnu_stack; }
    bool wants_executable_stack() const { return m_executable_stack; }

    // Highest end (vaddr + memsz) of any segment: where the heap may begin.
    VirtAddr image_end() const;

private:
    Elf64() = default;

    VirtAddr m_entry { 0 };
    u64 m_phoff { 0 };
    u16 m_phnum { 0 };
    VirtAddr m_phdr_address { 0 };
    bool m_has_gnu_stack { false };
    bool m_executable_stack { false };
    Vector<ElfSegment> m_segments;
};
