// The netboot grub.cfg as a boot server serves it: the tree's file, with this
// cluster's options (cluster=NAME key=HEX, as the boot server itself was given
// them) added after the kernel's `netboot` option, so a machine that network-
// boots from a node joins that node's cluster under its key. Every other file
// of the tree is served as it is. Portable and host-tested.
#pragma once

#include "kernel/lib/vector.h"
#include "net/bootserver/tftp_file_source.h"

namespace net {

inline constexpr StringView NETBOOT_GRUB_CFG = "boot/grub/grub.cfg"_sv;
inline constexpr usize NETBOOT_OPTIONS_MAX = 256;

// text with " <options>" inserted after every "unum.elf netboot" (the kernel
// line of boot/netboot-grub.cfg). InvalidArgument when options hold a newline,
// a quote or a GRUB-special character (they would change the script), NoMemory.
Result<Vector<u8>> configure_netboot_grub_cfg(StringView text, StringView options);

// A TftpFileSource that serves NETBOOT_GRUB_CFG configured with options and
// everything else from inner.
class ConfiguredTftpFileSource final : public TftpFileSource {
public:
    // inner must outlive this source; options are copied (at most NETBOOT_OPTIONS_MAX).
    ConfiguredTftpFileSource(TftpFileSource& inner, StringView options);

    Result<OwnPtr<TftpFile>> open(StringView path) override;

private:
    TftpFileSource& m_inner;
    char m_options[NETBOOT_OPTIONS_MAX + 1] {};
    usize m_options_length { 0 };
};

} // namespace net
