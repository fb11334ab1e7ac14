// e1000::probe_all and the per-device driver thread. The interrupt handler only
// reads ICR (acknowledging the device, which drops its level-triggered INTx line)
// and posts the thread's semaphore; the thread does all the work in
// E1000Device::service(). It also wakes every POLL_MS on its own, so a device whose
// interrupt never arrives (bad routing, a masked storming line) keeps working; the
// first time polling finds work that no interrupt announced, it says so once.
#include "net/e1000/freestanding/e1000_driver.h"

#include <new>

#include "arch/x86/paging.h"
#include "kernel/lib/format.h"
#include "kernel/log/klog.h"
#include "kernel/pci/pci_bus.h"
#include "kernel/pci/pci_interrupt.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/thread.h"
#include "kernel/sync/semaphore.h"
#include "net/device/freestanding/frame_dma_allocator.h"
#include "net/device/net_device.h"
#include "net/e1000/e1000_device.h"
#include "net/e1000/e1000_models.h"
#include "net/e1000/freestanding/e1000_mmio_registers.h"

namespace e1000 {
namespace {

constexpr u64 POLL_MS = 50;
constexpr u64 COUNTER_FOLD_MS = 1000;
constexpr u64 LINK_WAIT_MS = 2000;
constexpr usize REGISTER_SPAN = 0x6000; // the registers this driver touches end below RAH0 + 4

struct E1000Instance {
    E1000Instance(void* registers, E1000Model const& model, StringView name)
        : mmio(registers)
        , device(mmio, net::FrameDmaAllocator::the(), model.eeprom, name)
    {
    }
    E1000MmioRegisters mmio;
    E1000Device device;
    Semaphore wakeup;
    bool irq_installed = false;
    bool reported_polling = false;
};

bool on_interrupt(void* context)
{
    auto* instance = static_cast<E1000Instance*>(context);
    if (!instance->device.acknowledge_interrupt())
        return false;
    instance->wakeup.post();
    return true;
}

void driver_thread(void* argument)
{
    auto* instance = static_cast<E1000Instance*>(argument);
    E1000Device& device = instance->device;
    u64 last_fold = sched::ticks();
    u64 fold_ticks = COUNTER_FOLD_MS * sched::tick_hz() / 1000;
    for (;;) {
        bool woken = !instance->wakeup.wait(POLL_MS).is_error();
        u64 interrupts_before = device.interrupts();
        bool had_pending = device.has_pending_causes();
        bool work = device.service(!woken);
        if (!woken && work && !had_pending && interrupts_before == 0 && !instance->reported_polling) {
            instance->reported_polling = true;
            log_warn("e1000: %.*s: no interrupt announced the work polling found; polling every %llu ms",
                int(device.name().length()), device.name().characters(), (unsigned long long)POLL_MS);
        }
        // A full ring's worth was handled: look again soon, letting others run first.
        while (work) {
            sched::yield();
            work = device.service(false);
        }
        if (sched::ticks() - last_fold >= fold_ticks) {
            device.fold_hardware_counters();
            last_fold = sched::ticks();
        }
    }
}

void wait_for_link(E1000Device& device)
{
    // The driver thread notices the link (QEMU finishes auto-negotiation shortly
    // after a reset); this only waits so the boot log can say how it came up.
    for (u64 waited = 0; !device.link_up() && waited < LINK_WAIT_MS; waited += 10)
        sched::sleep_ms(10);
}

Result<void> probe(PciDevice const& pci, E1000Model const& model, usize index)
{
    PciBar const& bar = pci.bars[0];
    if (!bar.is_memory() || bar.size < REGISTER_SPAN)
        return Error::NoDevice;
    void* registers = TRY(x86::map_mmio(bar.base, usize(bar.size)));
    pci::enable_memory_space(pci);
    pci::enable_bus_mastering(pci);

    char name[E1000Device::NAME_CAPACITY];
    format(name, sizeof(name), "eth%zu", index);
    auto* instance = new (std::nothrow) E1000Instance(registers, model, StringView(name));
    if (!instance)
        return Error::NoMemory;
    if (auto started = instance->device.start(); started.is_error()) {
        delete instance;
        return started.error();
    }
    auto irq = pci::install_interrupt_handler(pci, on_interrupt, instance);
    instance->irq_installed = !irq.is_error();
    if (irq.is_error())
        log_warn("e1000: %s: no interrupt (%s); polling", name, error_name(irq.error()));
    // The thread and the registration are for the kernel's lifetime: never freed.
    auto thread = Thread::create(name, driver_thread, instance, sched::PRIORITY_HIGH);
    if (thread.is_error()) {
        log_error("e1000: %s: no driver thread (%s)", name, error_name(thread.error()));
        return thread.error();
    }
    wait_for_link(instance->device);
    TRY(net::NetDeviceRegistry::the().add(instance->device));

    net::MacAddress mac = instance->device.mac();
    char irq_text[8] = "none";
    if (instance->irq_installed)
        format(irq_text, sizeof(irq_text), "%u", unsigned(pci.interrupt_line));
    log_info("e1000: %s %02x:%02x:%02x:%02x:%02x:%02x at %02x:%02x.%x (%s) irq %s, link %s", name, mac.bytes[0],
        mac.bytes[1], mac.bytes[2], mac.bytes[3], mac.bytes[4], mac.bytes[5], pci.address.bus, pci.address.device,
        pci.address.function, model.name, irq_text, instance->device.link_up() ? "up" : "down");
    return {};
}

} // namespace

usize probe_all()
{
    PciBus const& bus = PciBus::the();
    usize started = 0;
    for (usize i = 0; i < bus.count(); ++i) {
        PciDevice const& pci = bus.device(i);
        E1000Model const* model = find_model(pci.vendor_id, pci.device_id);
        if (!model)
            continue;
        usize index = net::NetDeviceRegistry::the().count();
        if (auto probed = probe(pci, *model, index); probed.is_error()) {
            log_warn("e1000: %02x:%02x.%x: %s", pci.address.bus, pci.address.device, pci.address.function,
                error_name(probed.error()));
            continue;
        }
        ++started;
    }
    return started;
}

} // namespace e1000
