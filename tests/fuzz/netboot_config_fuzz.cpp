// libFuzzer target for the configured netboot grub.cfg: any file text and any
// options. Refused options leave nothing; accepted ones appear after every
// kernel line and nowhere else, and the rest of the text is unchanged.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "net/bootserver/netboot_config.h"

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    size_t split = size ? data[0] % (size + 1) : 0;
    if (split > size)
        split = size;
    StringView options(reinterpret_cast<char const*>(data), split);
    StringView text(reinterpret_cast<char const*>(data) + split, size - split);
    auto configured = net::configure_netboot_grub_cfg(text, options);
    if (configured.is_error())
        return 0;
    // Removing every inserted " <options>" gives the text back.
    Vector<u8> const& out = configured.value();
    size_t insert = options.is_empty() ? 0 : options.length() + 1;
    size_t in = 0, at = 0;
    static constexpr char KERNEL[] = "unum.elf netboot";
    size_t kernel = sizeof(KERNEL) - 1;
    while (in < text.length()) {
        bool at_kernel = text.length() - in >= kernel && memcmp(text.characters() + in, KERNEL, kernel) == 0;
        if (at_kernel) {
            if (at + kernel + insert > out.size() || memcmp(out.data() + at, KERNEL, kernel) != 0)
                __builtin_trap();
            in += kernel;
            at += kernel + insert;
            continue;
        }
        if (at >= out.size() || out[at] != u8(text[in]))
            __builtin_trap();
        ++in;
        ++at;
    }
    if (at != out.size())
        __builtin_trap();
    return 0;
}
