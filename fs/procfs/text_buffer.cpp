// TextBuffer: appending, formatting straight into the grown tail.
#include "fs/procfs/text_buffer.h"

#include "kernel/lib/format.h"
#include "kernel/lib/string.h"

Result<void> TextBuffer::append(StringView text)
{
    return append(reinterpret_cast<u8 const*>(text.characters()), text.length());
}

Result<void> TextBuffer::append(u8 const* bytes, usize size)
{
    if (size == 0)
        return {};
    return m_bytes.try_append(bytes, size);
}

Result<void> TextBuffer::appendf(char const* fmt, ...)
{
    // Most lines fit a small stack buffer; a longer one is measured by the
    // first pass and formatted again into room made in the vector.
    char line[128];
    va_list args;
    va_start(args, fmt);
    usize length = vformat(line, sizeof(line), fmt, args);
    va_end(args);
    if (length < sizeof(line))
        return append(StringView(line, length));

    usize start = m_bytes.size();
    TRY(m_bytes.try_resize(start + length + 1)); // + the NUL vformat writes
    va_start(args, fmt);
    vformat(reinterpret_cast<char*>(m_bytes.data() + start), length + 1, fmt, args);
    va_end(args);
    TRY(m_bytes.try_resize(start + length));
    return {};
}
