// libFuzzer target: StringView parsing and splitting, and the kernel log's
// level parser, on arbitrary bytes (kernel command lines and user writes).
#include "kernel/lib/string_view.h"
#include "kernel/log/klog.h"

extern "C" int LLVMFuzzerTestOneInput(u8 const* data, usize size)
{
    StringView text(reinterpret_cast<char const*>(data), size);
    for (unsigned base : { 0u, 2u, 8u, 10u, 16u, 36u }) {
        auto u = text.to_u64(base);
        auto i = text.to_i64(base);
        // A signed parse of a digits-only string must agree with the unsigned one.
        if (!u.is_error() && !i.is_error() && !text.starts_with('-') && !text.starts_with('+')) {
            if (u64(i.value()) != u.value())
                __builtin_trap();
        }
    }
    usize total = 0;
    for (StringView part : text.split(' ')) {
        if (part.is_empty() || part.characters() < text.begin() || part.end() > text.end())
            __builtin_trap();
        total += part.length();
        StringView key, value;
        if (part.split_once('=', key, value) && key.length() + value.length() + 1 != part.length())
            __builtin_trap();
    }
    if (total > size)
        __builtin_trap();
    StringView trimmed = text.trim_whitespace();
    if (trimmed.length() > size)
        __builtin_trap();
    if (size > 2) {
        auto found = text.find(text.substring(size / 2, 2));
        if (!found || *found > size / 2)
            __builtin_trap();
    }
    LogLevel before = klog_level();
    (void)klog_set_level_from_string(text);
    klog_set_level(before);
    return 0;
}
