// The kernel log: leveled, timestamped records kept in a fixed in-memory ring
// (oldest overwritten) and echoed to console sinks. Needs no heap, so it works
// from the first instruction of the kernel, and from interrupt context (its
// spinlock disables interrupts). Readable later by sequence cursor (/dev/kmsg,
// the debug monitor's `log`) and dumped whole on panic.
#pragma once

#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

#include <stdarg.h>

enum class LogLevel : u8 { Error, Warn, Info, Debug };

// Records every message in the ring; echoes those at or below the console level
// (default Info) to every sink, formatted "[    1.234567] info: text\n".
// Until the first sink is added, echoed lines go to arch::debug_write.
void klog(LogLevel level, char const* fmt, ...) __attribute__((format(printf, 2, 3)));
void vklog(LogLevel level, char const* fmt, va_list args);

#define log_error(...) klog(LogLevel::Error, __VA_ARGS__)
#define log_warn(...) klog(LogLevel::Warn, __VA_ARGS__)
#define log_info(...) klog(LogLevel::Info, __VA_ARGS__)
#define log_debug(...) klog(LogLevel::Debug, __VA_ARGS__)

void klog_set_level(LogLevel level);
LogLevel klog_level();
// Accepts "0".."3" or error/warn/info/debug (any case); InvalidArgument otherwise
// (for loglevel= on the kernel command line).
Result<void> klog_set_level_from_string(StringView text);
char const* klog_level_name(LogLevel level);

// A sink receives whole formatted lines. It is called with the log lock held and
// interrupts off, so it must not sleep or allocate; a klog() from inside a sink is
// diverted to arch::debug_write instead of deadlocking.
using KlogSinkWrite = void (*)(char const* text, usize len, void* ctx);
constexpr usize KLOG_MAX_SINKS = 4;
// NoSpace when KLOG_MAX_SINKS are registered already.
Result<void> klog_add_sink(KlogSinkWrite write, void* ctx);
void klog_remove_sink(KlogSinkWrite write, void* ctx);

// Copies formatted records, oldest first, starting at sequence number cursor,
// into buffer (not NUL-terminated); returns the bytes written and advances cursor
// past the records copied. Only whole records are copied, except that a record
// longer than size is cut short so a reader always progresses. A cursor older
// than the oldest kept record jumps to it; 0 means "from the start".
usize klog_read(u64& cursor, char* buffer, usize size);
// Sequence number the next record will get (a cursor at "now").
u64 klog_next_sequence();
// Writes every kept record to write(). Usable from panic: if the log lock is
// held (the panic came from inside the log), it reads without the lock.
void klog_dump(KlogSinkWrite write, void* ctx);
// Forgets every record (dmesg -c); sequence numbers keep counting.
void klog_clear();

// Longest message text kept per record; longer ones are cut.
constexpr usize KLOG_MAX_TEXT = 400;
// Bytes of ring storage (records plus a small header each).
constexpr usize KLOG_RING_SIZE = 64 * KiB;
