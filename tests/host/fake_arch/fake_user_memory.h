// Host tests: introspection of the fake user page tables (fake_arch/user_memory.cpp).
#pragma once

#include "kernel/arch/user_memory.h"

// Tables created and not yet destroyed.
usize fake_user_page_tables_alive();
// The table last activated (null after activate_kernel_page_table()).
arch::UserPageTable const* fake_active_user_page_table();
// Present pages of a table.
usize fake_user_page_count(arch::UserPageTable const& table);
