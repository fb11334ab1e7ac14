// Tests of IntrusiveList: ordering, O(1) removal from anywhere, multiple lists.
#include <catch2/catch.hpp>

#include "kernel/lib/intrusive_list.h"
#include <vector>

namespace {

struct Item {
    explicit Item(int v)
        : value(v)
    {
    }
    int value;
    IntrusiveListNode m_run_node;
    IntrusiveListNode m_all_node;
};

using RunList = IntrusiveList<Item, &Item::m_run_node>;
using AllList = IntrusiveList<Item, &Item::m_all_node>;

std::vector<int> values_of(RunList const& list)
{
    std::vector<int> out;
    for (Item& item : list)
        out.push_back(item.value);
    return out;
}

} // namespace

TEST_CASE("push_back and push_front order", "[intrusive_list]")
{
    Item a(1), b(2), c(3);
    RunList list;
    CHECK(list.is_empty());
    CHECK(list.first() == nullptr);
    list.push_back(b);
    list.push_back(c);
    list.push_front(a);
    CHECK(values_of(list) == std::vector<int> { 1, 2, 3 });
    CHECK(list.size() == 3);
    CHECK(list.first() == &a);
    CHECK(list.last() == &c);
    CHECK(list.next(a) == &b);
    CHECK(list.prev(a) == nullptr);
    CHECK(list.next(c) == nullptr);
    list.clear();
    CHECK(!a.m_run_node.is_linked());
}

TEST_CASE("remove from middle, head and tail", "[intrusive_list]")
{
    Item a(1), b(2), c(3), d(4);
    RunList list;
    for (Item* item : { &a, &b, &c, &d })
        list.push_back(*item);
    list.remove(b);
    CHECK(!b.m_run_node.is_linked());
    CHECK(values_of(list) == std::vector<int> { 1, 3, 4 });
    list.remove(a);
    CHECK(values_of(list) == std::vector<int> { 3, 4 });
    CHECK(list.first() == &c);
    list.remove(d);
    CHECK(values_of(list) == std::vector<int> { 3 });
    CHECK(list.last() == &c);
    CHECK(list.prev(c) == nullptr);
    list.remove(c);
    CHECK(list.is_empty());
    CHECK(list.size() == 0);
    CHECK(list.last() == nullptr);
    // A removed element can go back on.
    list.push_back(b);
    CHECK(values_of(list) == std::vector<int> { 2 });
    list.clear();
}

TEST_CASE("pop_front and pop_back", "[intrusive_list]")
{
    Item a(1), b(2), c(3);
    RunList list;
    CHECK(list.pop_front() == nullptr);
    list.push_back(a);
    list.push_back(b);
    list.push_back(c);
    CHECK(list.pop_front() == &a);
    CHECK(list.pop_back() == &c);
    CHECK(list.pop_front() == &b);
    CHECK(list.pop_front() == nullptr);
    CHECK(!a.m_run_node.is_linked());
}

TEST_CASE("insert_before keeps a sorted queue", "[intrusive_list]")
{
    Item a(10), b(20), c(30), x(15), first(5), last(40);
    RunList list;
    list.push_back(a);
    list.push_back(b);
    list.push_back(c);
    auto insert_sorted = [&](Item& item) {
        for (Item& existing : list) {
            if (existing.value > item.value) {
                list.insert_before(existing, item);
                return;
            }
        }
        list.push_back(item);
    };
    insert_sorted(x);
    insert_sorted(first);
    insert_sorted(last);
    CHECK(values_of(list) == std::vector<int> { 5, 10, 15, 20, 30, 40 });
    CHECK(list.size() == 6);
    CHECK(list.first() == &first);
    list.clear();
}

TEST_CASE("an element on two lists through two nodes", "[intrusive_list]")
{
    Item a(1), b(2);
    RunList run;
    AllList all;
    all.push_back(a);
    all.push_back(b);
    run.push_back(b);
    CHECK(run.contains(b));
    CHECK(!run.contains(a));
    CHECK(all.contains(a));
    run.remove(b);
    CHECK(all.size() == 2);
    CHECK(all.last() == &b);
    all.clear();
}

TEST_CASE("removing while walking by fetching next first", "[intrusive_list]")
{
    Item items[] = { Item(1), Item(2), Item(3), Item(4), Item(5), Item(6) };
    RunList list;
    for (Item& item : items)
        list.push_back(item);
    for (Item* item = list.first(); item;) {
        Item* next = list.next(*item);
        if (item->value % 2 == 0)
            list.remove(*item);
        item = next;
    }
    CHECK(values_of(list) == std::vector<int> { 1, 3, 5 });
    list.clear();
}

TEST_CASE("list destructor unlinks its elements", "[intrusive_list]")
{
    Item a(1);
    {
        RunList list;
        list.push_back(a);
    }
    CHECK(!a.m_run_node.is_linked());
}
