// HashMap<K, V>: open addressing with linear probing and backward-shift
// deletion (no tombstones, so lookups stay short after many removals). Growth
// is fallible (Result). Keys are compared with ==; a StringView key does not own
// its characters. Not thread-safe; never insert under a spinlock.
#pragma once

#include <new>
#include <optional>
#include <utility>

#include "kernel/lib/hash.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

template<typename K, typename V, typename H = Hash<K>>
class HashMap {
public:
    struct Entry {
        K key; // Do not modify through iteration: the entry's slot depends on it.
        V value;
    };

    HashMap() = default;
    HashMap(HashMap const&) = delete;
    HashMap& operator=(HashMap const&) = delete;
    HashMap(HashMap&& other)
        : m_buckets(std::exchange(other.m_buckets, nullptr))
        , m_capacity(std::exchange(other.m_capacity, 0))
        , m_size(std::exchange(other.m_size, 0))
    {
    }
    HashMap& operator=(HashMap&& other)
    {
        if (this != &other) {
            release_storage();
            m_buckets = std::exchange(other.m_buckets, nullptr);
            m_capacity = std::exchange(other.m_capacity, 0);
            m_size = std::exchange(other.m_size, 0);
        }
        return *this;
    }
    ~HashMap() { release_storage(); }

    usize size() const { return m_size; }
    bool is_empty() const { return m_size == 0; }
    usize capacity() const { return m_capacity; }

    // Inserts key, or replaces the value if key is present.
    Result<void> try_set(K key, V value)
    {
        if (Entry* existing = find_entry(key)) {
            existing->value = std::move(value);
            return {};
        }
        TRY(try_ensure_capacity(m_size + 1));
        insert_new(std::move(key), std::move(value));
        return {};
    }

    // Sizes the table so count entries fit without another allocation.
    Result<void> try_ensure_capacity(usize count)
    {
        if (count * 4 <= m_capacity * 3)
            return {};
        usize capacity = m_capacity ? m_capacity : 8;
        while (count * 4 > capacity * 3) {
            if (capacity > usize(-1) / (2 * sizeof(Bucket)))
                return Error::NoMemory;
            capacity *= 2;
        }
        return rehash(capacity);
    }

    V* get(K const& key)
    {
        Entry* entry = find_entry(key);
        return entry ? &entry->value : nullptr;
    }
    V const* get(K const& key) const { return const_cast<HashMap*>(this)->get(key); }
    bool contains(K const& key) const { return get(key) != nullptr; }

    bool remove(K const& key)
    {
        Entry* entry = find_entry(key);
        if (!entry)
            return false;
        remove_at(bucket_index_of(entry));
        return true;
    }

    // Removes key and hands back its value.
    std::optional<V> take(K const& key)
    {
        Entry* entry = find_entry(key);
        if (!entry)
            return std::nullopt;
        std::optional<V> value(std::move(entry->value));
        remove_at(bucket_index_of(entry));
        return value;
    }

    // Removes every entry for which predicate(entry) is true; the safe way to
    // remove while walking the table.
    template<typename Predicate>
    usize remove_all_matching(Predicate predicate)
    {
        usize removed = 0;
        for (usize i = 0; i < m_capacity;) {
            if (m_buckets[i].used && predicate(*m_buckets[i].entry())) {
                remove_at(i);
                ++removed;
                continue; // Backward shift may have moved another entry into i.
            }
            ++i;
        }
        return removed;
    }

    void clear()
    {
        for (usize i = 0; i < m_capacity; ++i) {
            if (m_buckets[i].used) {
                m_buckets[i].entry()->~Entry();
                m_buckets[i].used = false;
            }
        }
        m_size = 0;
    }

    // Iteration yields Entry&; the map must not change while iterating.
    template<typename EntryType, typename Map>
    class IteratorBase {
    public:
        IteratorBase(Map* map, usize index)
            : m_map(map)
            , m_index(index)
        {
            skip_unused();
        }
        EntryType& operator*() const { return *m_map->m_buckets[m_index].entry(); }
        EntryType* operator->() const { return m_map->m_buckets[m_index].entry(); }
        IteratorBase& operator++()
        {
            ++m_index;
            skip_unused();
            return *this;
        }
        bool operator==(IteratorBase const& other) const { return m_index == other.m_index; }

