// CpioNewcReader: header fields, padding, name normalization, checksums.
#include "fs/initrd/cpio_newc_reader.h"

#include "kernel/lib/string.h"

namespace {

constexpr usize FIELD_COUNT = 13;
constexpr usize FIELD_WIDTH = 8;
constexpr usize MAGIC_LENGTH = 6;

enum Field : usize {
    Inode,
    Mode,
    Uid,
    Gid,
    Nlink,
    Mtime,
    FileSize,
    DevMajor,
    DevMinor,
    RdevMajor,
    RdevMinor,
    NameSize,
    Check,
};

// Exactly eight hex digits, nothing else.
bool parse_field(u8 const* text, u32& out)
{
    u32 value = 0;
    for (usize i = 0; i < FIELD_WIDTH; ++i) {
        int digit = hex_digit_value(char(text[i]));
        if (digit < 0)
            return false;
        value = (value << 4) | static_cast<u32>(digit);
    }
    out = value;
    return true;
}

// Adds to offset and aligns to 4, failing on overflow or past limit.
bool advance(usize& offset, usize amount, usize limit)
{
    usize end;
    if (__builtin_add_overflow(offset, amount, &end) || end > limit)
        return false;
    usize aligned = (end + 3) & ~usize(3);
    if (aligned < end)
        return false;
    offset = aligned; // may pass limit only by padding, checked by the next read
    return true;
}

// Writes raw into entry.name as a relative path without empty or "." parts.
void normalize_name(StringView raw, CpioEntry& entry)
{
    entry.name_length = 0;
    entry.problem = CpioEntry::Problem::None;
    for (StringView component : raw.split('/')) {
        if (component == "."_sv)
            continue;
        if (component == ".."_sv) {
            entry.problem = CpioEntry::Problem::DotDot;
            continue;
        }
        if (component.length() > NAME_MAX_LENGTH && entry.problem == CpioEntry::Problem::None)
            entry.problem = CpioEntry::Problem::NameTooLong;
        // raw is shorter than the buffer, and normalizing never lengthens it.
        if (entry.name_length > 0)
            entry.name[entry.name_length++] = '/';
        memcpy(entry.name + entry.name_length, component.characters(), component.length());
        entry.name_length += component.length();
    }
    entry.name[entry.name_length] = '\0';
}

} // namespace

Result<bool> CpioNewcReader::next(CpioEntry& entry)
{
    if (m_failed)
        return Error::BadMessage;
    if (m_finished)
        return false;
    auto result = parse(entry);
    if (result.is_error())
        m_failed = true;
    else if (!result.value())
        m_finished = true;
    return result;
}

Result<bool> CpioNewcReader::parse(CpioEntry& entry)
{
    if (m_offset > m_size || m_size - m_offset < HEADER_SIZE)
        return Error::BadMessage; // truncated, or no trailer
    u8 const* header = m_data + m_offset;
    bool with_checksum;
    if (memcmp(header, "070701", MAGIC_LENGTH) == 0)
        with_checksum = false;
    else if (memcmp(header, "070702", MAGIC_LENGTH) == 0)
        with_checksum = true;
    else
        return Error::BadMessage;

    u32 fields[FIELD_COUNT];
    for (usize i = 0; i < FIELD_COUNT; ++i) {
        if (!parse_field(header + MAGIC_LENGTH + i * FIELD_WIDTH, fields[i]))
            return Error::BadMessage;
    }
    if (!with_checksum && fields[Check] != 0)
        return Error::BadMessage;

    // The name: namesize counts its NUL; no NUL may come earlier.
    usize name_size = fields[NameSize];
    if (name_size == 0 || name_size > PATH_MAX_LENGTH)
        return Error::BadMessage;
    usize name_offset = m_offset + HEADER_SIZE;
    if (m_size - name_offset < name_size)
        return Error::BadMessage;
    char const* raw_name = reinterpret_cast<char const*>(m_data + name_offset);
    if (raw_name[name_size - 1] != '\0')
        return Error::BadMessage;
    for (usize i = 0; i + 1 < name_size; ++i) {
        if (raw_name[i] == '\0')
            return Error::BadMessage;
    }
    StringView raw(raw_name, name_size - 1);

    usize data_offset = m_offset;
    if (!advance(data_offset, HEADER_SIZE + name_size, m_size))
        return Error::BadMessage;
    usize data_size = fields[FileSize];
    if (data_offset > m_size || m_size - data_offset < data_size)
        return Error::BadMessage;

    if (raw == "TRAILER!!!"_sv)
        return false;

    if (with_checksum) {
        u32 sum = 0;
        for (usize i = 0; i < data_size; ++i)
            sum += m_data[data_offset + i];
        if (sum != fields[Check])
            return Error::BadMessage;
    }

    normalize_name(raw, entry);
    entry.inode = fields[Inode];
    entry.mode = fields[Mode];
    entry.uid = fields[Uid];
    entry.gid = fields[Gid];
    entry.nlink = fields[Nlink];
    entry.mtime = fields[Mtime];
    entry.dev_major = fields[DevMajor];
    entry.dev_minor = fields[DevMinor];
    entry.rdev_major = fields[RdevMajor];
    entry.rdev_minor = fields[RdevMinor];
    entry.data = m_data + data_offset;
    entry.data_size = data_size;

    usize next = data_offset;
    if (!advance(next, data_size, m_size))
        return Error::BadMessage;
    m_offset = next;
    return true;
}
