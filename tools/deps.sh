#!/bin/bash
# `make deps`: installs whatever Debian packages Unum needs and fetches/builds the
# third-party sources. Idempotent, and a sub-second no-op once everything is present.
# Each step is a function listed in STEPS; later issues add theirs at the marked points.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian 12 packages, grouped by what needs them (DESIGN.md §2).
PACKAGES=(
    # build: compilers, binutils (ld, nm), make, git (build id)
    build-essential git python3
    # boot image: grub-mkrescue makes the hybrid BIOS+UEFI ISO
    grub-pc-bin grub-efi-amd64-bin grub-common xorriso mtools
    # emulator, firmware, PXE ROMs, cluster LAN
    qemu-system-x86 qemu-utils ovmf ipxe-qemu vde2
    # console font converted at build time
    console-setup-linux
    # host unit tests, system tests, fuzzing (libclang-rt-14-dev holds libFuzzer), debugging
    catch2 python3-pexpect clang libclang-rt-14-dev gdb
    # `apt-get source` for third_party/
    dpkg-dev
)

# Prints the packages of PACKAGES that are not installed, one per line.
missing_packages() {
    local installed
    installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${PACKAGES[@]}" 2>/dev/null \
        | awk '$NF == "installed" { print $1 }' || true)
    local p
    for p in "${PACKAGES[@]}"; do
        grep -qx -- "$p" <<<"$installed" || echo "$p"
    done
}

step_packages() {
    local missing
    mapfile -t missing < <(missing_packages)
    [ "${#missing[@]}" -eq 0 ] && return 0
    local cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "deps: missing Debian packages: ${missing[*]}" >&2
        echo "deps: run as root:  sudo sh -c '$cmd'" >&2
        exit 1
    fi
    echo "deps: installing ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    # libFuzzer must really link, or `make fuzz` fails much later with a worse message.
    if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' \
        | clang++ -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
        echo "deps: clang++ -fsanitize=fuzzer does not link (libFuzzer missing?)" >&2
        exit 1
    fi
}

# Extension points for later issues (keep each step idempotent and fast when done):
#   step_lwip    -- `apt-get source lwip` into third_party/lwip (enable a deb-src entry
#                   if apt has none), skipped when third_party/lwip exists.
#   step_newlib  -- build newlib 3.3.0 from newlib-source for Unum into third_party/newlib,
#                   skipped when its stamp file exists.
#   step_bearssl -- `apt-get source bearssl` into third_party/bearssl.
# Add the package each needs (e.g. newlib-source) to PACKAGES above.
STEPS=(step_packages)

for step in "${STEPS[@]}"; do
    "$step"
done
