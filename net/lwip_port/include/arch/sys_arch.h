/* lwIP's operating-system types for Unum: handles to kernel objects made in
   net/lwip_port/freestanding/sys_arch.cpp — a semaphore (kernel Semaphore), a
   mutex (kernel Mutex; the core lock is one), a bounded mailbox of pointers, and
   kernel threads. A handle is a pointer; null means "not valid". */
#ifndef UNUM_LWIP_ARCH_SYS_ARCH_H
#define UNUM_LWIP_ARCH_SYS_ARCH_H

#ifdef __cplusplus
extern "C" {
#endif

struct unum_lwip_sem;
struct unum_lwip_mutex;
struct unum_lwip_mbox;
struct unum_lwip_thread;

typedef struct unum_lwip_sem* sys_sem_t;
typedef struct unum_lwip_mutex* sys_mutex_t;
typedef struct unum_lwip_mbox* sys_mbox_t;
typedef struct unum_lwip_thread* sys_thread_t;

#define SYS_MBOX_NULL ((sys_mbox_t)0)
#define SYS_SEM_NULL ((sys_sem_t)0)

#define sys_sem_valid(sem) (((sem) != 0) && (*(sem) != 0))
#define sys_sem_valid_val(sem) ((sem) != 0)
#define sys_sem_set_invalid(sem) do { if ((sem) != 0) { *(sem) = 0; } } while (0)
#define sys_sem_set_invalid_val(sem) do { (sem) = 0; } while (0)
#define sys_mutex_valid(mutex) (((mutex) != 0) && (*(mutex) != 0))
#define sys_mutex_set_invalid(mutex) do { if ((mutex) != 0) { *(mutex) = 0; } } while (0)
#define sys_mbox_valid(mbox) (((mbox) != 0) && (*(mbox) != 0))
#define sys_mbox_valid_val(mbox) ((mbox) != 0)
#define sys_mbox_set_invalid(mbox) do { if ((mbox) != 0) { *(mbox) = 0; } } while (0)
#define sys_mbox_set_invalid_val(mbox) do { (mbox) = 0; } while (0)

/* sys_arch_protect(): interrupts off plus a nesting lock, so pool allocations are
   safe from any thread (and from an interrupt handler, though none calls lwIP). */
typedef unsigned long sys_prot_t;

#ifdef __cplusplus
}
#endif

#endif /* UNUM_LWIP_ARCH_SYS_ARCH_H */