    private:
        void skip_unused()
        {
            while (m_index < m_map->m_capacity && !m_map->m_buckets[m_index].used)
                ++m_index;
        }
        Map* m_map;
        usize m_index;
    };
    using Iterator = IteratorBase<Entry, HashMap>;
    using ConstIterator = IteratorBase<Entry const, HashMap const>;
    Iterator begin() { return Iterator(this, 0); }
    Iterator end() { return Iterator(this, m_capacity); }
    ConstIterator begin() const { return ConstIterator(this, 0); }
    ConstIterator end() const { return ConstIterator(this, m_capacity); }

private:
    struct Bucket {
        alignas(Entry) unsigned char storage[sizeof(Entry)];
        bool used;
        Entry* entry() { return std::launder(reinterpret_cast<Entry*>(storage)); }
        Entry const* entry() const { return std::launder(reinterpret_cast<Entry const*>(storage)); }
    };

    usize home_of(K const& key) const { return usize(H {}(key)) & (m_capacity - 1); }

    usize bucket_index_of(Entry* entry) const
    {
        return usize(reinterpret_cast<Bucket*>(reinterpret_cast<unsigned char*>(entry) - offsetof(Bucket, storage))
            - m_buckets);
    }

    Entry* find_entry(K const& key)
    {
        if (m_size == 0)
            return nullptr;
        for (usize i = home_of(key);; i = (i + 1) & (m_capacity - 1)) {
            if (!m_buckets[i].used)
                return nullptr;
            if (m_buckets[i].entry()->key == key)
                return m_buckets[i].entry();
        }
    }

    // Caller ensured there is room and that key is absent.
    void insert_new(K&& key, V&& value)
    {
        usize i = home_of(key);
        while (m_buckets[i].used)
            i = (i + 1) & (m_capacity - 1);
        new (m_buckets[i].storage) Entry { std::move(key), std::move(value) };
        m_buckets[i].used = true;
        ++m_size;
    }

    // Backward-shift deletion: pull later members of the probe run into the hole
    // whenever their home slot does not lie cyclically between hole and them.
    void remove_at(usize hole)
    {
        m_buckets[hole].entry()->~Entry();
        m_buckets[hole].used = false;
        --m_size;
        usize mask = m_capacity - 1;
        for (usize j = (hole + 1) & mask; m_buckets[j].used; j = (j + 1) & mask) {
            usize home = home_of(m_buckets[j].entry()->key);
            // Distance from home to j versus from hole to j, both cyclic.
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                new (m_buckets[hole].storage) Entry(std::move(*m_buckets[j].entry()));
                m_buckets[hole].used = true;
                m_buckets[j].entry()->~Entry();
                m_buckets[j].used = false;
                hole = j;
            }
        }
    }

    Result<void> rehash(usize capacity)
    {
        auto* fresh = static_cast<Bucket*>(::operator new(capacity * sizeof(Bucket), std::nothrow));
        if (!fresh)
            return Error::NoMemory;
        for (usize i = 0; i < capacity; ++i)
            fresh[i].used = false;
        Bucket* old = std::exchange(m_buckets, fresh);
        usize old_capacity = std::exchange(m_capacity, capacity);
        m_size = 0;
        for (usize i = 0; i < old_capacity; ++i) {
            if (old[i].used) {
                Entry* entry = old[i].entry();
                insert_new(std::move(entry->key), std::move(entry->value));
                entry->~Entry();
            }
        }
        ::operator delete(old);
        return {};
    }

    void release_storage()
    {
        clear();
        ::operator delete(m_buckets);
        m_buckets = nullptr;
        m_capacity = 0;
    }

    Bucket* m_buckets { nullptr };
    usize m_capacity { 0 };
    usize m_size { 0 };
};
