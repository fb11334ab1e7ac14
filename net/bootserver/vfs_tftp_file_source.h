// VfsTftpFileSource: the TFTP server's files (tftp_file_source.h) from a
// directory of a Vfs — on a boot server, the netboot tree the ISO carries,
// unpacked at /boot/net. Only regular files are served (a directory or a device
// is an access violation); paths arrive confined (tftp_path.h), and are looked up
// under the root directory with root's credentials. Portable: host-tested over a
// ramfs.
#pragma once

#include "fs/vfs/vfs.h"
#include "net/bootserver/tftp_file_source.h"

namespace net {

inline constexpr StringView NETBOOT_TREE_PATH = "/boot/net"_sv;

class VfsTftpFileSource final : public TftpFileSource {
public:
    // vfs must outlive the source; root is an absolute directory path.
    VfsTftpFileSource(Vfs& vfs, StringView root = NETBOOT_TREE_PATH);

    Result<OwnPtr<TftpFile>> open(StringView path) override;

private:
    static constexpr usize MAX_PATH = 512;

    Vfs& m_vfs;
    char m_root[MAX_PATH / 2] {};
    usize m_root_length { 0 };
};

} // namespace net
