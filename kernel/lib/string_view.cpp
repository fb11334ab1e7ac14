// StringView's out-of-line operations: comparison, search, splitting, parsing.
#include "kernel/lib/string_view.h"

namespace {

char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = to_lower(c);
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    return 99;
}

} // namespace

int hex_digit_value(char c)
{
    int value = digit_value(c);
    return value < 16 ? value : -1;
}

int StringView::compare(StringView other) const
{
    usize common = m_length < other.m_length ? m_length : other.m_length;
    for (usize i = 0; i < common; ++i) {
        auto a = static_cast<unsigned char>(m_characters[i]);
        auto b = static_cast<unsigned char>(other.m_characters[i]);
        if (a != b)
            return a < b ? -1 : 1;
    }
    if (m_length == other.m_length)
        return 0;
    return m_length < other.m_length ? -1 : 1;
}

bool StringView::operator==(StringView other) const
{
    return m_length == other.m_length && compare(other) == 0;
}

bool StringView::equals_ignoring_case(StringView other) const
{
    if (m_length != other.m_length)
        return false;
    for (usize i = 0; i < m_length; ++i) {
        if (to_lower(m_characters[i]) != to_lower(other.m_characters[i]))
            return false;
    }
    return true;
}

bool StringView::starts_with(StringView prefix) const
{
    return prefix.m_length <= m_length && substring(0, prefix.m_length) == prefix;
}

bool StringView::ends_with(StringView suffix) const
{
    return suffix.m_length <= m_length && substring(m_length - suffix.m_length) == suffix;
}

std::optional<usize> StringView::find(char c, usize start) const
{
    for (usize i = start; i < m_length; ++i) {
        if (m_characters[i] == c)
            return i;
    }
    return std::nullopt;
}

std::optional<usize> StringView::find(StringView needle, usize start) const
{
    if (needle.m_length > m_length)
        return std::nullopt;
    for (usize i = start; i + needle.m_length <= m_length; ++i) {
        if (substring(i, needle.m_length) == needle)
            return i;
    }
    return std::nullopt;
}

std::optional<usize> StringView::find_last(char c) const
{
    for (usize i = m_length; i > 0; --i) {
        if (m_characters[i - 1] == c)
            return i - 1;
    }
    return std::nullopt;
}

StringView StringView::trim_whitespace() const
{
    usize start = 0;
    usize end = m_length;
    while (start < end && is_space(m_characters[start]))
        ++start;
    while (end > start && is_space(m_characters[end - 1]))
        --end;
    return substring(start, end - start);
}

bool StringView::split_once(char separator, StringView& before, StringView& after) const
{
    auto index = find(separator);
    if (!index)
        return false;
    before = substring(0, *index);
    after = substring(*index + 1);
    return true;
}

Result<u64> StringView::to_u64(unsigned base) const
{
    StringView digits = *this;
    if (base == 0) {
        base = 10;
        if (digits.length() > 2 && digits[0] == '0') {
            char marker = to_lower(digits[1]);
            if (marker == 'x' || marker == 'o' || marker == 'b') {
                base = marker == 'x' ? 16 : (marker == 'o' ? 8 : 2);
                digits = digits.substring(2);
            }
        }
        if (base == 10 && digits.length() > 1 && digits[0] == '0')
            base = 8;
    } else if (base == 16 && digits.length() > 2 && digits[0] == '0' && to_lower(digits[1]) == 'x') {
        digits = digits.substring(2);
    }
    if (base < 2 || base > 36)
        return Error::InvalidArgument;
    if (digits.is_empty())
        return Error::InvalidArgument;
    u64 value = 0;
    for (char c : digits) {
        int digit = digit_value(c);
        if (digit >= int(base))
            return Error::InvalidArgument;
        if (value > (u64(-1) - u64(digit)) / base)
            return Error::Overflow;
        value = value * base + u64(digit);
    }
    return value;
}

Result<i64> StringView::to_i64(unsigned base) const
{
    bool negative = starts_with('-');
    StringView digits = (negative || starts_with('+')) ? substring(1) : *this;
    if (digits.starts_with('-') || digits.starts_with('+'))
        return Error::InvalidArgument;
    u64 magnitude = TRY(digits.to_u64(base));
    u64 limit = negative ? u64(1) << 63 : (u64(1) << 63) - 1;
    if (magnitude > limit)
        return Error::Overflow;
    return negative ? i64(u64(0) - magnitude) : i64(magnitude);
}

usize StringView::copy_to(char* buffer, usize size) const
{
    if (size == 0)
        return 0;
    usize n = m_length < size - 1 ? m_length : size - 1;
    for (usize i = 0; i < n; ++i)
        buffer[i] = m_characters[i];
    buffer[n] = '\0';
    return n;
}

StringView::SplitRange::Iterator::Iterator(StringView rest, char separator)
    : m_rest(rest)
    , m_separator(separator)
{
    advance();
}

StringView::SplitRange::Iterator& StringView::SplitRange::Iterator::operator++()
{
    advance();
    return *this;
}

void StringView::SplitRange::Iterator::advance()
{
    while (!m_rest.is_empty() && m_rest[0] == m_separator)
        m_rest = m_rest.substring(1);
    if (m_rest.is_empty()) {
        m_done = true;
        m_current = {};
        return;
    }
    usize end = m_rest.find(m_separator).value_or(m_rest.length());
    m_current = m_rest.substring(0, end);
    m_rest = m_rest.substring(end);
}

StringView::SplitRange::Iterator StringView::SplitRange::end() const
{
    Iterator it(StringView(), m_separator);
    return it;
}
