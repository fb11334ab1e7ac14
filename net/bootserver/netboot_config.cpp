// The configured netboot grub.cfg (see netboot_config.h).
#include "net/bootserver/netboot_config.h"

#include <new>
#include <utility>

#include "kernel/lib/string.h"

namespace net {
namespace {

constexpr StringView KERNEL_OPTION = "unum.elf netboot"_sv;

bool safe_for_grub(StringView options)
{
    for (usize i = 0; i < options.length(); ++i) {
        char c = options[i];
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\'' || c == '\\' || c == '$' || c == ';' || c == '{'
            || c == '}' || c == '|' || c == '&' || c == '<' || c == '>')
            return false;
    }
    return true;
}

class MemoryTftpFile final : public TftpFile {
public:
    explicit MemoryTftpFile(Vector<u8>&& bytes)
        : m_bytes(std::move(bytes))
    {
    }
    u64 size() const override { return m_bytes.size(); }
    Result<usize> read(u64 offset, u8* buffer, usize count) override
    {
        if (offset > m_bytes.size() || count > m_bytes.size() - offset)
            return Error::InvalidArgument;
        memcpy(buffer, m_bytes.data() + offset, count);
        return count;
    }

private:
    Vector<u8> m_bytes;
};

} // namespace

Result<Vector<u8>> configure_netboot_grub_cfg(StringView text, StringView options)
{
    if (!safe_for_grub(options))
        return Error::InvalidArgument;
    Vector<u8> out;
    usize i = 0;
    while (i < text.length()) {
        bool at_option = text.length() - i >= KERNEL_OPTION.length()
            && text.substring(i, KERNEL_OPTION.length()) == KERNEL_OPTION;
        if (!at_option) {
            TRY(out.try_append(u8(text[i++])));
            continue;
        }
        TRY(out.try_append(reinterpret_cast<u8 const*>(KERNEL_OPTION.characters()), KERNEL_OPTION.length()));
        i += KERNEL_OPTION.length();
        if (!options.is_empty()) {
            TRY(out.try_append(u8(' ')));
            TRY(out.try_append(reinterpret_cast<u8 const*>(options.characters()), options.length()));
        }
    }
    return out;
}

ConfiguredTftpFileSource::ConfiguredTftpFileSource(TftpFileSource& inner, StringView options)
    : m_inner(inner)
{
    m_options_length = options.length() < NETBOOT_OPTIONS_MAX ? options.length() : NETBOOT_OPTIONS_MAX;
    memcpy(m_options, options.characters(), m_options_length);
}

Result<OwnPtr<TftpFile>> ConfiguredTftpFileSource::open(StringView path)
{
    auto file = TRY(m_inner.open(path));
    if (path != NETBOOT_GRUB_CFG)
        return file;
    constexpr u64 MAX_GRUB_CFG = 64 * KiB;
    if (file->size() > MAX_GRUB_CFG)
        return Error::FileTooBig;
    Vector<u8> text;
    TRY(text.try_resize(usize(file->size())));
    TRY(file->read(0, text.data(), text.size()));
    auto configured = TRY(configure_netboot_grub_cfg(
        StringView(reinterpret_cast<char const*>(text.data()), text.size()), StringView(m_options, m_options_length)));
    auto* memory = new (std::nothrow) MemoryTftpFile(std::move(configured));
    if (!memory)
        return Error::NoMemory;
    return OwnPtr<TftpFile>(memory);
}

} // namespace net
