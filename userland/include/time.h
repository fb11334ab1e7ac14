/* newlib's <time.h> plus CLOCK_MONOTONIC, which the Unum kernel provides (newlib
   names it only when the target defines _POSIX_MONOTONIC_CLOCK). */
#ifndef _UNUM_TIME_H_WRAPPER
#define _UNUM_TIME_H_WRAPPER

#include_next <time.h>

#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC ((clockid_t)4) /* UNUM_CLOCK_MONOTONIC */
#endif

#endif
