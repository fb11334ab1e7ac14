/* cp SRC DST, cp SRC... DIR: copy regular files; a directory destination
   receives each source under its own name. */
#include <stdio.h>
#include <sys/stat.h>

#include "util.h"

static int copy(const char* src, const char* dst) { return util_copy_file("cp", src, dst); }

int main(int argc, char** argv) { return util_run_to_destination("cp", argc, argv, copy); }
