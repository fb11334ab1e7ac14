# Unum top-level build. `make` builds the kernel, initrd, ISO; `make test` runs every
# test and ends with "N passed, N failed". BUILD=dir lets several builders share a tree.

BUILD ?= build
NODES ?= 3
JOBS ?= $(shell nproc)
VERSION := 0.1
GIT_REV := $(shell git rev-parse --short HEAD 2>/dev/null || echo dev)

CXX := g++
CC := gcc
LD := ld
HOST_CXX := g++
FUZZ_CXX := clang++
PYTHON := /usr/bin/python3

# ---------------------------------------------------------------- kernel
KERNEL_CXXFLAGS := -std=c++20 -ffreestanding -fno-exceptions -fno-rtti -mno-red-zone \
	-mcmodel=kernel -mno-sse -mno-sse2 -mno-mmx -mno-80387 -fno-pic -fno-pie \
	-fno-stack-protector -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer -fno-threadsafe-statics \
	-fno-use-cxa-atexit -fno-asynchronous-unwind-tables -nostdlib \
	-O2 -g -Wall -Wextra -Werror=return-type -Wno-missing-field-initializers \
	-I. -Iarch/x86/include -DUNUM_VERSION='"$(VERSION)"' -DUNUM_BUILD='"$(GIT_REV)"' -MMD -MP
KERNEL_ASFLAGS := -I. -Iarch/x86/include -g -MMD -MP

# Portable sources compile for both the kernel and the host.
PORTABLE_DIRS := kernel fs net
# Kernel-only code lives in kernel/init/ and in any folder named freestanding/ (kernel, fs, net).
find_cpp = $(shell find $(1) -name '*.cpp' 2>/dev/null | sort)
KERNEL_ONLY_SRCS := $(call find_cpp,kernel/init) $(shell find kernel fs net -path '*/freestanding/*.cpp' | sort)
# The lwIP glue (net/lwip_port/, outside freestanding/) is portable too, but it
# needs lwIP: the host tests link it with lwIP built for the host (below).
LWIP_GLUE_SRCS := $(filter-out $(KERNEL_ONLY_SRCS),$(call find_cpp,net/lwip_port))
PORTABLE_SRCS := $(filter-out $(KERNEL_ONLY_SRCS) $(LWIP_GLUE_SRCS),$(call find_cpp,$(PORTABLE_DIRS)))
ARCH_SRCS := $(call find_cpp,arch/x86) $(shell find arch/x86 -name '*.S' | sort)
KERNEL_SRCS := $(PORTABLE_SRCS) $(LWIP_GLUE_SRCS) $(KERNEL_ONLY_SRCS) $(ARCH_SRCS)
KERNEL_OBJS := $(patsubst %,$(BUILD)/kernel/%.o,$(KERNEL_SRCS))

# ---------------------------------------------------------------- lwIP (the kernel's TCP/IP)
# lwIP 2.1.3 is built from third_party/lwip (fetched by `make deps`, never copied in)
# as freestanding kernel C, with the port in net/lwip_port/ (lwipopts.h, cc.h,
# sys_arch) and a few libc headers of its own for the C compile only. Every kernel
# C++ file sees the lwIP headers; host tests and fuzz targets do not.
LWIP_DIR := third_party/lwip/src
LWIP_INCLUDES := -Inet/lwip_port/include -I$(LWIP_DIR)/include
KERNEL_CXXFLAGS += $(LWIP_INCLUDES)
LWIP_CFLAGS := -std=gnu11 -ffreestanding -nostdlib -mno-red-zone -mcmodel=kernel -mno-sse -mno-sse2 \
	-mno-mmx -mno-80387 -fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -fno-strict-aliasing -O2 -g -Wall -Wno-address \
	-I. -Inet/lwip_port/include/libc $(LWIP_INCLUDES) -MMD -MP
LWIP_SRCS := $(addprefix $(LWIP_DIR)/core/,def.c inet_chksum.c init.c ip.c mem.c memp.c netif.c \
	pbuf.c raw.c stats.c sys.c tcp.c tcp_in.c tcp_out.c timeouts.c udp.c) \
	$(addprefix $(LWIP_DIR)/core/ipv4/,autoip.c dhcp.c etharp.c icmp.c igmp.c ip4.c ip4_addr.c ip4_frag.c) \
	$(addprefix $(LWIP_DIR)/api/,api_lib.c api_msg.c err.c if_api.c netbuf.c tcpip.c) \
	$(LWIP_DIR)/netif/ethernet.c $(LWIP_DIR)/apps/lwiperf/lwiperf.c
