# lwIP for the host, for fuzz targets that run frames through the real stack
# (tests/fuzz/netif_receive_fuzz.cpp). Included by the top-level Makefile after
# its fuzz section. lwIP's core, IPv4 and Ethernet (no api/: NO_SYS=1) are
# compiled from third_party/lwip (`make deps`) with clang and the fuzzer's
# sanitizers into $(BUILD)/fuzzobj/lwip/, with the host port in
# tests/fuzz/lwip_host/ (lwipopts.h, arch/cc.h, sys_arch.c) instead of the
# kernel's. The generic rule `$(BUILD)/fuzz/%` links the target; this file only
# adds the lwIP objects and include paths to it.
FUZZ_CC := clang
LWIP_HOST_PORT := tests/fuzz/lwip_host
LWIP_HOST_INCLUDES := -I$(LWIP_HOST_PORT)/include -I$(LWIP_DIR)/include
LWIP_HOST_CFLAGS := -std=gnu11 -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
	-fno-omit-frame-pointer $(LWIP_HOST_INCLUDES) -MMD -MP
LWIP_HOST_SRCS := $(sort $(wildcard $(LWIP_DIR)/core/*.c $(LWIP_DIR)/core/ipv4/*.c)) $(LWIP_DIR)/netif/ethernet.c
LWIP_HOST_OBJS := $(patsubst $(LWIP_DIR)/%.c,$(BUILD)/fuzzobj/lwip/src/%.c.o,$(LWIP_HOST_SRCS)) \
	$(BUILD)/fuzzobj/lwip/port/sys_arch.c.o
LWIP_FUZZ_TARGETS := $(BUILD)/fuzz/netif_receive_fuzz

$(BUILD)/fuzzobj/lwip/src/%.c.o: $(LWIP_DIR)/%.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(LWIP_HOST_CFLAGS) -c $< -o $@

$(BUILD)/fuzzobj/lwip/port/%.c.o: $(LWIP_HOST_PORT)/%.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(LWIP_HOST_CFLAGS) -c $< -o $@

$(LWIP_HOST_OBJS): | $(LWIP_DIR)/include/lwip/opt.h
# Extra prerequisites land in the generic rule's $^ (linked in); `private` keeps
# the include paths from leaking into the support objects built on the way.
$(LWIP_FUZZ_TARGETS): $(LWIP_HOST_OBJS) | $(LWIP_DIR)/include/lwip/opt.h
$(LWIP_FUZZ_TARGETS): private FUZZ_CXXFLAGS += $(LWIP_HOST_INCLUDES)
.SECONDARY: $(LWIP_HOST_OBJS)
