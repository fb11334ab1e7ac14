// CommandLine: the kernel's options, parsed from GRUB's line plus whatever the
// kernel appends (QEMU fw_cfg `opt/unum/cmdline`). Fixed capacity and no
// allocation, so it works before the heap; excess options are dropped and counted.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

// Syntax: whitespace-separated words, each `key`, `key=value` or with double quotes
// anywhere to keep spaces (`key="a b"`, `"key=a b"`); the quotes are removed. An
// unterminated quote runs to the end of the text. The first '=' splits key from
// value. A later key overrides an earlier one. Keys are case-sensitive.
// Not synchronised: built during single-threaded boot, read-only afterwards.
class CommandLine {
public:
    static constexpr usize MAX_OPTIONS = 64;
    // Bytes kept for all keys and values together (quotes and separators excluded).
    static constexpr usize MAX_TEXT = 2048;

    struct Option {
        StringView key;
        StringView value;
        bool has_value; // `key=` has an empty value; a bare `key` has none
    };

    CommandLine() = default;
    explicit CommandLine(StringView text) { append(text); }

    // Parses more options; a word that does not fit (too many options, or too
    // little text space) is dropped whole and counted in ignored_count().
    void append(StringView more);

    bool has(StringView key) const;
    // The value of key, or empty when absent or given without a value.
    StringView get(StringView key) const;
    // The value as a number: decimal, or hex with 0x. NoEntry when absent,
    // InvalidArgument when it has no value or is not a number, Overflow past u64.
    Result<u64> get_u64(StringView key) const;

    usize option_count() const { return m_option_count; }
    Option option(usize index) const;
    usize ignored_count() const { return m_ignored; }

private:
    // Offsets, not pointers, so a copied CommandLine still points at its own text.
    struct Entry {
        u16 key_offset;
        u16 key_length;
        u16 value_offset;
        u16 value_length;
        bool has_value;
    };

    Entry const* find(StringView key) const;
    StringView text(u16 offset, u16 length) const { return { m_text + offset, length }; }
    void add_word(usize start);

    char m_text[MAX_TEXT] {};
    usize m_text_used { 0 };
    Entry m_entries[MAX_OPTIONS] {};
    usize m_option_count { 0 };
    usize m_ignored { 0 };
};
