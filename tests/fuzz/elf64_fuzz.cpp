// libFuzzer target: ELF64 executables from arbitrary bytes. Whatever parses must
// satisfy the loader's preconditions; a violated one traps.
#include <cstddef>
#include <cstdint>

#include "kernel/exec/elf64.h"

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    auto result = Elf64::parse(data, size);
    if (result.is_error()) {
        if (result.error() != Error::NotExecutable && result.error() != Error::NoMemory)
            __builtin_trap();
        return 0;
    }
    Elf64 const& elf = result.value();
    bool entry_found = false;
    u64 previous_end = 0;
    for (auto const& s : elf.segments()) {
        if (s.memsz == 0 || s.filesz > s.memsz)
            __builtin_trap();
        if (s.offset > size || s.filesz > size - s.offset)
            __builtin_trap();
        if (s.vaddr < Elf64::LOWEST_ADDRESS || s.vaddr + s.memsz > Elf64::HIGHEST_ADDRESS || s.vaddr + s.memsz < s.vaddr)
            __builtin_trap();
        if (s.vaddr % PAGE_SIZE != s.offset % PAGE_SIZE)
            __builtin_trap();
        if (align_down(s.vaddr, PAGE_SIZE) < previous_end) // sorted, no shared pages
            __builtin_trap();
        previous_end = align_up(s.vaddr + s.memsz, PAGE_SIZE);
        if (s.executable && elf.entry() >= s.vaddr && elf.entry() < s.vaddr + s.memsz)
            entry_found = true;
        // Touch the file bytes the loader would copy.
        volatile u8 sink = 0;
        for (u64 i = 0; i < s.filesz; i += 512)
            sink = sink + data[s.offset + i];
    }
    if (!entry_found || align_up(elf.image_end(), PAGE_SIZE) != previous_end)
        __builtin_trap();
    if (elf.program_header_count() == 0 || elf.program_header_count() > Elf64::MAX_PROGRAM_HEADERS)
        __builtin_trap();
    return 0;
}
