// Glue between the Multiboot2 framebuffer description and the portable
// FramebufferSurface: static storage for the surface and its shadow grid (so it
// works before the heap), and the embedded console font.
#include "arch/x86/framebuffer.h"

#include <new>

#include "kernel/console/console_font.h"
#include "kernel/console/framebuffer_surface.h"

namespace x86 {

namespace {

u32 g_cells[FRAMEBUFFER_MAX_CELLS];
alignas(FramebufferSurface) u8 g_surface_storage[sizeof(FramebufferSurface)];
bool g_created = false;

} // namespace

Result<TextSurface*> framebuffer_console_init(FramebufferInfo const& info, void* pixels)
{
    if (g_created)
        return Error::Busy;
    if (info.type != FramebufferType::Rgb || !pixels)
        return Error::InvalidArgument;
    PsfFont font = TRY(PsfFont::parse(console_font_data(), console_font_size()));
    FramebufferLayout layout {
        static_cast<u8*>(pixels),
        info.pitch,
        info.width,
        info.height,
        info.bpp,
        info.red_position,
        info.red_size,
        info.green_position,
        info.green_size,
        info.blue_position,
        info.blue_size,
    };
    FramebufferSurface surface = TRY(FramebufferSurface::create(layout, font, g_cells, FRAMEBUFFER_MAX_CELLS));
    g_created = true;
    return static_cast<TextSurface*>(new (g_surface_storage) FramebufferSurface(surface));
}

} // namespace x86
