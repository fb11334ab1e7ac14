// Host tests: installs the arena that stands in for physical memory.
#pragma once

#include "kernel/lib/types.h"

void fake_phys_install(void* arena, PhysAddr base, usize size);
