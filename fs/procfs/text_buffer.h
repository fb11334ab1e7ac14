// TextBuffer: a growable byte buffer that procfs files are rendered into, with
// printf-style appending (kernel/lib/format.h) whose growth fails as a value.
#pragma once

#include <stdarg.h>

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/vector.h"

// Not thread-safe: one buffer belongs to one renderer at a time.
class TextBuffer {
public:
    Result<void> append(StringView text);
    Result<void> append(u8 const* bytes, usize size);
    Result<void> appendf(char const* fmt, ...) __attribute__((format(printf, 2, 3)));

    usize size() const { return m_bytes.size(); }
    u8 const* data() const { return m_bytes.data(); }
    StringView view() const { return { reinterpret_cast<char const*>(m_bytes.data()), m_bytes.size() }; }
    Vector<u8> release_bytes() { return std::move(m_bytes); }

private:
    Vector<u8> m_bytes;
};
