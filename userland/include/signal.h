/* newlib's <signal.h> plus the sa_flags the Unum kernel implements (newlib's
   generic signal.h names only SA_NOCLDSTOP). */
#ifndef _UNUM_SIGNAL_H_WRAPPER
#define _UNUM_SIGNAL_H_WRAPPER

#include_next <signal.h>
#include "unum_signal.h"

#ifndef SA_RESTART
#define SA_RESTART UNUM_SA_RESTART
#endif
#ifndef SA_NODEFER
#define SA_NODEFER UNUM_SA_NODEFER
#endif
#ifndef SA_RESETHAND
#define SA_RESETHAND UNUM_SA_RESETHAND
#endif

#endif