LWIP_OBJS := $(patsubst %,$(BUILD)/kernel/%.o,$(LWIP_SRCS))

$(BUILD)/kernel/$(LWIP_DIR)/%.c.o: $(LWIP_DIR)/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(LWIP_CFLAGS) -c $< -o $@

# Without lwIP no kernel object builds: say what to do instead of a missing header.
LWIP_MISSING = @echo "error: lwIP is missing ($(LWIP_DIR)); run 'make deps' first" >&2; exit 1
$(LWIP_DIR)/include/lwip/opt.h:
	$(LWIP_MISSING)
$(LWIP_DIR)/%.c:
	$(LWIP_MISSING)
$(KERNEL_OBJS) $(LWIP_OBJS): | $(LWIP_DIR)/include/lwip/opt.h
KERNEL_OBJS += $(LWIP_OBJS)
include tests/lwip_host/lwip_host.mk

FONT_PSF := /usr/share/consolefonts/Lat15-Terminus16.psf.gz

.PHONY: all iso netboot run test bench debug deps clean host-tests fuzz system-tests selftest
all: $(BUILD)/unum.iso netboot

deps:
	@tools/deps.sh

$(BUILD)/kernel/%.cpp.o: %.cpp
	@mkdir -p $(dir $@)
	@echo "  CXX     $<"
	@$(CXX) $(KERNEL_CXXFLAGS) -c $< -o $@

$(BUILD)/kernel/%.S.o: %.S $(BUILD)/font.psf
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(KERNEL_ASFLAGS) -DFONT_PATH='"$(BUILD)/font.psf"' -c $< -o $@

$(BUILD)/font.psf: $(FONT_PSF)
	@mkdir -p $(dir $@)
	gunzip -c $< > $@

# Two-pass link: the first pass finds the symbols, the second embeds them (.ksyms
# sits last in the image so embedding it moves no other symbol).
$(BUILD)/unum.elf: $(KERNEL_OBJS) linker.ld tools/gen_ksyms.py
	@$(PYTHON) tools/gen_ksyms.py --empty > $(BUILD)/ksyms0.S
	@$(CC) -c $(BUILD)/ksyms0.S -o $(BUILD)/ksyms0.o
	@echo "  LD      $@"
	@$(LD) -n -nostdlib -z max-page-size=0x1000 -T linker.ld -o $(BUILD)/unum.pass1.elf $(KERNEL_OBJS) $(BUILD)/ksyms0.o
	@nm -n -C --defined-only $(BUILD)/unum.pass1.elf | $(PYTHON) tools/gen_ksyms.py > $(BUILD)/ksyms.S
	@$(CC) -c $(BUILD)/ksyms.S -o $(BUILD)/ksyms.o
	@echo "  LD      $@"
	@$(LD) -n -nostdlib -z max-page-size=0x1000 -T linker.ld -o $@ $(KERNEL_OBJS) $(BUILD)/ksyms.o
	@nm -n $(BUILD)/unum.pass1.elf | grep -v -e ksym -e __kernel_end > $(BUILD)/syms1.txt; nm -n $@ | grep -v -e ksym -e __kernel_end > $(BUILD)/syms2.txt; \
	  cmp -s $(BUILD)/syms1.txt $(BUILD)/syms2.txt || { echo "ksyms moved symbols"; rm -f $@; exit 1; }

$(BUILD)/iso/boot/grub/grub.cfg: boot/grub.cfg
	@mkdir -p $(dir $@)
	cp $< $@

# The ISO carries the netboot tree as one more module (/boot/netboot.cpio, unpacked
# by the kernel into /boot/net), so a node booted from it can boot the others.
$(BUILD)/unum.iso: $(BUILD)/unum.elf $(BUILD)/iso/boot/grub/grub.cfg $(BUILD)/initrd.cpio $(BUILD)/netboot.cpio
	cp $(BUILD)/unum.elf $(BUILD)/iso/boot/unum.elf
	cp $(BUILD)/initrd.cpio $(BUILD)/iso/boot/initrd.cpio
	cp $(BUILD)/netboot.cpio $(BUILD)/iso/boot/netboot.cpio
	@grub-mkrescue -o $@ $(BUILD)/iso 2>$(BUILD)/grub-mkrescue.log || { cat $(BUILD)/grub-mkrescue.log; exit 1; }
