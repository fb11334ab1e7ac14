// kernel_entry: the first C++ code, called by boot.S in long mode on the boot
// stack. Brings up the x86 machine in dependency order (serial, CPU tables, boot
// information, physical memory, page tables, heap, FPU, interrupt controllers,
// timer, screen) and hands over to the portable kernel_main().
#include "arch/x86/boot_entry.h"

#include "arch/x86/exceptions.h"
#include "arch/x86/fw_cfg.h"
#include "arch/x86/gdt.h"
#include "arch/x86/interrupts.h"
#include "arch/x86/paging.h"
#include "arch/x86/platform_init.h"
#include "arch/x86/serial.h"
#include "kernel/arch/memory.h"
#include "kernel/boot/multiboot2.h"
#include "kernel/debug/debug_print.h"
#include "kernel/debug/symbol_table.h"
#include "kernel/init/kernel_main.h"
#include "kernel/init/panic_policy.h"
#include "kernel/log/klog.h"
#include "kernel/mm/frame_allocator.h"
#include "kernel/panic.h"

extern "C" u8 __kernel_start[], __kernel_end[], __ksyms_start[], __ksyms_end[];
extern "C" void (*__init_array_start[])();
extern "C" void (*__init_array_end[])();

namespace {

constexpr VirtAddr KERNEL_VMA = 0xffffffff80000000ull;

BootInfo g_boot_info;
CommandLine g_command_line;

void serial_sink(char const* text, usize length, void*) { x86::serial_write_line(text, length); }

void run_global_constructors()
{
    for (auto ctor = __init_array_start; ctor < __init_array_end; ++ctor)
        (*ctor)();
}

void read_boot_information(u32 magic, PhysAddr info_phys)
{
    if (magic != Multiboot2::BOOTLOADER_MAGIC)
        panic("not started by a Multiboot2 loader (magic 0x%x)", magic);
    auto const* info = static_cast<u8 const*>(arch::phys_to_virt(info_phys));
    u32 total_size = *reinterpret_cast<u32 const*>(info);
    if (auto parsed = Multiboot2::parse_into(g_boot_info, info, total_size); parsed.is_error())
        panic("malformed Multiboot2 boot information: %s", error_name(parsed.error()));

    g_command_line.append(g_boot_info.command_line());
    if (x86::fw_cfg_present()) {
        static u8 extra[1024];
        if (auto n = x86::fw_cfg_read_file("opt/unum/cmdline", extra, sizeof(extra) - 1); !n.is_error())
            g_command_line.append(StringView(reinterpret_cast<char const*>(extra), n.value()));
    }
    panic_set_exit_on_panic(g_command_line.get("panic") == StringView("exit"));
    if (g_command_line.has("loglevel") && klog_set_level_from_string(g_command_line.get("loglevel")).is_error())
        log_warn("ignoring unknown loglevel");
}

void init_physical_memory(PhysAddr info_phys)
{
    FrameAllocator& frames = frame_allocator();
    for (usize i = 0; i < g_boot_info.memory_region_count(); ++i) {
        MemoryRegion const& region = g_boot_info.memory_region(i);
        if (region.is_available())
            frames.add_range(region.base, region.length);
    }
    // Never hand out: real-mode memory and firmware data below 1 MiB, the kernel
    // image, the boot information, and the modules (the initrd, later).
    frames.reserve_range(0, 1 * MiB);
    frames.reserve_range(reinterpret_cast<u64>(__kernel_start) - KERNEL_VMA, __kernel_end - __kernel_start);
    frames.reserve_range(info_phys, *static_cast<u32 const*>(arch::phys_to_virt(info_phys)));
    for (usize i = 0; i < g_boot_info.module_count(); ++i) {
        BootModule const& module = g_boot_info.module(i);
        frames.reserve_range(module.start, module.end - module.start);
    }
    // Only the boot page tables' 4 GiB of direct map exist yet: the allocator keeps
    // what lies above until extend_mapped() after paging_init().
    if (auto done = frames.finalize(4ull * GiB); done.is_error())
        panic("frame allocator: %s", error_name(done.error()));
    FrameStats stats = frames.stats();
    log_info("memory: %llu MiB usable, %llu MiB free", (unsigned long long)(stats.total_frames / 256),
        (unsigned long long)(stats.free_frames / 256));
}

} // namespace

namespace x86 {
BootInfo const& boot_info() { return g_boot_info; }
}

extern "C" [[noreturn]] void kernel_entry(u32 magic, u64 info_phys)
{
    x86::serial_init();
    debug_print("Unum %s (build %s) x86_64\n", UNUM_VERSION, UNUM_BUILD);
    x86::gdt_init();
    x86::idt_init();
    kernel_symbols().bind(__ksyms_start, usize(__ksyms_end - __ksyms_start));
    run_global_constructors();
    if (klog_add_sink(serial_sink, nullptr).is_error())
        debug_print("warning: no log sink for the serial console\n");

    read_boot_information(magic, info_phys);
    log_info("boot loader: %.*s; command line: %.*s", int(g_boot_info.boot_loader_name().length()),
        g_boot_info.boot_loader_name().characters(), int(g_boot_info.command_line().length()),
        g_boot_info.command_line().characters());
    init_physical_memory(info_phys);
    x86::paging_init(g_boot_info.highest_usable_address());
    frame_allocator().extend_mapped(g_boot_info.highest_usable_address());
    x86::platform_init(g_boot_info, g_command_line);
    static KernelBootArguments boot;
    boot.command_line = &g_command_line;
    for (usize i = 0; i < g_boot_info.module_count() && boot.module_count < KernelBootArguments::MAX_MODULES; ++i) {
        BootModule const& module = g_boot_info.module(i);
        if (module.end <= module.start)
            continue;
        boot.modules[boot.module_count++] = { module.name(),
            static_cast<u8 const*>(arch::phys_to_virt(module.start)), usize(module.end - module.start) };
    }
    kernel_main(boot);
}
