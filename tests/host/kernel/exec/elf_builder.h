// Host tests: builds ELF64 images byte by byte, valid by default, with every
// header field overridable so tests can break exactly one thing.
#pragma once

#include <algorithm>
#include <cstring>
#include <vector>

#include "kernel/lib/types.h"

struct TestProgramHeader {
    u32 type;
    u32 flags;
    u64 offset;
    u64 vaddr;
    u64 filesz;
    u64 memsz;
};

inline constexpr u32 TEST_PT_LOAD = 1;
inline constexpr u32 TEST_PF_X = 1, TEST_PF_W = 2, TEST_PF_R = 4;

class ElfBuilder {
public:
    u8 ident_class = 2, ident_data = 1, ident_version = 1;
    u16 type = 2, machine = 62;
    u32 version = 1;
    u64 entry = 0x401010;
    u64 phoff = 64;
    u16 phentsize = 56;
    int phnum_override = -1;
    std::vector<TestProgramHeader> headers;

    // A typical static program: text RX at 0x401000 (file 0x1000), data+bss RW at
    // 0x403000 (file 0x2000, 0x180 bytes in the file, 0x3000 in memory).
    static ElfBuilder typical()
    {
        ElfBuilder b;
        b.headers.push_back({ TEST_PT_LOAD, TEST_PF_R | TEST_PF_X, 0x1000, 0x401000, 0x234, 0x234 });
        b.headers.push_back({ TEST_PT_LOAD, TEST_PF_R | TEST_PF_W, 0x2000, 0x403000, 0x180, 0x3000 });
        b.headers.push_back({ 0x6474e551, TEST_PF_R | TEST_PF_W, 0, 0, 0, 0 }); // PT_GNU_STACK
        return b;
    }

    // The byte at file offset i outside the headers (segments' contents).
    static u8 content_byte(u64 i) { return u8((i * 31) ^ (i >> 8) ^ 0xa5); }

    std::vector<u8> build() const
    {
        u64 size = 64;
        if (phoff < (1ull << 32))
            size = std::max<u64>(size, phoff + 56 * headers.size());
        for (auto const& h : headers) {
            if (h.type == TEST_PT_LOAD && h.offset < (1ull << 32) && h.filesz < (1ull << 32))
                size = std::max<u64>(size, h.offset + h.filesz);
        }
        std::vector<u8> bytes(size);
        for (u64 i = 0; i < size; ++i)
            bytes[i] = content_byte(i);
        u8* p = bytes.data();
        std::memset(p, 0, 64);
        p[0] = 0x7f, p[1] = 'E', p[2] = 'L', p[3] = 'F';
        p[4] = ident_class, p[5] = ident_data, p[6] = ident_version;
        put(p + 16, type, 2);
        put(p + 18, machine, 2);
        put(p + 20, version, 4);
        put(p + 24, entry, 8);
        put(p + 32, phoff, 8);
        put(p + 52, 64, 2);
        put(p + 54, phentsize, 2);
        put(p + 56, phnum_override >= 0 ? u64(phnum_override) : headers.size(), 2);
        if (phoff < (1ull << 32)) {
            for (usize i = 0; i < headers.size(); ++i) {
                u8* h = p + phoff + 56 * i;
                if (h + 56 > p + size)
                    break;
                std::memset(h, 0, 56);
                put(h, headers[i].type, 4);
                put(h + 4, headers[i].flags, 4);
                put(h + 8, headers[i].offset, 8);
                put(h + 16, headers[i].vaddr, 8);
                put(h + 24, headers[i].vaddr, 8); // p_paddr
                put(h + 32, headers[i].filesz, 8);
                put(h + 40, headers[i].memsz, 8);
                put(h + 48, PAGE_SIZE, 8);
            }
        }
        return bytes;
    }

private:
    static void put(u8* p, u64 value, int width)
    {
        for (int i = 0; i < width; ++i)
            p[i] = u8(value >> (8 * i));
    }
};
