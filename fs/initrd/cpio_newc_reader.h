// CpioNewcReader: walks a cpio archive in the "newc" format (magic 070701, or
// 070702 with a checksum), the initrd format GRUB hands us. The bytes are
// untrusted: every field is checked, every size is bounded by the archive, and
// names come out normalized (relative, no empty or "." components).
#pragma once

#include "fs/vfs/file_flags.h"
#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

struct CpioEntry {
    // Why an entry that parsed cleanly should still not be used.
    enum class Problem : u8 {
        None,
        DotDot,      // a ".." component: could escape the tree
        NameTooLong, // a component over NAME_MAX
    };

    // Normalized path relative to the archive root ("" names the root itself).
    char name[PATH_MAX_LENGTH] {};
    usize name_length { 0 };
    Problem problem { Problem::None };
    u32 inode { 0 };
    u32 mode { 0 }; // file type bits | permission bits
    u32 uid { 0 };
    u32 gid { 0 };
    u32 nlink { 0 };
    u32 mtime { 0 };
    u32 dev_major { 0 };
    u32 dev_minor { 0 };
    u32 rdev_major { 0 };
    u32 rdev_minor { 0 };
    u8 const* data { nullptr }; // points into the archive
    usize data_size { 0 };

    StringView name_view() const { return { name, name_length }; }
};

class CpioNewcReader {
public:
    static constexpr usize HEADER_SIZE = 110;

    CpioNewcReader(u8 const* data, usize size)
        : m_data(data)
        , m_size(size)
    {
    }

    // Reads the next entry into entry: true if one was read, false once the
    // TRAILER!!! entry is reached (and on every call after). BadMessage
    // (EBADMSG) for a malformed or truncated archive; the reader then stays
    // failed. entry is large (PATH_MAX name): keep it off small stacks.
    Result<bool> next(CpioEntry& entry);

    // Byte offset of the next header (for error messages).
    usize offset() const { return m_offset; }

private:
    Result<bool> parse(CpioEntry& entry);

    u8 const* m_data;
    usize m_size;
    usize m_offset { 0 };
    bool m_finished { false };
    bool m_failed { false };
};
