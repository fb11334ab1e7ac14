// Every system-call handler, grouped by family; one family per .cpp file.
#pragma once

#include "kernel/syscall/syscall_dispatch.h"

// sys_time.cpp
Result<u64> sys_nanosleep(SyscallArgs const& args);
Result<u64> sys_clock_gettime(SyscallArgs const& args);
Result<u64> sys_gettimeofday(SyscallArgs const& args);
