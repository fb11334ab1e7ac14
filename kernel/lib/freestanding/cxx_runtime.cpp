// Kernel-only: the few symbols a freestanding C++ kernel link needs from a C++
// runtime (pure virtual calls, static-destructor registration, abort from
// header-only std code). operator new/delete live in kernel/mm/freestanding/.
#include "kernel/panic.h"

extern "C" {

// Identifies this "shared object" to destructor registration; the kernel is one.
void* __dso_handle = &__dso_handle;

[[noreturn]] void __cxa_pure_virtual() { panic("pure virtual function called"); }
[[noreturn]] void __cxa_deleted_virtual() { panic("deleted virtual function called"); }

// The kernel never exits, so destructors of static objects never need to run;
// registering them is a no-op that reports success.
int __cxa_atexit(void (*)(void*), void*, void*) { return 0; }
int atexit(void (*)()) { return 0; }

// Reached from header-only std code when a checked operation fails with
// exceptions disabled (std::optional::value() on an empty optional, ...).
[[noreturn]] void abort() { panic("abort() called"); }

} // extern "C"
