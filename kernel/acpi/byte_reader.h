// ByteReader: bounds-checked little-endian reads from untrusted bytes (firmware
// tables). Every read names its offset and fails instead of reading past the end,
// so parsers never need unaligned casts or trust a length they did not check.
#pragma once

#include <optional>

#include "kernel/lib/types.h"

class ByteReader {
public:
    constexpr ByteReader() = default;
    constexpr ByteReader(u8 const* data, usize size)
        : m_data(data)
        , m_size(data ? size : 0)
    {
    }

    constexpr u8 const* data() const { return m_data; }
    constexpr usize size() const { return m_size; }

    // True when [offset, offset+length) lies inside the bytes (overflow-safe).
    constexpr bool contains(usize offset, usize length) const
    {
        return offset <= m_size && length <= m_size - offset;
    }

    std::optional<u8> u8_at(usize offset) const { return read<u8>(offset); }
    std::optional<u16> u16_at(usize offset) const { return read<u16>(offset); }
    std::optional<u32> u32_at(usize offset) const { return read<u32>(offset); }
    std::optional<u64> u64_at(usize offset) const { return read<u64>(offset); }

    // A sub-range; empty when it does not fit.
    ByteReader slice(usize offset, usize length) const
    {
        if (!contains(offset, length))
            return {};
        return { m_data + offset, length };
    }

private:
    template<typename T>
    std::optional<T> read(usize offset) const
    {
        if (!contains(offset, sizeof(T)))
            return std::nullopt;
        T value = 0;
        for (usize i = 0; i < sizeof(T); ++i)
            value |= T(T(m_data[offset + i]) << (8 * i));
        return value;
    }

    u8 const* m_data { nullptr };
    usize m_size { 0 };
};
