// The seam between the TFTP server and the files it serves: the kernel glue
// implements it over the VFS (the netboot tree in a ramfs), host tests and the
// fuzz target over memory. Called from the thread that drives TftpServer only.
#pragma once

#include "kernel/lib/own_ptr.h"
#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

namespace net {

// One open file, read-only, owned by one transfer until it ends.
class TftpFile {
public:
    virtual ~TftpFile() = default;
    // The size when it was opened; the transfer sends exactly this many bytes.
    virtual u64 size() const = 0;
    // Fills buffer with count bytes from offset (offset + count <= size()) and
    // returns count; anything else (an error, a short read) ends the transfer
    // with an ERROR packet.
    virtual Result<usize> read(u64 offset, u8* buffer, usize count) = 0;
};

class TftpFileSource {
public:
    virtual ~TftpFileSource() = default;
    // path is confined (tftp_path.h): relative to the netboot root, no "..".
    // NoEntry or NotDirectory becomes "File not found"; AccessDenied,
    // PermissionDenied or IsDirectory "Access violation"; anything else an
    // undefined error.
    virtual Result<OwnPtr<TftpFile>> open(StringView path) = 0;
};

} // namespace net
