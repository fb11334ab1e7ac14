// Elf64 validation. The checks, in order: the identification bytes (magic,
// ELFCLASS64, ELFDATA2LSB, EV_CURRENT), ET_EXEC for EM_X86_64, the program header
// table inside the file, then every program header: PT_INTERP and PT_DYNAMIC
// refuse (no dynamic linking), PT_GNU_STACK is noted, and each non-empty PT_LOAD
// must have its file bytes inside the file, filesz <= memsz, no address overflow,
// lie in the user half above the first page, and have vaddr and offset congruent
// modulo the page size. Finally segments may not share a page and the entry point
// must be inside an executable segment.
#include "kernel/exec/elf64.h"

namespace {

constexpr u32 PT_LOAD = 1;
constexpr u32 PT_DYNAMIC = 2;
constexpr u32 PT_INTERP = 3;
constexpr u32 PT_GNU_STACK = 0x6474e551;
constexpr u32 PF_X = 1;
constexpr u32 PF_W = 2;
constexpr u32 PF_R = 4;
constexpr u16 ET_EXEC = 2;
constexpr u16 EM_X86_64 = 62;

// Little-endian reads; callers have bounds-checked offset + width <= size.
u64 read_le(u8 const* p, usize width)
{
    u64 value = 0;
    for (usize i = 0; i < width; ++i)
        value |= u64(p[i]) << (8 * i);
    return value;
}
u16 read_u16(u8 const* p) { return u16(read_le(p, 2)); }
u32 read_u32(u8 const* p) { return u32(read_le(p, 4)); }
u64 read_u64(u8 const* p) { return read_le(p, 8); }

// Validates one PT_LOAD against the file size; memsz == 0 segments were skipped.
bool load_segment_is_valid(ElfSegment const& s, usize file_size)
{
    if (s.filesz > s.memsz)
        return false;
    if (s.offset > file_size || s.filesz > file_size - s.offset)
        return false;
    if (s.vaddr < Elf64::LOWEST_ADDRESS || s.vaddr >= Elf64::HIGHEST_ADDRESS)
        return false;
    if (s.memsz > Elf64::HIGHEST_ADDRESS - s.vaddr)
        return false; // also rules out wrap-around: both terms are below 2^47
    return s.vaddr % PAGE_SIZE == s.offset % PAGE_SIZE;
}

// Inserts s keeping the list sorted by vaddr; NotExecutable if it shares a page
// with a neighbour (the loader maps whole pages with one set of rights).
Result<void> insert_sorted(Vector<ElfSegment>& segments, ElfSegment const& s)
{
    u64 first_page = align_down(s.vaddr, PAGE_SIZE);
    u64 end_page = align_up(s.vaddr + s.memsz, PAGE_SIZE);
    usize index = 0;
    while (index < segments.size() && segments[index].vaddr < s.vaddr)
        ++index;
    if (index > 0) {
        ElfSegment const& before = segments[index - 1];
        if (align_up(before.vaddr + before.memsz, PAGE_SIZE) > first_page)
            return Error::NotExecutable;
    }
    if (index < segments.size() && align_down(segments[index].vaddr, PAGE_SIZE) < end_page)
        return Error::NotExecutable;
    if (segments.try_insert(index, ElfSegment(s)).is_error())
        return Error::NoMemory;
    return {};
}

} // namespace

Result<Elf64> Elf64::parse(u8 const* data, usize size)
{
    if (!data || size < HEADER_SIZE)
        return Error::NotExecutable;
    if (data[0] != 0x7f || data[1] != 'E' || data[2] != 'L' || data[3] != 'F')
        return Error::NotExecutable;
    if (data[4] != 2 /* ELFCLASS64 */ || data[5] != 1 /* ELFDATA2LSB */ || data[6] != 1 /* EV_CURRENT */)
        return Error::NotExecutable;
    if (read_u16(data + 16) != ET_EXEC || read_u16(data + 18) != EM_X86_64 || read_u32(data + 20) != 1)
        return Error::NotExecutable;

    Elf64 elf;
    elf.m_entry = read_u64(data + 24);
    u64 phoff = read_u64(data + 32);
    u16 phentsize = read_u16(data + 54);
    u16 phnum = read_u16(data + 56);
    if (phentsize != PROGRAM_HEADER_SIZE || phnum == 0 || phnum > MAX_PROGRAM_HEADERS)
        return Error::NotExecutable;
    if (phoff > size || u64(phnum) * PROGRAM_HEADER_SIZE > size - phoff)
        return Error::NotExecutable;
    elf.m_phoff = phoff;
    elf.m_phnum = phnum;

    for (u16 i = 0; i < phnum; ++i) {
        u8 const* ph = data + phoff + u64(i) * PROGRAM_HEADER_SIZE;
        u32 type = read_u32(ph);
        u32 flags = read_u32(ph + 4);
        if (type == PT_INTERP || type == PT_DYNAMIC)
            return Error::NotExecutable;
        if (type == PT_GNU_STACK) {
            elf.m_has_gnu_stack = true;
            elf.m_executable_stack = (flags & PF_X) != 0;
            continue;
        }
        if (type != PT_LOAD)
            continue;
        ElfSegment segment {
            .vaddr = read_u64(ph + 16),
            .memsz = read_u64(ph + 40),
            .offset = read_u64(ph + 8),
            .filesz = read_u64(ph + 32),
            .readable = (flags & PF_R) != 0,
            .writable = (flags & PF_W) != 0,
            .executable = (flags & PF_X) != 0,
        };
        if (segment.memsz == 0) {
            if (segment.filesz != 0)
                return Error::NotExecutable;
            continue; // an empty segment maps nothing
        }
        if (!load_segment_is_valid(segment, size))
            return Error::NotExecutable;
        auto inserted = insert_sorted(elf.m_segments, segment);
        if (inserted.is_error())
            return inserted.error();
    }

    bool entry_ok = false;
    for (auto const& s : elf.m_segments) {
        if (s.executable && elf.m_entry >= s.vaddr && elf.m_entry - s.vaddr < s.memsz)
            entry_ok = true;
        u64 table_bytes = u64(phnum) * PROGRAM_HEADER_SIZE;
        if (!elf.m_phdr_address && phoff >= s.offset && phoff - s.offset <= s.filesz
            && table_bytes <= s.filesz - (phoff - s.offset))
            elf.m_phdr_address = s.vaddr + (phoff - s.offset);
    }
    if (!entry_ok)
        return Error::NotExecutable;
    return elf;
}

VirtAddr Elf64::image_end() const
{
    VirtAddr end = 0;
    for (auto const& s : m_segments) {
        if (s.vaddr + s.memsz > end)
            end = s.vaddr + s.memsz;
    }
    return end;
}
