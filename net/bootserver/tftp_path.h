// The netboot tree's one gate: turns the file name a TFTP client asked for into a
// path relative to the netboot root, or refuses it. Pure and fuzzed
// (tests/fuzz/tftp_packet_fuzz.cpp); the server opens nothing it did not pass.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

namespace net {

inline constexpr usize TFTP_MAX_PATH_LENGTH = 255;

struct TftpPathPolicy {
    // GRUB names every file from its device root ("/boot/grub/i386-pc/normal.mod"),
    // as tftpd-hpa --secure expects. With this set, leading slashes are dropped and
    // the name is read from the netboot root; without it they are refused.
    bool allow_leading_slash = false;
};

// A confined path: relative (no leading '/'), components joined by single '/',
// none of them empty, "." or "..". NUL-terminated for callers that need it.
struct TftpPath {
    char characters[TFTP_MAX_PATH_LENGTH + 1] = {};
    usize length = 0;

    StringView view() const { return { characters, length }; }
};

// The policy, in order:
//  - every character must be printable ASCII (0x20..0x7e) other than '\\':
//    control characters, NUL, DEL, bytes >= 0x80 and backslashes (a Windows
//    client's separator, and a way to hide "..\\") are refused;
//  - a leading '/' is refused unless policy.allow_leading_slash;
//  - empty components (duplicate or trailing slashes) and "." are dropped;
//  - any ".." component is refused, even one that would stay inside the tree
//    ("a/../b"): no boot client needs it, and refusing is simpler to trust;
//  - nothing left (the root itself) is refused.
// Refusals are AccessDenied; a result longer than TFTP_MAX_PATH_LENGTH is NameTooLong.
Result<TftpPath> confine_tftp_path(StringView requested, TftpPathPolicy policy = {});

} // namespace net
