// libFuzzer target: kernel command lines from arbitrary bytes, parsed in two
// appended halves (as GRUB's line plus the fw_cfg string) and then queried.
#include <cstddef>
#include <cstdint>

#include "kernel/boot/command_line.h"

static CommandLine s_line;

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    new (&s_line) CommandLine();
    size_t half = size / 2;
    char const* text = reinterpret_cast<char const*>(data);
    s_line.append(StringView(text, half));
    s_line.append(StringView(text + half, size - half));

    volatile u64 sink = s_line.ignored_count();
    for (usize i = 0; i < s_line.option_count(); ++i) {
        CommandLine::Option option = s_line.option(i);
        // Every key must be findable and give back its own value.
        if (!s_line.has(option.key) || !(s_line.get(option.key) == option.value))
            __builtin_trap();
        for (char c : option.value)
            sink = sink + u8(c);
        auto number = s_line.get_u64(option.key);
        if (!number.is_error())
            sink = sink + number.value();
    }
    (void)s_line.get_u64("loglevel"_sv);
    return 0;
}
