// The kernel log ring and its sinks. Records are packed into a fixed byte ring
// (header + text), the oldest dropped to make room; sequence numbers count every
// record ever logged so readers can tell what they missed.
// Lock order: g_lock is a leaf except for the sink calls made while holding it.
#include "kernel/log/klog.h"

#include <atomic>

#include "kernel/arch/cpu.h"
#include "kernel/arch/time.h"
#include "kernel/lib/format.h"
#include "kernel/lib/ring_buffer.h"
#include "kernel/sync/spinlock.h"

namespace {

struct RecordHeader {
    u64 timestamp_ns;
    u16 text_length;
    u8 level;
    u8 reserved;
};

struct Sink {
    KlogSinkWrite write;
    void* ctx;
};

// "[99999.999999] debug: " plus text and newline.
constexpr usize LINE_PREFIX_SIZE = 40;
constexpr usize LINE_SIZE = LINE_PREFIX_SIZE + KLOG_MAX_TEXT + 1;
constexpr u32 NO_OWNER = ~0u;

// All constant-initialized: the log works before global constructors run.
Spinlock g_lock;
std::atomic<u32> g_lock_owner { NO_OWNER };
RingBuffer<u8, KLOG_RING_SIZE> g_ring;   // Guarded by g_lock.
u64 g_first_sequence { 0 };              // Guarded by g_lock: oldest kept record.
u64 g_next_sequence { 0 };               // Guarded by g_lock.
Sink g_sinks[KLOG_MAX_SINKS];            // Guarded by g_lock.
usize g_sink_count { 0 };                // Guarded by g_lock.
char g_line[LINE_SIZE];                   // Guarded by g_lock: scratch for formatting.
char g_text[KLOG_MAX_TEXT];              // Guarded by g_lock: a record's text.
std::atomic<u8> g_console_level { static_cast<u8>(LogLevel::Info) };

class LogLockGuard {
public:
    LogLockGuard()
    {
        g_lock.lock();
        g_lock_owner.store(arch::current_cpu(), std::memory_order_relaxed);
    }
    ~LogLockGuard()
    {
        g_lock_owner.store(NO_OWNER, std::memory_order_relaxed);
        g_lock.unlock();
    }
    LogLockGuard(LogLockGuard const&) = delete;
    LogLockGuard& operator=(LogLockGuard const&) = delete;
};

bool this_cpu_holds_lock()
{
    return g_lock.is_locked() && g_lock_owner.load(std::memory_order_relaxed) == arch::current_cpu();
}

usize format_line(char* line, u64 timestamp_ns, LogLevel level, char const* text, usize text_length)
{
    u64 seconds = timestamp_ns / 1000000000ull;
    u64 micros = (timestamp_ns % 1000000000ull) / 1000ull;
    usize n = format(line, LINE_SIZE, "[%5llu.%06llu] %s: %.*s\n", static_cast<unsigned long long>(seconds),
        static_cast<unsigned long long>(micros), klog_level_name(level), static_cast<int>(text_length), text);
    return n < LINE_SIZE ? n : LINE_SIZE - 1;
}

// Caller must hold g_lock.
void drop_oldest()
{
    RecordHeader header;
    g_ring.peek(0, reinterpret_cast<u8*>(&header), sizeof(header));
    g_ring.discard(sizeof(header) + header.text_length);
    ++g_first_sequence;
}

// Caller must hold g_lock.
void append_record(u64 timestamp_ns, LogLevel level, char const* text, usize text_length)
{
    RecordHeader header { timestamp_ns, static_cast<u16>(text_length), static_cast<u8>(level), 0 };
    usize needed = sizeof(header) + text_length;
    while (g_ring.free_space() < needed)
        drop_oldest();
    g_ring.write(reinterpret_cast<u8 const*>(&header), sizeof(header));
    g_ring.write(reinterpret_cast<u8 const*>(text), text_length);
    ++g_next_sequence;
}

// Walks records from the oldest; visit(sequence, header, ring offset of text)
// returns false to stop. Caller must hold g_lock (or be panicking).
template<typename Visit>
void for_each_record(Visit visit)
{
    usize offset = 0;
    for (u64 sequence = g_first_sequence; sequence < g_next_sequence; ++sequence) {
        RecordHeader header;
        g_ring.peek(offset, reinterpret_cast<u8*>(&header), sizeof(header));
        if (!visit(sequence, header, offset + sizeof(header)))
            return;
        offset += sizeof(header) + header.text_length;
    }
}

void echo_to_sinks(char const* line, usize length)
{
    if (g_sink_count == 0) {
        arch::debug_write(line, length);
        return;
    }
    for (usize i = 0; i < g_sink_count; ++i)
        g_sinks[i].write(line, length, g_sinks[i].ctx);
}

// Out of line so its line buffer only costs stack on this rare path.
[[gnu::noinline]] void write_unlocked_to_debug(u64 timestamp_ns, LogLevel level, char const* text, usize length)
{
    char line[LINE_SIZE];
    usize n = format_line(line, timestamp_ns, level, text, length);
    arch::debug_write(line, n);
}

} // namespace

