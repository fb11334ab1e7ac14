// fw_cfg directory decoding: big-endian fields read byte-wise with every length
// checked against the blob, so a hostile or truncated directory cannot overrun.
#include "kernel/boot/fw_cfg_directory.h"

#include "kernel/boot/byte_order.h"

u32 FwCfgDirectory::decode_count(u8 const (&bytes)[COUNT_SIZE]) { return load_be32(bytes); }

Result<FwCfgFile> FwCfgDirectory::decode_entry(u8 const* bytes, usize size)
{
    if (bytes == nullptr || size < ENTRY_SIZE)
        return Error::BadMessage;
    FwCfgFile file {};
    file.size = load_be32(bytes);
    file.select = load_be16(bytes + 4);
    u8 const* name = bytes + 8;
    usize length = 0;
    while (length < FwCfgFile::NAME_FIELD && name[length] != 0)
        ++length;
    if (length == 0 || length == FwCfgFile::NAME_FIELD)
        return Error::BadMessage;
    for (usize i = 0; i < length; ++i)
        file.name_storage[i] = char(name[i]);
    file.name_storage[length] = '\0';
    file.name_length = length;
    return file;
}

Result<FwCfgDirectory> FwCfgDirectory::parse(u8 const* data, usize size)
{
    if (data == nullptr || size < COUNT_SIZE)
        return Error::BadMessage;
    u64 count = load_be32(data);
    // Divide rather than multiply so a huge count cannot wrap the comparison.
    if (count > (size - COUNT_SIZE) / ENTRY_SIZE)
        return Error::BadMessage;
    FwCfgDirectory directory;
    for (u64 i = 0; i < count; ++i) {
        usize offset = COUNT_SIZE + usize(i) * ENTRY_SIZE;
        FwCfgFile file = TRY(decode_entry(data + offset, size - offset));
        if (directory.m_file_count == MAX_FILES) {
            ++directory.m_files_dropped;
            continue;
        }
        directory.m_files[directory.m_file_count++] = file;
    }
    return directory;
}

FwCfgFile const* FwCfgDirectory::find(StringView name) const
{
    for (usize i = 0; i < m_file_count; ++i) {
        if (m_files[i].name() == name)
            return &m_files[i];
    }
    return nullptr;
}