iso: $(BUILD)/unum.iso

# ---------------------------------------------------------------- netboot tree (issue 6)
# $(BUILD)/netboot/ is a TFTP root (docs/netboot.md): GRUB's network images from
# grub-mknetdir (boot/grub/i386-pc/core.0 for PXE BIOS, boot/grub/x86_64-efi/core.efi
# for UEFI) with only the modules boot/netboot-grub.cfg needs, that file as
# boot/grub/grub.cfg, and the kernel (debug info stripped: 12x less to send; gdb uses
# $(BUILD)/unum.elf) and initrd. $(BUILD)/netboot.cpio packs the tree for the ISO.
NETBOOT := $(BUILD)/netboot
NETBOOT_GRUB_PLATFORMS := i386-pc x86_64-efi
NETBOOT_GRUB_MODULES := normal configfile multiboot2 test echo all_video gzio
NETBOOT_GRUB_ARGS := --fonts= --locales= --themes= --install-modules="$(NETBOOT_GRUB_MODULES)"
NETBOOT_FILES := $(NETBOOT)/boot/grub/grub.cfg $(NETBOOT)/boot/unum.elf $(NETBOOT)/boot/initrd.cpio

# Rewritten only when the grub-mknetdir options change, so a change reruns it.
$(BUILD)/netboot-grub.args: FORCE
	@mkdir -p $(dir $@)
	@echo '$(NETBOOT_GRUB_ARGS)' | cmp -s - $@ || echo '$(NETBOOT_GRUB_ARGS)' > $@
FORCE:

$(BUILD)/netboot-grub.stamp: $(BUILD)/netboot-grub.args $(foreach p,$(NETBOOT_GRUB_PLATFORMS),/usr/lib/grub/$(p)/moddep.lst)
	@echo "  MKNET   $(NETBOOT)/boot/grub"
	@rm -rf $(NETBOOT)/boot/grub/i386-pc $(NETBOOT)/boot/grub/x86_64-efi
	@mkdir -p $(NETBOOT)
	@for p in $(NETBOOT_GRUB_PLATFORMS); do \
	  grub-mknetdir --net-directory=$(NETBOOT) --subdir=boot/grub -d /usr/lib/grub/$$p $(NETBOOT_GRUB_ARGS) \
	    >$(BUILD)/grub-mknetdir.log 2>&1 || { cat $(BUILD)/grub-mknetdir.log; exit 1; }; done
	@touch $@

/usr/lib/grub/%/moddep.lst:
	@echo "error: GRUB's $* modules are missing (/usr/lib/grub/$*); run 'make deps' first" >&2; exit 1

$(NETBOOT)/boot/grub/grub.cfg: boot/netboot-grub.cfg $(BUILD)/netboot-grub.stamp
	@mkdir -p $(dir $@)
	cp $< $@

$(NETBOOT)/boot/unum.elf: $(BUILD)/unum.elf
	@mkdir -p $(dir $@)
	@echo "  STRIP   $@"
	@objcopy --strip-debug $< $@

$(NETBOOT)/boot/initrd.cpio: $(BUILD)/initrd.cpio
	@mkdir -p $(dir $@)
	cp $< $@

$(BUILD)/netboot.cpio: $(BUILD)/netboot-grub.stamp $(NETBOOT_FILES) tools/mkinitrd.py
	@echo "  CPIO    $@"
	@$(PYTHON) tools/mkinitrd.py -o $@ --tree $(NETBOOT)
netboot: $(BUILD)/netboot.cpio

run: deps all
	$(PYTHON) tools/cluster run --nodes $(NODES) --iso $(BUILD)/unum.iso

debug: deps all
	tools/debug.sh $(BUILD)

# ---------------------------------------------------------------- host tests
HOST_CXXFLAGS := -std=c++20 -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined -Wall -Wextra -Wno-missing-field-initializers \
	-I. -Itests/host/fake_arch/include -Itests/host -DUNUM_HOST_TEST -MMD -MP