char const* klog_level_name(LogLevel level)
{
    switch (level) {
    case LogLevel::Error: return "error";
    case LogLevel::Warn: return "warn";
    case LogLevel::Info: return "info";
    case LogLevel::Debug: return "debug";
    }
    return "?";
}

void vklog(LogLevel level, char const* fmt, va_list args)
{
    u64 now = arch::monotonic_ns();
    char text[KLOG_MAX_TEXT + 1];
    usize length = vformat(text, sizeof(text), fmt, args);
    if (length > KLOG_MAX_TEXT)
        length = KLOG_MAX_TEXT;
    // The line break is the record's boundary; a message's own trailing one is noise.
    while (length > 0 && text[length - 1] == '\n')
        --length;
    bool echo = static_cast<u8>(level) <= g_console_level.load(std::memory_order_relaxed);

    if (this_cpu_holds_lock()) {
        // Logged from inside a sink (or a fault in the log): taking the lock again
        // would deadlock, so this one goes straight to the debug console.
        write_unlocked_to_debug(now, level, text, length);
        return;
    }

    LogLockGuard guard;
    append_record(now, level, text, length);
    if (echo) {
        usize n = format_line(g_line, now, level, text, length);
        echo_to_sinks(g_line, n);
    }
}

void klog(LogLevel level, char const* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vklog(level, fmt, args);
    va_end(args);
}

void klog_set_level(LogLevel level) { g_console_level.store(static_cast<u8>(level), std::memory_order_relaxed); }

LogLevel klog_level() { return static_cast<LogLevel>(g_console_level.load(std::memory_order_relaxed)); }

Result<void> klog_set_level_from_string(StringView text)
{
    text = text.trim_whitespace();
    static constexpr LogLevel levels[] = { LogLevel::Error, LogLevel::Warn, LogLevel::Info, LogLevel::Debug };
    for (LogLevel level : levels) {
        if (text.equals_ignoring_case(klog_level_name(level))) {
            klog_set_level(level);
            return {};
        }
    }
    if (text.equals_ignoring_case("warning"_sv)) {
        klog_set_level(LogLevel::Warn);
        return {};
    }
    auto number = text.to_u64();
    if (number.is_error() || number.value() > static_cast<u64>(LogLevel::Debug))
        return Error::InvalidArgument;
    klog_set_level(static_cast<LogLevel>(number.value()));
    return {};
}

Result<void> klog_add_sink(KlogSinkWrite write, void* ctx)
{
    LogLockGuard guard;
    if (g_sink_count == KLOG_MAX_SINKS)
        return Error::NoSpace;
    g_sinks[g_sink_count++] = Sink { write, ctx };
    return {};
}

void klog_remove_sink(KlogSinkWrite write, void* ctx)
{
    LogLockGuard guard;
    for (usize i = 0; i < g_sink_count; ++i) {
        if (g_sinks[i].write == write && g_sinks[i].ctx == ctx) {
            for (usize j = i; j + 1 < g_sink_count; ++j)
                g_sinks[j] = g_sinks[j + 1];
            --g_sink_count;
            return;
        }
    }
}

usize klog_read(u64& cursor, char* buffer, usize size)
{
    if (size == 0)
        return 0;
    LogLockGuard guard;
    if (cursor < g_first_sequence)
        cursor = g_first_sequence;
    usize written = 0;
    for_each_record([&](u64 sequence, RecordHeader const& header, usize text_offset) {
        if (sequence < cursor)
            return true;
        g_ring.peek(text_offset, reinterpret_cast<u8*>(g_text), header.text_length);
        usize n = format_line(g_line, header.timestamp_ns, static_cast<LogLevel>(header.level), g_text,
            header.text_length);
        if (n > size - written) {
            if (written > 0)
                return false;
            n = size; // A record longer than the whole buffer: cut it, but progress.
        }
        for (usize i = 0; i < n; ++i)
            buffer[written + i] = g_line[i];
        written += n;
        cursor = sequence + 1;
        return written < size;
    });
    return written;
}

u64 klog_next_sequence()
{
    LogLockGuard guard;
    return g_next_sequence;
}

void klog_dump(KlogSinkWrite write, void* ctx)
{
    // At panic time the lock may be held by this CPU (a fault inside the log) or
    // by a CPU that will never release it; then a racy read beats no log at all.
    bool locked = false;
    if (!this_cpu_holds_lock()) {
        for (u32 spins = 0; spins < 1000000 && g_lock.is_locked(); ++spins)
            arch::cpu_relax();
        if (!g_lock.is_locked()) {
            g_lock.lock();
            locked = true;
        }
    }
    char text[KLOG_MAX_TEXT];
    char line[LINE_SIZE];
    for_each_record([&](u64, RecordHeader const& header, usize text_offset) {
        usize text_length = header.text_length < KLOG_MAX_TEXT ? header.text_length : KLOG_MAX_TEXT;
        g_ring.peek(text_offset, reinterpret_cast<u8*>(text), text_length);
        usize n = format_line(line, header.timestamp_ns, static_cast<LogLevel>(header.level), text, text_length);
        write(line, n, ctx);
        return true;
    });
    if (locked)
        g_lock.unlock();
}

void klog_clear()
{
    LogLockGuard guard;
    g_ring.clear();
    g_first_sequence = g_next_sequence;
}
