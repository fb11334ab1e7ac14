// Host tests: the fake interrupt seam (tests/host/fake_arch/irq.cpp).
#pragma once

#include "kernel/lib/types.h"

// Removes every handler.
void fake_irq_reset();
// Runs the handlers of line as an interrupt would; true when one claimed it.
bool fake_irq_raise(u8 line);
usize fake_irq_handler_count(u8 line);
