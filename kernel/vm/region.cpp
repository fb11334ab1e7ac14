// Region helpers: names of region kinds for /proc maps and logs.
#include "kernel/vm/region.h"

char const* region_kind_name(RegionKind kind)
{
    switch (kind) {
    case RegionKind::Anonymous:
        return "anon";
    case RegionKind::ElfImage:
        return "image";
    case RegionKind::Stack:
        return "stack";
    case RegionKind::StackGuard:
        return "guard";
    case RegionKind::Heap:
        return "heap";
    }
    return "?";
}
