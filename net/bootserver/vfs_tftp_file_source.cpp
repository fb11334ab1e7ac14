// The netboot tree through the VFS (see vfs_tftp_file_source.h).
#include "net/bootserver/vfs_tftp_file_source.h"

#include <new>

#include "fs/vfs/credentials.h"
#include "fs/vfs/file_flags.h"

namespace net {
namespace {

class VfsTftpFile final : public TftpFile {
public:
    VfsTftpFile(NonnullRefPtr<OpenFileDescription> description, u64 size)
        : m_description(std::move(description))
        , m_size(size)
    {
    }

    u64 size() const override { return m_size; }

    Result<usize> read(u64 offset, u8* buffer, usize count) override
    {
        usize done = 0;
        while (done < count) {
            usize got = TRY(m_description->vnode().read(*m_description, offset + done, buffer + done, count - done));
            if (got == 0)
                return Error::IoError; // the file shrank under the transfer
            done += got;
        }
        return done;
    }

private:
    NonnullRefPtr<OpenFileDescription> m_description;
    u64 m_size;
};

} // namespace

VfsTftpFileSource::VfsTftpFileSource(Vfs& vfs, StringView root)
    : m_vfs(vfs)
{
    m_root_length = root.length() < sizeof(m_root) - 1 ? root.length() : sizeof(m_root) - 1;
    for (usize i = 0; i < m_root_length; ++i)
        m_root[i] = root[i];
}

Result<OwnPtr<TftpFile>> VfsTftpFileSource::open(StringView path)
{
    if (path.is_empty() || m_root_length + 1 + path.length() >= MAX_PATH)
        return Error::NoEntry;
    char full[MAX_PATH];
    usize length = 0;
    for (usize i = 0; i < m_root_length; ++i)
        full[length++] = m_root[i];
    full[length++] = '/';
    for (usize i = 0; i < path.length(); ++i)
        full[length++] = path[i];
    auto root = m_vfs.root();
    auto description = TRY(m_vfs.open(StringView(full, length), OpenFlag::ReadOnly, 0, Credentials::root(), *root));
    if (!description->vnode().is_regular())
        return Error::AccessDenied;
    auto stat = TRY(description->vnode().stat());
    auto* file = new (std::nothrow) VfsTftpFile(std::move(description), stat.size);
    if (!file)
        return Error::NoMemory;
    return OwnPtr<TftpFile>(file);
}

} // namespace net
