// UserStackBuilder: strings are collected in one buffer in the order they are
// added (exec adds argv before envp), then build() lays out the image around them.
#include "kernel/exec/user_stack.h"

namespace {

void put_u64(u8* p, u64 value)
{
    for (int i = 0; i < 8; ++i)
        p[i] = u8(value >> (8 * i));
}

} // namespace

usize UserStackBuilder::used_bytes() const
{
    return m_strings.size() + 8 * (m_argument_offsets.size() + m_environment_offsets.size());
}

Result<void> UserStackBuilder::add_string(StringView s, Vector<usize>& offsets)
{
    if (s.contains('\0'))
        return Error::InvalidArgument;
    if (s.length() > MAX_ARGUMENT_BYTES || used_bytes() + s.length() + 1 + 8 > MAX_ARGUMENT_BYTES)
        return Error::ArgListTooLong;
    usize offset = m_strings.size();
    TRY(offsets.try_reserve(offsets.size() + 1));
    TRY(m_strings.try_append(reinterpret_cast<u8 const*>(s.characters()), s.length()));
    TRY(m_strings.try_append(u8(0)));
    TRY(offsets.try_append(offset));
    return {};
}

Result<void> UserStackBuilder::add_argument(StringView argument)
{
    return add_string(argument, m_argument_offsets);
}

Result<void> UserStackBuilder::add_environment(StringView variable)
{
    return add_string(variable, m_environment_offsets);
}

Result<void> UserStackBuilder::add_aux(u64 type, u64 value)
{
    if (type == AT_NULL || type == AT_RANDOM || m_aux.size() >= MAX_AUX_ENTRIES)
        return Error::InvalidArgument;
    return m_aux.try_append(AuxEntry { type, value });
}

void UserStackBuilder::set_random(u8 const (&bytes)[16])
{
    for (int i = 0; i < 16; ++i)
        m_random[i] = bytes[i];
}

Result<UserStackImage> UserStackBuilder::build() const
{
    if (m_stack_top % 16 != 0 || m_stack_top < MAX_ARGUMENT_BYTES * 2)
        return Error::InvalidArgument;
    usize argc = m_argument_offsets.size();
    usize envc = m_environment_offsets.size();

    // Information block: random bytes, strings, and an 8-byte zero end marker.
    VirtAddr end_marker = m_stack_top - 8;
    VirtAddr strings_at = end_marker - m_strings.size();
    VirtAddr random_at = align_down(strings_at - 16, 16);
    usize pointer_words = 1 + (argc + 1) + (envc + 1) + 2 * (m_aux.size() + 2);
    VirtAddr rsp = align_down(random_at - 8 * pointer_words, 16);

    UserStackImage image { {}, rsp };
    TRY(image.bytes.try_resize(m_stack_top - rsp)); // u8() zero-fills
    u8* base = image.bytes.data();
    auto at = [&](VirtAddr va) { return base + (va - rsp); };

    for (usize i = 0; i < 16; ++i)
        *at(random_at + i) = m_random[i];
    for (usize i = 0; i < m_strings.size(); ++i)
        *at(strings_at + i) = m_strings[i];

    u8* word = base;
    auto push = [&](u64 value) {
        put_u64(word, value);
        word += 8;
    };
    push(argc);
    for (usize offset : m_argument_offsets)
        push(strings_at + offset);
    push(0);
    for (usize offset : m_environment_offsets)
        push(strings_at + offset);
    push(0);
    for (auto const& aux : m_aux) {
        push(aux.type);
        push(aux.value);
    }
    push(AT_RANDOM);
    push(random_at);
    push(AT_NULL);
    push(0);
    return image;
}
