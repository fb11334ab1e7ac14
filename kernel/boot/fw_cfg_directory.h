// FwCfgDirectory: decodes QEMU's fw_cfg file directory (item 0x19) from bytes.
// Portable so it is host-tested and fuzzed; arch/x86/fw_cfg.cpp feeds it bytes
// read from the I/O ports. Fixed capacity, no allocation.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"
#include "kernel/panic.h"

struct FwCfgFile {
    // The wire format's name field, NUL included; names are at most 55 characters.
    static constexpr usize NAME_FIELD = 56;

    u32 size;
    u16 select; // the selector key that reads this file's contents
    char name_storage[NAME_FIELD];
    usize name_length;

    StringView name() const { return { name_storage, name_length }; }
};

class FwCfgDirectory {
public:
    static constexpr u16 SELECTOR = 0x0019;
    static constexpr usize COUNT_SIZE = 4;  // u32 big-endian file count
    static constexpr usize ENTRY_SIZE = 64; // u32 size, u16 select, u16 reserved, name[56]; big-endian
    static constexpr usize MAX_FILES = 64;

    // The file count from the directory's first COUNT_SIZE bytes.
    static u32 decode_count(u8 const (&bytes)[COUNT_SIZE]);
    // One directory entry. BadMessage when fewer than ENTRY_SIZE bytes are given
    // or the name is empty or lacks its NUL.
    static Result<FwCfgFile> decode_entry(u8 const* bytes, usize size);

    // A whole directory blob (count, then entries). BadMessage when shorter than
    // the count claims or an entry is malformed; files past MAX_FILES are dropped
    // and counted.
    static Result<FwCfgDirectory> parse(u8 const* data, usize size);

    FwCfgFile const* find(StringView name) const;
    usize file_count() const { return m_file_count; }
    FwCfgFile const& file(usize index) const
    {
        KASSERT(index < m_file_count);
        return m_files[index];
    }
    usize files_dropped() const { return m_files_dropped; }

private:
    FwCfgFile m_files[MAX_FILES] {};
    usize m_file_count { 0 };
    usize m_files_dropped { 0 };
};
