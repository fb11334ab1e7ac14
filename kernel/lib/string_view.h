// StringView: a length-bounded, non-owning view of characters (not necessarily
// NUL-terminated), with the comparisons, searches, splitting and number parsing
// that command lines, paths and protocol fields need.
#pragma once

#include <optional>

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

// The value of one hexadecimal digit (either case), or -1 for any other character.
int hex_digit_value(char c);

class StringView {
public:
    constexpr StringView() = default;
    constexpr StringView(char const* characters, usize length)
        : m_characters(characters)
        , m_length(length)
    {
    }
    // From a NUL-terminated string (null means empty).
    constexpr StringView(char const* c_string)
        : m_characters(c_string)
        , m_length(c_string ? __builtin_strlen(c_string) : 0)
    {
    }

    constexpr char const* characters() const { return m_characters; }
    constexpr usize length() const { return m_length; }
    constexpr bool is_empty() const { return m_length == 0; }
    constexpr char operator[](usize index) const { return m_characters[index]; }
    constexpr char const* begin() const { return m_characters; }
    constexpr char const* end() const { return m_characters + m_length; }

    // Out-of-range starts or lengths are clamped, never read past the view.
    constexpr StringView substring(usize start, usize length = usize(-1)) const
    {
        if (start > m_length)
            start = m_length;
        if (length > m_length - start)
            length = m_length - start;
        return { m_characters + start, length };
    }

    int compare(StringView other) const;
    bool operator==(StringView other) const;
    bool equals_ignoring_case(StringView other) const;
    bool starts_with(StringView prefix) const;
    bool ends_with(StringView suffix) const;
    bool starts_with(char c) const { return m_length > 0 && m_characters[0] == c; }

    std::optional<usize> find(char c, usize start = 0) const;
    std::optional<usize> find(StringView needle, usize start = 0) const;
    std::optional<usize> find_last(char c) const;
    bool contains(char c) const { return find(c).has_value(); }

    StringView trim_whitespace() const;

    // Splits at the first separator: "a=b=c" on '=' gives "a" and "b=c".
    // Returns false (and leaves the outputs alone) when separator is absent.
    bool split_once(char separator, StringView& before, StringView& after) const;

    // Iterates the non-empty parts between separators: "/a//b/" on '/' gives
    // "a", "b". for (StringView part : text.split('/')) ...
    class SplitRange;
    SplitRange split(char separator) const;

    // Parses the whole view as an unsigned number. base 0 accepts "0x" (hex),
    // "0o" or a leading "0" (octal) and "0b" prefixes, else decimal. Errors:
    // InvalidArgument for empty or stray characters, Overflow past u64.
    Result<u64> to_u64(unsigned base = 10) const;
    // Like to_u64 with an optional leading '-' or '+'; Overflow past i64.
    Result<i64> to_i64(unsigned base = 10) const;

    // Copies into a NUL-terminated buffer of size bytes (truncating); returns
    // the number of characters copied, excluding the NUL.
    usize copy_to(char* buffer, usize size) const;

private:
    char const* m_characters { nullptr };
    usize m_length { 0 };
};

class StringView::SplitRange {
public:
    class Iterator {
    public:
        Iterator(StringView rest, char separator);
        StringView operator*() const { return m_current; }
        Iterator& operator++();
        bool operator==(Iterator const& other) const
        {
            return m_done == other.m_done && (m_done || m_current.begin() == other.m_current.begin());
        }

    private:
        void advance();
        StringView m_rest;
        StringView m_current;
        char m_separator;
        bool m_done { false };
    };

    SplitRange(StringView text, char separator)
        : m_text(text)
        , m_separator(separator)
    {
    }
    Iterator begin() const { return Iterator(m_text, m_separator); }
    Iterator end() const;

private:
    StringView m_text;
    char m_separator;
};

inline StringView::SplitRange StringView::split(char separator) const { return SplitRange(*this, separator); }

// Usage: "abc"_sv.
constexpr StringView operator""_sv(char const* characters, usize length) { return { characters, length }; }
