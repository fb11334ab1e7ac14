// populate_from_cpio(): walks each entry's path from the root, making missing
// parent directories (0755, root-owned) on the way.
#include "fs/initrd/populate_from_cpio.h"

#include "fs/initrd/cpio_newc_reader.h"
#include "fs/vfs/credentials.h"
#include "fs/vfs/open_file_description.h"
#include "kernel/lib/own_ptr.h"
#include "kernel/log/klog.h"

namespace {

// The directory named by the components of path before its last one; missing
// ones are made. NotDirectory if a component exists as something else.
Result<NonnullRefPtr<Vnode>> walk_to_parent(Vnode& root, StringView path, StringView& last)
{
    NonnullRefPtr<Vnode> current(root);
    usize start = 0;
    for (;;) {
        auto slash = path.find('/', start);
        if (!slash.has_value()) {
            last = path.substring(start);
            return current;
        }
        StringView component = path.substring(start, *slash - start);
        auto found = current->lookup(component);
        if (found.is_error()) {
            if (found.error() != Error::NoEntry)
                return found.error();
            current = TRY(current->mkdir(component, 0755, Credentials::root()));
        } else {
            if (!found.value()->is_directory())
                return Error::NotDirectory;
            current = found.release_value();
        }
        start = *slash + 1;
    }
}

Result<void> apply_attributes(Vnode& vnode, CpioEntry const& entry)
{
    TRY(vnode.set_mode(entry.mode & FileMode::PermissionMask));
    TRY(vnode.set_owner(entry.uid, entry.gid));
    return {};
}

// Skips (returns false) on clashes with existing entries of another type.
Result<bool> make_directory(Vnode& root, CpioEntry const& entry)
{
    if (entry.name_length == 0) {
        TRY(apply_attributes(root, entry));
        return true;
    }
    StringView last;
    auto parent = walk_to_parent(root, entry.name_view(), last);
    if (parent.is_error())
        return parent.error() == Error::NotDirectory ? Result<bool>(false) : Result<bool>(parent.error());
    auto existing = parent.value()->lookup(last);
    NonnullRefPtr<Vnode> directory = existing.is_error()
        ? TRY(parent.value()->mkdir(last, entry.mode & FileMode::PermissionMask, Credentials::root()))
        : existing.release_value();
    if (!directory->is_directory())
        return false;
    TRY(apply_attributes(*directory, entry));
    return true;
}

Result<bool> make_file(Vnode& root, CpioEntry const& entry)
{
    if (entry.name_length == 0)
        return false;
    StringView last;
    auto parent = walk_to_parent(root, entry.name_view(), last);
    if (parent.is_error())
        return parent.error() == Error::NotDirectory ? Result<bool>(false) : Result<bool>(parent.error());
    auto existing = parent.value()->lookup(last);
    NonnullRefPtr<Vnode> file = existing.is_error()
        ? TRY(parent.value()->create(last, VnodeKind::Regular, 0600, Credentials::root()))
        : existing.release_value();
    if (!file->is_regular())
        return false;
    TRY(file->truncate(0));
    auto description = TRY(OpenFileDescription::create(file, OpenFlag::WriteOnly));
    usize written = 0;
    while (written < entry.data_size) {
        usize done = TRY(description->write(entry.data + written, entry.data_size - written));
        if (done == 0)
            return Error::NoSpace;
        written += done;
    }
    TRY(apply_attributes(*file, entry));
    return true;
}

} // namespace

Result<CpioPopulateReport> populate_from_cpio(Vnode& root, u8 const* data, usize size)
{
    CpioPopulateReport report;
    auto entry = TRY(make_own<CpioEntry>());
    CpioNewcReader reader(data, size);
    for (;;) {
        usize at = reader.offset();
        auto more = reader.next(*entry);
        if (more.is_error()) {
            log_warn("initrd: malformed cpio archive at byte %zu", at);
            report.archive_error = more.error();
            return report;
        }
        if (!more.value())
            return report;
        if (entry->problem != CpioEntry::Problem::None) {
            log_warn("initrd: skipped unsafe name at byte %zu", at);
            ++report.skipped;
            continue;
        }
        bool made = false;
        bool counted_as_directory = false;
        switch (entry->mode & FileMode::TypeMask) {
        case FileMode::Directory:
            made = TRY(make_directory(root, *entry));
            counted_as_directory = entry->name_length != 0;
            break;
        case FileMode::Regular:
            made = TRY(make_file(root, *entry));
            break;
        default:
            break;
        }
        if (!made) {
            log_info("initrd: skipped %s (type %o)", entry->name, entry->mode & FileMode::TypeMask);
            ++report.skipped;
        } else if (counted_as_directory) {
            ++report.directories;
        } else if ((entry->mode & FileMode::TypeMask) == FileMode::Regular) {
            ++report.files;
            report.file_bytes += entry->data_size;
        }
    }
}
