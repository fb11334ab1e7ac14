// libFuzzer target: random bytes into a Terminal over a fake surface that aborts
// on any out-of-range coordinate or count. The first two bytes pick the screen
// size and the third how the rest is split into write() calls.
#include "kernel/console/fake_text_surface.h"
#include "kernel/console/terminal.h"

extern "C" int LLVMFuzzerTestOneInput(u8 const* data, usize size)
{
    if (size < 3)
        return 0;
    u32 columns = data[0] % 100 + 1;
    u32 rows = data[1] % 40 + 1;
    usize chunk = data[2] % 16 + 1;
    data += 3;
    size -= 3;

    FakeTextSurface surface(columns, rows);
    Terminal terminal(surface);
    terminal.reset();
    for (usize offset = 0; offset < size; offset += chunk) {
        usize n = size - offset < chunk ? size - offset : chunk;
        terminal.write(reinterpret_cast<char const*>(data + offset), n);
        if (terminal.cursor_col() >= columns || terminal.cursor_row() >= rows)
            __builtin_trap();
    }
    return 0;
}
