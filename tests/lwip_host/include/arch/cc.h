/* lwIP's compiler and platform definitions for the host build used by fuzz
   targets and host tests (tests/lwip_host/lwip_host.mk): clang or gcc on Linux with glibc, so lwIP takes
   its types, limits and byte order from the C library's headers. Assertions
   print and abort (libFuzzer reports the input); random numbers come from a
   sequence the harness restarts for every input, so runs are reproducible.
   The kernel's own port is net/lwip_port/include/arch/cc.h. */
#ifndef UNUM_LWIP_HOST_ARCH_CC_H
#define UNUM_LWIP_HOST_ARCH_CC_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PACK_STRUCT_STRUCT __attribute__((packed))

/* Diagnostics are dropped: the fuzzer runs millions of frames. */
#define LWIP_PLATFORM_DIAG(x) do { } while (0)

/* A failed lwIP assertion is a broken invariant inside the stack: a finding. */
void lwip_host_assert_failed(const char* message, const char* file, int line) __attribute__((noreturn));
#define LWIP_PLATFORM_ASSERT(x) lwip_host_assert_failed((x), __FILE__, __LINE__)

/* Deterministic "random" numbers (DHCP xid, ports); see sys_arch.c. */
uint32_t lwip_host_rand(void);
#define LWIP_RAND() lwip_host_rand()

#ifdef __cplusplus
}
#endif

#endif /* UNUM_LWIP_HOST_ARCH_CC_H */
