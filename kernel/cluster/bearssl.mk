# kernel/cluster/bearssl.mk: builds the part of BearSSL 0.6 the cluster uses
# (HMAC-SHA256 for HmacSha256Authenticator) from third_party/bearssl, which
# `make deps` fetches with `apt-get source bearssl`, three times: freestanding
# for the kernel, with ASan/UBSan for the host unit tests, and with the fuzzer
# sanitizers for fuzz targets. Include it from the top-level Makefile AFTER the
# variables and rules it extends (the end of the file is fine):
#     include kernel/cluster/bearssl.mk
# Without third_party/bearssl it adds nothing, and HmacSha256Authenticator fails
# to compile with a message to run `make deps` (no unauthenticated fallback).

BEARSSL_DIR ?= third_party/bearssl
BEARSSL_FILES := mac/hmac.c hash/sha2small.c codec/dec32be.c codec/enc32be.c

ifneq ($(wildcard $(BEARSSL_DIR)/inc/bearssl_hmac.h),)

BEARSSL_SRCS := $(addprefix $(BEARSSL_DIR)/src/,$(BEARSSL_FILES))
# BearSSL's own code is not ours to fix: no warnings from it.
BEARSSL_CFLAGS := -std=c99 -g -w -I$(BEARSSL_DIR)/inc -I$(BEARSSL_DIR)/src
# Freestanding like the kernel: no SSE, kernel code model, our <string.h>.
BEARSSL_KERNEL_CFLAGS := $(BEARSSL_CFLAGS) -O2 -ffreestanding -fno-builtin -mno-red-zone -mcmodel=kernel \
	-mno-sse -mno-sse2 -mno-mmx -mno-80387 -fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -Ikernel/cluster/bearssl_shim
BEARSSL_HOST_CFLAGS := $(BEARSSL_CFLAGS) -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined
BEARSSL_FUZZ_CFLAGS := $(BEARSSL_CFLAGS) -O1 -fsanitize=fuzzer-no-link,address,undefined

BEARSSL_KERNEL_OBJS := $(patsubst $(BEARSSL_DIR)/src/%.c,$(BUILD)/bearssl/kernel/%.o,$(BEARSSL_SRCS))
BEARSSL_HOST_OBJS := $(patsubst $(BEARSSL_DIR)/src/%.c,$(BUILD)/bearssl/host/%.o,$(BEARSSL_SRCS))
BEARSSL_FUZZ_OBJS := $(patsubst $(BEARSSL_DIR)/src/%.c,$(BUILD)/bearssl/fuzz/%.o,$(BEARSSL_SRCS))

$(BUILD)/bearssl/kernel/%.o: $(BEARSSL_DIR)/src/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(BEARSSL_KERNEL_CFLAGS) -c $< -o $@

$(BUILD)/bearssl/host/%.o: $(BEARSSL_DIR)/src/%.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	@gcc $(BEARSSL_HOST_CFLAGS) -c $< -o $@

$(BUILD)/bearssl/fuzz/%.o: $(BEARSSL_DIR)/src/%.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@clang $(BEARSSL_FUZZ_CFLAGS) -c $< -o $@

# The headers for our C++ (kernel/cluster/hmac_sha256_authenticator.cpp).
KERNEL_CXXFLAGS += -I$(BEARSSL_DIR)/inc
HOST_CXXFLAGS += -I$(BEARSSL_DIR)/inc
FUZZ_CXXFLAGS += -I$(BEARSSL_DIR)/inc

# Extra prerequisites of the existing link rules: their recipes link $(KERNEL_OBJS)
# (read when the recipe runs) or $^ (every prerequisite).
KERNEL_OBJS += $(BEARSSL_KERNEL_OBJS)
$(BUILD)/unum.elf: $(BEARSSL_KERNEL_OBJS)
$(BUILD)/host/unit_tests: $(BEARSSL_HOST_OBJS)
$(FUZZ_BINS): $(BEARSSL_FUZZ_OBJS)
.SECONDARY: $(BEARSSL_FUZZ_OBJS)

endif
