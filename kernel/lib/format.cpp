// printf-style formatting for the kernel: one formatting engine that writes to
// either a bounded buffer or a streaming callback. Integer-only (no FPU in the kernel).
#include "kernel/lib/format.h"

namespace {

struct Output {
    void (*write)(char const* text, usize len, void* ctx);
    void* ctx;
    usize total;

    void put(char const* text, usize len)
    {
        if (len == 0)
            return;
        write(text, len, ctx);
        total += len;
    }
    void repeat(char c, usize count)
    {
        char chunk[32];
        for (char& slot : chunk)
            slot = c;
        while (count > 0) {
            usize n = count < sizeof(chunk) ? count : sizeof(chunk);
            put(chunk, n);
            count -= n;
        }
    }
};

struct Spec {
    bool left_align { false };
    bool zero_pad { false };
    bool plus_sign { false };
    bool space_sign { false };
    bool alternate { false };
    int width { 0 };
    int precision { -1 };
};

enum class Length { Int, Char, Short, Long, LongLong, Size, PtrDiff, Max };

// Widths and precisions beyond this are clamped so a stray format cannot spin
// for billions of padding characters.
constexpr int MAX_FIELD = 1 << 16;

int parse_number(char const*& p)
{
    int value = 0;
    while (*p >= '0' && *p <= '9') {
        if (value < MAX_FIELD)
            value = value * 10 + (*p - '0');
        ++p;
    }
    return value < MAX_FIELD ? value : MAX_FIELD;
}

usize bounded_strlen(char const* s, int limit)
{
    usize n = 0;
    while ((limit < 0 || n < usize(limit)) && s[n] != '\0')
        ++n;
    return n;
}

void emit_padded(Output& out, Spec const& spec, char const* text, usize len)
{
    usize width = spec.width > 0 ? usize(spec.width) : 0;
    usize pad = width > len ? width - len : 0;
    if (!spec.left_align)
        out.repeat(' ', pad);
    out.put(text, len);
    if (spec.left_align)
        out.repeat(' ', pad);
}

void emit_integer(Output& out, Spec const& spec, u64 magnitude, bool negative, bool is_signed, unsigned base,
    bool upper, bool pointer)
{
    char const* digits_of = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char digits[24];
    usize count = 0;
    for (u64 v = magnitude; v != 0; v /= base)
        digits[sizeof(digits) - 1 - count++] = digits_of[v % base];
    char const* digit_start = digits + sizeof(digits) - count;

    // C's rules: an explicit precision is a minimum digit count and disables
    // zero padding; zero with precision 0 prints no digits.
    usize min_digits = spec.precision >= 0 ? usize(spec.precision) : 1;
    if (spec.alternate && base == 8 && min_digits <= count)
        min_digits = count + 1;
    usize zeros = min_digits > count ? min_digits - count : 0;

    char prefix[2];
    usize prefix_len = 0;
    if (is_signed) {
        if (negative)
            prefix[prefix_len++] = '-';
        else if (spec.plus_sign)
            prefix[prefix_len++] = '+';
        else if (spec.space_sign)
            prefix[prefix_len++] = ' ';
    } else if (base == 16 && (pointer || (spec.alternate && magnitude != 0))) {
        prefix[prefix_len++] = '0';
        prefix[prefix_len++] = upper ? 'X' : 'x';
    }

    usize body = prefix_len + zeros + count;
    usize width = spec.width > 0 ? usize(spec.width) : 0;
    usize pad = width > body ? width - body : 0;
    bool pad_with_zeros = spec.zero_pad && !spec.left_align && spec.precision < 0;
    if (pad_with_zeros) {
        zeros += pad;
        pad = 0;
    }
    if (!spec.left_align)
        out.repeat(' ', pad);
    out.put(prefix, prefix_len);
    out.repeat('0', zeros);
    out.put(digit_start, count);
    if (spec.left_align)
        out.repeat(' ', pad);
}

u64 fetch_unsigned(va_list* args, Length length)
{
    switch (length) {
    case Length::Char: return static_cast<unsigned char>(va_arg(*args, unsigned));
    case Length::Short: return static_cast<unsigned short>(va_arg(*args, unsigned));
    case Length::Long: return va_arg(*args, unsigned long);
    case Length::LongLong: return va_arg(*args, unsigned long long);
    case Length::Size: return va_arg(*args, usize);
    case Length::PtrDiff: return static_cast<u64>(va_arg(*args, isize));
    case Length::Max: return va_arg(*args, uintmax_t);
    case Length::Int: break;
    }
    return va_arg(*args, unsigned);
}

i64 fetch_signed(va_list* args, Length length)
{
    switch (length) {
    case Length::Char: return static_cast<signed char>(va_arg(*args, int));
    case Length::Short: return static_cast<short>(va_arg(*args, int));
    case Length::Long: return va_arg(*args, long);
    case Length::LongLong: return va_arg(*args, long long);
    case Length::Size: return static_cast<i64>(va_arg(*args, usize));
    case Length::PtrDiff: return va_arg(*args, isize);
    case Length::Max: return va_arg(*args, intmax_t);
    case Length::Int: break;
    }
    return va_arg(*args, int);
}

Length parse_length(char const*& p)
{
    switch (*p) {
    case 'h':
        ++p;
        if (*p == 'h') {
            ++p;
            return Length::Char;
        }
        return Length::Short;
    case 'l':
        ++p;
        if (*p == 'l') {
            ++p;
            return Length::LongLong;
        }
        return Length::Long;
    case 'z': ++p; return Length::Size;
    case 't': ++p; return Length::PtrDiff;
    case 'j': ++p; return Length::Max;
    default: return Length::Int;
    }
}

// Parses one conversion starting after '%'; returns the position after it.
char const* format_one(Output& out, char const* p, va_list* args)
{
    char const* spec_start = p - 1;
    Spec spec;
    for (;; ++p) {
        if (*p == '-')
            spec.left_align = true;
        else if (*p == '0')
            spec.zero_pad = true;
        else if (*p == '+')
            spec.plus_sign = true;
        else if (*p == ' ')
            spec.space_sign = true;
        else if (*p == '#')
            spec.alternate = true;
        else
            break;
    }
    if (*p == '*') {
        ++p;
        int width = va_arg(*args, int);
        if (width < 0) {
            spec.left_align = true;
            width = width == -2147483647 - 1 ? MAX_FIELD : -width;
        }
        spec.width = width < MAX_FIELD ? width : MAX_FIELD;
    } else {
        spec.width = parse_number(p);
    }
    if (*p == '.') {
        ++p;
        if (*p == '*') {
            ++p;
            int precision = va_arg(*args, int);
            spec.precision = precision < 0 ? -1 : (precision < MAX_FIELD ? precision : MAX_FIELD);
        } else {
            spec.precision = parse_number(p);
        }
    }
    Length length = parse_length(p);

    switch (*p) {
    case 'd':
    case 'i': {
        i64 value = fetch_signed(args, length);
        u64 magnitude = value < 0 ? u64(0) - u64(value) : u64(value);
        emit_integer(out, spec, magnitude, value < 0, true, 10, false, false);
        break;
    }
    case 'u': emit_integer(out, spec, fetch_unsigned(args, length), false, false, 10, false, false); break;
    case 'x': emit_integer(out, spec, fetch_unsigned(args, length), false, false, 16, false, false); break;
    case 'X': emit_integer(out, spec, fetch_unsigned(args, length), false, false, 16, true, false); break;
    case 'o': emit_integer(out, spec, fetch_unsigned(args, length), false, false, 8, false, false); break;
    case 'p': {
        auto value = reinterpret_cast<uptr>(va_arg(*args, void*));
        emit_integer(out, spec, value, false, false, 16, false, true);
        break;
    }
    case 'c': {
        char c = static_cast<char>(va_arg(*args, int));
        emit_padded(out, spec, &c, 1);
        break;
    }
    case 's': {
        char const* s = va_arg(*args, char const*);
        if (!s)
            s = "(null)";
        emit_padded(out, spec, s, bounded_strlen(s, spec.precision));
        break;
    }
    case '%': out.put("%", 1); break;
    case '\0':
        // A lone '%' at the end: print what we saw rather than reading past the NUL.
        out.put(spec_start, usize(p - spec_start));
        return p;
    default:
        // Unsupported conversion (%f, %n, ...): echo it so the mistake is visible.
        out.put(spec_start, usize(p + 1 - spec_start));
        break;
    }
    return p + 1;
}

usize format_engine(Output& out, char const* fmt, va_list* args)
{
    char const* p = fmt;
    while (*p) {
        char const* literal = p;
        while (*p && *p != '%')
            ++p;
        out.put(literal, usize(p - literal));
        if (*p == '%')
            p = format_one(out, p + 1, args);
    }
    return out.total;
}

struct BufferSink {
    char* buffer;
    usize size;
    usize used;
};

void write_to_buffer(char const* text, usize len, void* ctx)
{
    auto* sink = static_cast<BufferSink*>(ctx);
    if (sink->size == 0)
        return;
    usize room = sink->size - 1 - sink->used;
    usize n = len < room ? len : room;
    for (usize i = 0; i < n; ++i)
        sink->buffer[sink->used + i] = text[i];
    sink->used += n;
}

} // namespace

usize vformat(char* buffer, usize size, char const* fmt, va_list args)
{
    BufferSink sink { buffer, size, 0 };
    Output out { write_to_buffer, &sink, 0 };
    va_list copy;
    va_copy(copy, args);
    usize total = format_engine(out, fmt, &copy);
    va_end(copy);
    if (size > 0)
        buffer[sink.used] = '\0';
    return total;
}

usize format(char* buffer, usize size, char const* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    usize total = vformat(buffer, size, fmt, args);
    va_end(args);
    return total;
}

usize vformat_to(void (*write)(char const* text, usize len, void* ctx), void* ctx, char const* fmt, va_list args)
{
    Output out { write, ctx, 0 };
    va_list copy;
    va_copy(copy, args);
    usize total = format_engine(out, fmt, &copy);
    va_end(copy);
    return total;
}
