# User programs, newlib glue and the initrd. Included by the top-level Makefile
# (uses its BUILD and PYTHON). `make userland` builds every userland/bin/<name>/*.c
# into $(BUILD)/userland/bin/<name>; $(BUILD)/initrd.cpio packs them with
# userland/initrd.txt. newlib comes from `make deps` (third_party/newlib).

UL_NEWLIB := third_party/newlib/x86_64-elf
UL_NEWLIB_STAMP := third_party/newlib/.stamp
UL_GCC_INCLUDE := $(shell gcc -print-file-name=include)
UL_LIBGCC := $(shell gcc -print-libgcc-file-name)

# Hosted C against newlib: our headers first (they wrap or fill in newlib's),
# then newlib's, then gcc's own (stddef.h, stdarg.h). SSE is fine in user mode.
UL_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter \
	-nostdinc -isystem userland/include -isystem $(UL_NEWLIB)/include -isystem $(UL_GCC_INCLUDE) \
	-Ikernel/abi -Iuserland/lib -fno-pie -fno-pic -fno-stack-protector \
	-fno-omit-frame-pointer -ffunction-sections -fdata-sections -MMD -MP
# Static, non-PIE, linked at 0x400000, 4 KiB pages, no build-id note.
UL_LDFLAGS := -static -nostdlib -no-pie -e _start -z max-page-size=0x1000 -z noexecstack \
	-z norelro --build-id=none --gc-sections -Ttext-segment=0x400000
UL_LIBS := --start-group $(UL_NEWLIB)/lib/libc.a $(UL_NEWLIB)/lib/libm.a $(UL_LIBGCC) --end-group

UL_LIB_SRCS := $(sort $(wildcard userland/lib/*.c userland/lib/*.S))
UL_LIB_OBJS := $(patsubst userland/lib/%,$(BUILD)/userland/obj/lib/%.o,$(filter-out %/abi_check.c,$(UL_LIB_SRCS)))
UL_ABI_CHECK := $(BUILD)/userland/obj/lib/abi_check.c.o
UL_CRT0 := $(BUILD)/userland/obj/lib/crt0.S.o
UL_PROGRAMS := $(sort $(notdir $(patsubst %/,%,$(dir $(wildcard userland/bin/*/*.c)))))
UL_BINS := $(addprefix $(BUILD)/userland/bin/,$(UL_PROGRAMS))
UL_PROG_OBJS := $(patsubst userland/%,$(BUILD)/userland/obj/%.o,$(wildcard userland/bin/*/*.c))

# Keep the objects: make would otherwise delete them as intermediates.
.SECONDARY: $(UL_LIB_OBJS) $(UL_ABI_CHECK) $(UL_PROG_OBJS)

.PHONY: userland
userland: $(UL_BINS) $(BUILD)/initrd.cpio

$(UL_NEWLIB_STAMP):
	@echo "newlib is not built: run 'make deps' first" >&2; exit 1

$(BUILD)/userland/obj/%.c.o: userland/%.c $(UL_NEWLIB_STAMP)
	@mkdir -p $(dir $@)
	@echo "  UCC     $<"
	@$(CC) $(UL_CFLAGS) -c $< -o $@

$(BUILD)/userland/obj/%.S.o: userland/%.S
	@mkdir -p $(dir $@)
	@echo "  UAS     $<"
	@$(CC) -Ikernel/abi -g -MMD -MP -c $< -o $@

# Each program: its objects, then crt0 and the glue (objects, so they take
# precedence over newlib's signal/raise), then newlib, libm and libgcc.
define UL_PROGRAM_RULE
$(BUILD)/userland/bin/$(1): $(patsubst userland/%,$(BUILD)/userland/obj/%.o,$(wildcard userland/bin/$(1)/*.c)) \
		$(UL_LIB_OBJS) $(UL_ABI_CHECK)
	@mkdir -p $$(dir $$@)
	@echo "  ULD     $$@"
	@$(LD) $(UL_LDFLAGS) -o $$@ $(UL_CRT0) $$(filter-out $(UL_CRT0) $(UL_ABI_CHECK),$$^) $(UL_LIBS)
endef
$(foreach p,$(UL_PROGRAMS),$(eval $(call UL_PROGRAM_RULE,$(p))))

# The initrd holds stripped copies (the unstripped ones keep symbols for gdb).
UL_STRIPPED := $(addprefix $(BUILD)/userland/initrd-bin/,$(UL_PROGRAMS))
$(BUILD)/userland/initrd-bin/%: $(BUILD)/userland/bin/%
	@mkdir -p $(dir $@)
	@strip -o $@ $<

$(BUILD)/initrd.cpio: $(UL_STRIPPED) userland/initrd.txt $(wildcard userland/etc/*) tools/mkinitrd.py
	@echo "  CPIO    $@"
	@$(PYTHON) tools/mkinitrd.py -o $@ --manifest userland/initrd.txt --bin-dir $(BUILD)/userland/initrd-bin
