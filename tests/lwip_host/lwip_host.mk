# lwIP for the host: the real 2.1.3 core, IPv4 and Ethernet (no api/: NO_SYS=1)
# from third_party/lwip (`make deps`), with the host port in tests/lwip_host/
# (lwipopts.h, arch/cc.h, sys_arch.c: a fake clock, reproducible LWIP_RAND)
# instead of the kernel's. Built twice, with the sanitizers of its users:
# - $(BUILD)/host/lwip/ (g++'s ASan/UBSan) for the host tests, which drive the
#   kernel's netif glue (net/lwip_port/*.cpp, LWIP_GLUE_SRCS) through it;
# - $(BUILD)/fuzzobj/lwip/ (clang, libFuzzer) for tests/fuzz/netif_receive_fuzz.
# Included by the top-level Makefile before its host-test and fuzz sections.
LWIP_HOST_PORT := tests/lwip_host
LWIP_HOST_INCLUDES := -I$(LWIP_HOST_PORT)/include -I$(LWIP_DIR)/include
LWIP_HOST_SRCS := $(sort $(wildcard $(LWIP_DIR)/core/*.c $(LWIP_DIR)/core/ipv4/*.c)) $(LWIP_DIR)/netif/ethernet.c \
	$(LWIP_HOST_PORT)/sys_arch.c
lwip_host_objs = $(patsubst %.c,$(BUILD)/$(1)/lwip/%.c.o,$(LWIP_HOST_SRCS))
LWIP_HOST_TEST_OBJS := $(call lwip_host_objs,host)
LWIP_FUZZ_OBJS := $(call lwip_host_objs,fuzzobj)
LWIP_HOST_C_COMMON := -std=gnu11 -O1 -g -fno-omit-frame-pointer $(LWIP_HOST_INCLUDES) -MMD -MP

$(BUILD)/host/lwip/%.c.o: %.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	@gcc $(LWIP_HOST_C_COMMON) -fsanitize=address,undefined -fno-sanitize-recover=undefined -c $< -o $@

$(BUILD)/fuzzobj/lwip/%.c.o: %.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@clang $(LWIP_HOST_C_COMMON) -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@

$(LWIP_HOST_TEST_OBJS) $(LWIP_FUZZ_OBJS): | $(LWIP_DIR)/include/lwip/opt.h
.SECONDARY: $(LWIP_HOST_TEST_OBJS) $(LWIP_FUZZ_OBJS)
