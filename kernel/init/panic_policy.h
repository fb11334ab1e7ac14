// What panic() does after printing: halt (default) or exit the emulator.
#pragma once

void panic_set_exit_on_panic(bool exit);
