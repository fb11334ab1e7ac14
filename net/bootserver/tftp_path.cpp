// TFTP file name confinement (see tftp_path.h): one pass over the name that
// checks every character, then a rebuild from the components that remain.
#include "net/bootserver/tftp_path.h"

#include "kernel/lib/string.h"

namespace net {

Result<TftpPath> confine_tftp_path(StringView requested, TftpPathPolicy policy)
{
    for (char c : requested) {
        if (c < 0x20 || c > 0x7e || c == '\\')
            return Error::AccessDenied;
    }
    if (requested.starts_with('/') && !policy.allow_leading_slash)
        return Error::AccessDenied;

    TftpPath path;
    for (StringView component : requested.split('/')) {
        if (component == "."_sv)
            continue;
        if (component == ".."_sv)
            return Error::AccessDenied;
        usize separator = path.length == 0 ? 0 : 1;
        if (component.length() + separator > TFTP_MAX_PATH_LENGTH - path.length)
            return Error::NameTooLong;
        if (separator)
            path.characters[path.length++] = '/';
        memcpy(path.characters + path.length, component.characters(), component.length());
        path.length += component.length();
    }
    if (path.length == 0)
        return Error::AccessDenied;
    path.characters[path.length] = '\0';
    return path;
}

} // namespace net
