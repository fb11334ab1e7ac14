// The monitor's built-in commands: mem, threads, log, uptime, reboot.
#pragma once

void monitor_register_builtins();