HOST_LDFLAGS := -fsanitize=address,undefined -pthread
# UNITS=kernel/lib limits a development build to those source and test folders.
UNITS ?=
ifeq ($(UNITS),)
HOST_PORTABLE := $(PORTABLE_SRCS)
HOST_TEST_SRCS := $(call find_cpp,tests/host)
else
HOST_PORTABLE := $(filter $(addsuffix /%,$(UNITS)),$(PORTABLE_SRCS)) kernel/lib/error.cpp
HOST_TEST_SRCS := $(call find_cpp,$(addprefix tests/host/,$(UNITS)) tests/host/fake_arch) tests/host/main.cpp
endif
HOST_OBJS := $(patsubst %,$(BUILD)/host/%.o,$(sort $(HOST_PORTABLE) $(HOST_TEST_SRCS) $(LWIP_GLUE_SRCS))) \
	$(LWIP_HOST_TEST_OBJS)
# Only the glue and its tests see lwIP's headers (the host build's).
$(BUILD)/host/net/lwip_port/%.o $(BUILD)/host/tests/host/net/lwip_port/%.o: private HOST_CXXFLAGS += $(LWIP_HOST_INCLUDES)

$(BUILD)/host/%.cpp.o: %.cpp
	@mkdir -p $(dir $@)
	@echo "  HOSTCXX $<"
	@$(HOST_CXX) $(HOST_CXXFLAGS) -c $< -o $@

$(BUILD)/host/unit_tests: $(HOST_OBJS)
	@echo "  HOSTLD  $@"
	@$(HOST_CXX) $(HOST_LDFLAGS) -o $@ $^

host-tests: $(BUILD)/host/unit_tests
	$(BUILD)/host/unit_tests

# ---------------------------------------------------------------- fuzzing
FUZZ_CXXFLAGS := -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined \
	-I. -Itests/host/fake_arch/include -Itests/host -DUNUM_HOST_TEST
FUZZ_SRCS := $(wildcard tests/fuzz/*.cpp)
FUZZ_BINS := $(patsubst tests/fuzz/%.cpp,$(BUILD)/fuzz/%,$(FUZZ_SRCS))
FUZZ_SUPPORT := $(PORTABLE_SRCS) $(filter-out tests/host/fake_arch/fake_threads_main.cpp,$(call find_cpp,tests/host/fake_arch))
FUZZ_SUPPORT_OBJS := $(patsubst %,$(BUILD)/fuzzobj/%.o,$(FUZZ_SUPPORT))

$(BUILD)/fuzzobj/%.cpp.o: %.cpp
	@mkdir -p $(dir $@)
	@echo "  FUZZCXX $<"
	@$(FUZZ_CXX) $(subst fuzzer$(comma),fuzzer-no-link$(comma),$(FUZZ_CXXFLAGS)) -MMD -MP -c $< -o $@
comma := ,

$(BUILD)/fuzz/%: tests/fuzz/%.cpp $(FUZZ_SUPPORT_OBJS)
	@mkdir -p $(dir $@)
	@echo "  FUZZLD  $@"
	@$(FUZZ_CXX) $(FUZZ_CXXFLAGS) $^ -o $@ -pthread

fuzz: $(FUZZ_BINS)

# Keep the support objects: make would otherwise delete them as intermediates.
.SECONDARY: $(FUZZ_SUPPORT_OBJS)
# netif_receive_fuzz runs frames through the glue into lwIP built for the host.
NETIF_FUZZ := $(BUILD)/fuzz/netif_receive_fuzz
$(BUILD)/fuzzobj/net/lwip_port/%.o $(NETIF_FUZZ): private FUZZ_CXXFLAGS += $(LWIP_HOST_INCLUDES)
$(NETIF_FUZZ): $(LWIP_FUZZ_OBJS) $(patsubst %,$(BUILD)/fuzzobj/%.o,$(LWIP_GLUE_SRCS)) | $(LWIP_DIR)/include/lwip/opt.h

# ---------------------------------------------------------------- everything
test: deps
	$(MAKE) -j$(JOBS) all host-tests-build fuzz
	$(PYTHON) tools/run_tests.py --build $(BUILD)

host-tests-build: $(BUILD)/host/unit_tests

bench: deps all
	$(PYTHON) tools/bench.py --build $(BUILD)

clean:
	rm -rf $(BUILD)

# User programs, newlib glue and the initrd (issue 3).
-include userland/userland.mk

# BearSSL's HMAC-SHA256 for cluster messages (issue 5), from third_party/bearssl.
include kernel/cluster/bearssl.mk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# `make -s print-KERNEL_CXXFLAGS` prints a variable (for scripts and editors).
print-%:
	@echo $($*)
