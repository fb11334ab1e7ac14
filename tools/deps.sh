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
    # newlib 3.3.0 sources (/usr/src/newlib/newlib-3.3.0.tar.xz), built by step_newlib
    newlib-source
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

# True when apt knows a deb-src entry for the running Debian release.
have_deb_src() {
    grep -rqsE '^(deb-src |Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/
}

# Adds a deb-src entry for the running release (deb.debian.org, main) when apt has
# none, so `apt-get source` works; needs root, otherwise prints what to run.
ensure_deb_src() {
    have_deb_src && return 0
    local codename
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
    local file=/etc/apt/sources.list.d/unum-deb-src.sources
    local entry="Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: $codename $codename-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"
    if [ "$(id -u)" -ne 0 ]; then
        echo "deps: apt has no deb-src entry; run as root:" >&2
        echo "deps:   sudo sh -c 'printf \"$entry\" > $file && apt-get update'" >&2
        exit 1
    fi
    echo "deps: adding a deb-src entry for $codename ($file)"
    printf "$entry" >"$file"
    apt-get update
}

# fetch_source PACKAGE DIR: `apt-get source PACKAGE` unpacked as third_party/DIR;
# a no-op when the stamp says that package version is already there.
fetch_source() {
    local package=$1 dir=third_party/$2
    [ -f "$dir/.unum-stamp" ] && return 0
    ensure_deb_src
    mkdir -p third_party
    local work=third_party/.fetch-$package
    rm -rf "$work" "$dir"
    mkdir -p "$work"
    echo "deps: apt-get source $package -> $dir"
    (cd "$work" && apt-get source -qq "$package" >/dev/null 2>../.fetch-$package.log) || {
        cat "third_party/.fetch-$package.log" >&2
        echo "deps: apt-get source $package failed" >&2
        exit 1
    }
    local src
    src=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)
    [ -n "$src" ] || { echo "deps: apt-get source $package unpacked nothing" >&2; exit 1; }
    mv "$src" "$dir"
    rm -rf "$work" "third_party/.fetch-$package.log"
    basename "$src" >"$dir/.unum-stamp"
}

# lwIP 2.1.3, the kernel's TCP/IP stack (net/lwip_port/ builds it from here).
step_lwip() {
    fetch_source lwip lwip
}

# BearSSL 0.6: HMAC-SHA256 for cluster messages (kernel/cluster/bearssl.mk builds it).
step_bearssl() {
    fetch_source bearssl bearssl
}

# newlib for Unum user programs: configured as x86_64-elf with the host gcc and
# binutils, installed to third_party/newlib/x86_64-elf/{include,lib}. The stamp
# records the tarball and flags, so changing either rebuilds; otherwise a no-op.
NEWLIB_TARBALL=/usr/src/newlib/newlib-3.3.0.tar.xz
NEWLIB_PREFIX=third_party/newlib
NEWLIB_CFLAGS="-O2 -g -ffreestanding -fno-stack-protector -fno-pic -fno-pie -mno-red-zone -Wa,--noexecstack"
NEWLIB_CONFIG=(--target=x86_64-elf --disable-multilib --disable-newlib-supplied-syscalls
    --enable-newlib-io-c99-formats --enable-newlib-io-long-long)

step_newlib() {
    local stamp="$NEWLIB_PREFIX/.stamp"
    local want
    want="3.3.0 $(stat -c %s "$NEWLIB_TARBALL") ${NEWLIB_CONFIG[*]} $NEWLIB_CFLAGS"
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return 0
    mkdir -p third_party
    # Several builders share one tree: the second waits, then finds the stamp.
    exec 9>third_party/.newlib.lock
    flock 9
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exec 9>&-; return 0; fi
    local prefix="$PWD/$NEWLIB_PREFIX" work="$PWD/third_party/newlib-build"
    local log=third_party/newlib-build.log
    echo "deps: building newlib 3.3.0 into $NEWLIB_PREFIX (about 3 minutes; log: $log)"
    local start=$SECONDS rc
    rm -rf "$work" "$prefix"
    mkdir -p "$work/obj" "$prefix"
    # set -e is ignored inside a tested command, so the subshell runs untested.
    set +e
    (
        set -e
        tar -xJf "$NEWLIB_TARBALL" -C "$work"
        src=$(find "$work" -mindepth 1 -maxdepth 1 -type d ! -name obj | head -n 1)
        cd "$work/obj"
        "$src/configure" "${NEWLIB_CONFIG[@]}" --prefix="$prefix" \
            CC_FOR_TARGET=gcc AR_FOR_TARGET=ar AS_FOR_TARGET=as LD_FOR_TARGET=ld \
            NM_FOR_TARGET=nm OBJDUMP_FOR_TARGET=objdump RANLIB_FOR_TARGET=ranlib \
            READELF_FOR_TARGET=readelf STRIP_FOR_TARGET=strip \
            CFLAGS_FOR_TARGET="$NEWLIB_CFLAGS"
        make -j"$(nproc)" all-target-newlib
        make install-target-newlib
        test -f "$prefix/x86_64-elf/lib/libc.a"
    ) >"$log" 2>&1
    rc=$?
    set -e
    if [ "$rc" -ne 0 ]; then
        tail -n 30 "$log" >&2
        echo "deps: newlib build failed; full log in $log" >&2
        exit 1
    fi
    rm -rf "$work"
    echo "$want" >"$stamp"
    exec 9>&-
    echo "deps: newlib built in $((SECONDS - start)) s"
}
STEPS=(step_packages step_lwip step_bearssl step_newlib)

for step in "${STEPS[@]}"; do
    "$step"
done
