// 8259 PIC programming: the ICW1-4 initialization sequence and the mask
// registers. Mask state is cached because reading it back costs a slow port read.
#include "arch/x86/pic.h"

#include "arch/x86/interrupts.h"
#include "arch/x86/io.h"

namespace x86 {

namespace {

constexpr u16 MASTER_COMMAND = 0x20;
constexpr u16 MASTER_DATA = 0x21;
constexpr u16 SLAVE_COMMAND = 0xA0;
constexpr u16 SLAVE_DATA = 0xA1;
constexpr u8 ICW1_INIT_WITH_ICW4 = 0x11;
constexpr u8 ICW4_8086 = 0x01;
constexpr u8 EOI = 0x20;
constexpr u8 CASCADE_IRQ = 2;

u16 g_mask = 0xFFFF;
bool g_fallback = false;

void write_masks()
{
    outb(MASTER_DATA, u8(g_mask));
    outb(SLAVE_DATA, u8(g_mask >> 8));
}

} // namespace

void pic_disable()
{
    outb(MASTER_COMMAND, ICW1_INIT_WITH_ICW4);
    io_wait();
    outb(SLAVE_COMMAND, ICW1_INIT_WITH_ICW4);
    io_wait();
    outb(MASTER_DATA, IRQ_VECTOR_BASE);
    io_wait();
    outb(SLAVE_DATA, IRQ_VECTOR_BASE + 8);
    io_wait();
    outb(MASTER_DATA, 1u << CASCADE_IRQ); // slave sits on master's IRQ 2
    io_wait();
    outb(SLAVE_DATA, CASCADE_IRQ);        // slave's cascade identity
    io_wait();
    outb(MASTER_DATA, ICW4_8086);
    io_wait();
    outb(SLAVE_DATA, ICW4_8086);
    io_wait();
    g_mask = 0xFFFF;
    write_masks();
}

void pic_enable_fallback() { g_fallback = true; }
bool pic_fallback_active() { return g_fallback; }

void pic_mask(u8 irq)
{
    if (irq >= 16)
        return;
    g_mask |= u16(1u << irq);
    write_masks();
}

void pic_unmask(u8 irq)
{
    if (irq >= 16)
        return;
    g_mask &= u16(~(1u << irq));
    if (irq >= 8)
        g_mask &= u16(~(1u << CASCADE_IRQ));
    write_masks();
}

void pic_eoi()
{
    outb(SLAVE_COMMAND, EOI);
    outb(MASTER_COMMAND, EOI);
}

} // namespace x86
