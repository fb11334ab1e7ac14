#pragma once
#include "kernel/lib/result.h"
namespace x86 { Result<void> ioapic_route_irq(u8 irq, u8 vector); }
