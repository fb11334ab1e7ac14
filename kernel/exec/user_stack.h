// UserStackBuilder: the initial user stack of a new program per the SysV x86-64
// ABI, computed in a kernel buffer for a given stack top. exec copies the image
// into the new address space and starts the program with rsp = stack_pointer.
// Not thread-safe (one builder per exec); allocates, so never use under a spinlock.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"
#include "kernel/lib/vector.h"

// Auxiliary vector types (the values of <elf.h>).
enum AuxType : u64 {
    AT_NULL = 0,
    AT_PHDR = 3,
    AT_PHENT = 4,
    AT_PHNUM = 5,
    AT_PAGESZ = 6,
    AT_ENTRY = 9,
    AT_RANDOM = 25,
};

// The bytes of [stack_pointer, stack_top): bytes[i] belongs at stack_pointer + i.
struct UserStackImage {
    Vector<u8> bytes;
    VirtAddr stack_pointer;
};

// Layout, from rsp upwards (rsp is 16-byte aligned):
//   argc | argv[0..argc) | NULL | envp[0..envc) | NULL | auxv pairs | AT_NULL, 0
//   | zero padding | 16 AT_RANDOM bytes | argv strings | envp strings | 8 zero bytes
//   | stack_top
// AT_RANDOM and AT_NULL are added by build(); the caller adds the others.
class UserStackBuilder {
public:
    // Bytes of strings (with their NULs) plus argv/envp pointers, as Linux's
    // ARG_MAX-style limit; more is E2BIG.
    static constexpr usize MAX_ARGUMENT_BYTES = 128 * KiB;
    static constexpr usize MAX_AUX_ENTRIES = 32;

    // stack_top must be 16-byte aligned (InvalidArgument from build() otherwise).
    explicit UserStackBuilder(VirtAddr stack_top)
        : m_stack_top(stack_top)
    {
    }

    // ArgListTooLong past MAX_ARGUMENT_BYTES; InvalidArgument for a string with a NUL.
    Result<void> add_argument(StringView argument);
    Result<void> add_environment(StringView variable);
    // InvalidArgument for AT_NULL or AT_RANDOM (build() writes those) or too many.
    Result<void> add_aux(u64 type, u64 value);
    void set_random(u8 const (&bytes)[16]);

    Result<UserStackImage> build() const;

    usize argument_count() const { return m_argument_offsets.size(); }
    usize environment_count() const { return m_environment_offsets.size(); }

private:
    struct AuxEntry {
        u64 type;
        u64 value;
    };
    // Appends s and a NUL to m_strings, recording its offset in offsets.
    Result<void> add_string(StringView s, Vector<usize>& offsets);
    usize used_bytes() const;

    VirtAddr m_stack_top;
    Vector<u8> m_strings; // argv strings first, then envp strings (each NUL-terminated)
    Vector<usize> m_argument_offsets;
    Vector<usize> m_environment_offsets;
    Vector<AuxEntry> m_aux;
    u8 m_random[16] {};
};
