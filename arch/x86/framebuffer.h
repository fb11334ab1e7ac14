// The framebuffer text console surface (UEFI boots, or BIOS with a graphics
// mode): a FramebufferSurface over the Multiboot2 framebuffer, drawn with the
// console font embedded in the kernel image.
#pragma once

#include "kernel/boot/boot_info.h"
#include "kernel/console/text_surface.h"
#include "kernel/lib/result.h"

namespace x86 {

// Largest text grid supported (static shadow storage, 4 bytes a cell): enough
// for 2560x1600 with 8x16 glyphs. Bigger screens get fewer rows.
constexpr usize FRAMEBUFFER_MAX_CELLS = 32768;

// Builds the one framebuffer surface. info must be an Rgb framebuffer of 16, 24
// or 32 bpp. pixels is where the caller has already mapped the framebuffer's
// [info.address, info.address + info.pitch * info.height) writable in kernel
// space: it usually lies above RAM (0x80000000+ under OVMF, 0xFD000000 under
// SeaBIOS) and so is not in the direct map; x86::map_mmio() does it. Attach
// the result with console_attach(). InvalidArgument for unusable layouts, Busy
// if called twice, BadMessage if the embedded font is broken.
Result<TextSurface*> framebuffer_console_init(FramebufferInfo const& info, void* pixels);

} // namespace x86
