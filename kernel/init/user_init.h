// Boot step for user space: the console TTY on /dev/console and /dev/tty, and the
// first process (`init=PATH`, default /bin/init) with the console as its stdio.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"

// Registers the console TTY in devfs and starts path with the console as fds
// 0, 1 and 2. Console input goes to the TTY from then on.
Result<void> start_user_init(StringView path);
