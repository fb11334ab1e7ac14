// Screen console selection (see screen_console.h).
#include "arch/x86/screen_console.h"

#include "arch/x86/framebuffer.h"
#include "arch/x86/paging.h"
#include "arch/x86/vga_text.h"
#include "kernel/console/console.h"
#include "kernel/log/klog.h"

namespace x86 {

bool screen_console_init(BootInfo const& boot_info)
{
    FramebufferInfo const* fb = boot_info.framebuffer();
    if (fb && fb->type == FramebufferType::Rgb) {
        auto pixels = map_mmio(fb->address, usize(fb->pitch) * fb->height);
        if (pixels.is_error()) {
            log_warn("console: cannot map the framebuffer: %s", error_name(pixels.error()));
            return false;
        }
        auto surface = framebuffer_console_init(*fb, pixels.value());
        if (surface.is_error()) {
            log_warn("console: framebuffer %ux%u %u bpp unusable: %s", fb->width, fb->height, fb->bpp,
                error_name(surface.error()));
            return false;
        }
        if (console_attach(*surface.value()).is_error())
            return false;
        log_info("console: framebuffer %ux%u, %u bpp", fb->width, fb->height, fb->bpp);
        return true;
    }
    if (console_attach(vga_text_init()).is_error())
        return false;
    log_info("console: VGA text 80x25");
    return true;
}

} // namespace x86
