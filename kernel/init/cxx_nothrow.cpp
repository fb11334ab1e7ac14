// The definition of std::nothrow, which libstdc++'s runtime would normally supply:
// `new (std::nothrow) T` is how the kernel allocates.
#include <new>

namespace std {
nothrow_t const nothrow {};
}
