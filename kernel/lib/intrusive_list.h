// IntrusiveList<T, &T::m_node>: a doubly linked list threaded through a node
// member of each element. Nothing allocates, every operation but iteration is
// O(1), so run queues and wait queues can use it under spinlocks. The list
// never owns its elements; the caller keeps them alive while they are linked.
#pragma once

#include "kernel/lib/types.h"
#include "kernel/panic.h"

// Embedded in an element; an element can be on as many lists as it has nodes,
// but each node is on at most one list at a time. Not thread-safe by itself:
// the lock that guards the list guards its nodes.
class IntrusiveListNode {
public:
    IntrusiveListNode() = default;
    IntrusiveListNode(IntrusiveListNode const&) = delete;
    IntrusiveListNode& operator=(IntrusiveListNode const&) = delete;
    // Destroying a linked element would leave dangling pointers in its list.
    ~IntrusiveListNode() { KASSERT(!is_linked()); }

    bool is_linked() const { return m_list != nullptr; }

private:
    template<typename T, IntrusiveListNode T::*Member>
    friend class IntrusiveList;

    IntrusiveListNode* m_prev { nullptr };
    IntrusiveListNode* m_next { nullptr };
    void const* m_list { nullptr };
};

// Caller must hold whatever lock protects the list for every operation.
template<typename T, IntrusiveListNode T::*Member>
class IntrusiveList {
public:
    IntrusiveList() = default;
    IntrusiveList(IntrusiveList const&) = delete;
    IntrusiveList& operator=(IntrusiveList const&) = delete;
    ~IntrusiveList() { clear(); }

    bool is_empty() const { return m_head == nullptr; }
    usize size() const { return m_size; }

    T* first() const { return m_head ? element_of(m_head) : nullptr; }
    T* last() const { return m_tail ? element_of(m_tail) : nullptr; }
    // The element after/before item on this list, or null at the end.
    T* next(T& item) const
    {
        IntrusiveListNode& node = node_of(item);
        KASSERT(node.m_list == this);
        return node.m_next ? element_of(node.m_next) : nullptr;
    }
    T* prev(T& item) const
    {
        IntrusiveListNode& node = node_of(item);
        KASSERT(node.m_list == this);
        return node.m_prev ? element_of(node.m_prev) : nullptr;
    }

    // item must not be on any list through this node.
    void push_back(T& item) { link_between(node_of(item), m_tail, nullptr); }
    void push_front(T& item) { link_between(node_of(item), nullptr, m_head); }
    // Inserts item just before position (which must be on this list); keeps
    // ordered queues such as timer deadlines sorted.
    void insert_before(T& position, T& item)
    {
        IntrusiveListNode& pos = node_of(position);
        KASSERT(pos.m_list == this);
        link_between(node_of(item), pos.m_prev, &pos);
    }

    // item must be on this list.
    void remove(T& item)
    {
        IntrusiveListNode& node = node_of(item);
        KASSERT(node.m_list == this);
        (node.m_prev ? node.m_prev->m_next : m_head) = node.m_next;
        (node.m_next ? node.m_next->m_prev : m_tail) = node.m_prev;
        node.m_prev = node.m_next = nullptr;
        node.m_list = nullptr;
        --m_size;
    }

    bool contains(T const& item) const { return node_of(const_cast<T&>(item)).m_list == this; }

    T* pop_front()
    {
        T* item = first();
        if (item)
            remove(*item);
        return item;
    }
    T* pop_back()
    {
        T* item = last();
        if (item)
            remove(*item);
        return item;
    }

    // Unlinks every element (they are not destroyed).
    void clear()
    {
        while (pop_front()) { }
    }

    // Iteration must not remove the current element; fetch next() first to do so.
    class Iterator {
    public:
        Iterator(IntrusiveListNode* node)
            : m_node(node)
        {
        }
        T& operator*() const { return *element_of(m_node); }
        T* operator->() const { return element_of(m_node); }
        Iterator& operator++()
        {
            m_node = m_node->m_next;
            return *this;
        }
        bool operator==(Iterator const& other) const { return m_node == other.m_node; }

    private:
        IntrusiveListNode* m_node;
    };
    Iterator begin() const { return Iterator(m_head); }
    Iterator end() const { return Iterator(nullptr); }

private:
    // The Itanium C++ ABI (x86-64 kernel and host alike) represents a data member
    // pointer as the member's byte offset, which turns a node back into its element.
    static usize member_offset()
    {
        static_assert(sizeof(Member) == sizeof(isize));
        return static_cast<usize>(__builtin_bit_cast(isize, Member));
    }
    static T* element_of(IntrusiveListNode* node)
    {
        return reinterpret_cast<T*>(reinterpret_cast<char*>(node) - member_offset());
    }
    static IntrusiveListNode& node_of(T& item) { return item.*Member; }

    void link_between(IntrusiveListNode& node, IntrusiveListNode* prev, IntrusiveListNode* next)
    {
        KASSERT(!node.is_linked());
        node.m_prev = prev;
        node.m_next = next;
        node.m_list = this;
        (prev ? prev->m_next : m_head) = &node;
        (next ? next->m_prev : m_tail) = &node;
        ++m_size;
    }

    IntrusiveListNode* m_head { nullptr };
    IntrusiveListNode* m_tail { nullptr };
    usize m_size { 0 };
};
