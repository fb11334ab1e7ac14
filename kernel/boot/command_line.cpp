// CommandLine parsing: words are unquoted straight into the fixed text buffer,
// then split at their first '='. Every write is bounded by MAX_TEXT and MAX_OPTIONS.
#include "kernel/boot/command_line.h"

#include "kernel/panic.h"

namespace {

// NUL counts as a separator: fw_cfg strings and loader buffers may carry one.
bool is_separator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0'; }

} // namespace

void CommandLine::append(StringView more)
{
    usize i = 0;
    usize length = more.length();
    while (i < length) {
        if (is_separator(more[i])) {
            ++i;
            continue;
        }
        usize start = m_text_used;
        bool in_quote = false;
        bool overflow = false;
        for (; i < length; ++i) {
            char c = more[i];
            if (c == '"') {
                in_quote = !in_quote;
                continue;
            }
            if (!in_quote && is_separator(c))
                break;
            if (m_text_used < MAX_TEXT)
                m_text[m_text_used++] = c;
            else
                overflow = true;
        }
        if (overflow) {
            m_text_used = start;
            ++m_ignored;
            continue;
        }
        add_word(start);
    }
}

void CommandLine::add_word(usize start)
{
    StringView word(m_text + start, m_text_used - start);
    if (word.is_empty())
        return; // `""`: nothing to record
    Entry entry {};
    entry.key_offset = u16(start);
    auto equals = word.find('=');
    if (equals.has_value()) {
        entry.key_length = u16(*equals);
        entry.value_offset = u16(start + *equals + 1);
        entry.value_length = u16(word.length() - *equals - 1);
        entry.has_value = true;
    } else {
        entry.key_length = u16(word.length());
        entry.value_offset = u16(m_text_used);
        entry.value_length = 0;
        entry.has_value = false;
    }
    if (entry.key_length == 0) {
        m_text_used = start;
        ++m_ignored;
        return;
    }
    // Later words override earlier ones in place, so duplicates cost no option slot.
    if (Entry const* existing = find(text(entry.key_offset, entry.key_length))) {
        m_entries[existing - m_entries] = entry;
        return;
    }
    if (m_option_count == MAX_OPTIONS) {
        m_text_used = start;
        ++m_ignored;
        return;
    }
    m_entries[m_option_count++] = entry;
}

CommandLine::Entry const* CommandLine::find(StringView key) const
{
    for (usize i = 0; i < m_option_count; ++i) {
        if (text(m_entries[i].key_offset, m_entries[i].key_length) == key)
            return &m_entries[i];
    }
    return nullptr;
}

bool CommandLine::has(StringView key) const { return find(key) != nullptr; }

StringView CommandLine::get(StringView key) const
{
    Entry const* entry = find(key);
    if (!entry)
        return {};
    return text(entry->value_offset, entry->value_length);
}

Result<u64> CommandLine::get_u64(StringView key) const
{
    Entry const* entry = find(key);
    if (!entry)
        return Error::NoEntry;
    StringView value = text(entry->value_offset, entry->value_length);
    // Base 16 only with an explicit 0x (to_u64(16) strips it): a leading zero is
    // not octal on a command line.
    if (value.length() > 2 && value[0] == '0' && (value[1] == 'x' || value[1] == 'X'))
        return value.to_u64(16);
    return value.to_u64(10);
}

CommandLine::Option CommandLine::option(usize index) const
{
    KASSERT(index < m_option_count);
    Entry const& entry = m_entries[index];
    return { text(entry.key_offset, entry.key_length), text(entry.value_offset, entry.value_length),
        entry.has_value };
}
