#!/bin/bash
# `make debug`: boots one node from BUILD/unum.iso paused under QEMU's gdb stub and runs
# gdb with BUILD/unum.elf's symbols, stopped at kernel_main (tools/unum.gdb holds the settings).
# Usage: tools/debug.sh BUILD [--batch]   (--batch: print where it stopped, then quit; for tests)
set -euo pipefail
BUILD=$(cd "${1:?usage: tools/debug.sh BUILD [--batch]}" && pwd)
MODE=${2:-}
REPO=$(cd "$(dirname "$0")/.." && pwd)
RUN=$BUILD/debug
ELF=$BUILD/unum.elf
ISO=$BUILD/unum.iso
for f in "$ELF" "$ISO"; do [ -f "$f" ] || { echo "debug: no $f (run make)" >&2; exit 1; }; done
mkdir -p "$RUN"
rm -f "$RUN"/node1.sock "$RUN"/node1.mon "$RUN"/node1.log

# A free TCP port on loopback for the stub, unless GDB_PORT says which.
PORT=${GDB_PORT:-$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}

# Extra kernel options (UNUM_CMDLINE="loglevel=debug") travel by fw_cfg, as in the tests.
FW_CFG=()
[ -n "${UNUM_CMDLINE:-}" ] && FW_CFG=(-fw_cfg "name=opt/unum/cmdline,string=${UNUM_CMDLINE//,/,,}")

# The serial console is a socket like a cluster node's, so `tools/cluster console 1
# --dir BUILD/debug` attaches to it; everything it prints is also in node1.log.
qemu-system-x86_64 -name unum-debug -m 512M -display none -no-reboot -daemonize \
    -pidfile "$RUN/qemu.pid" \
    -chardev "socket,id=s0,path=$RUN/node1.sock,server=on,wait=off,logfile=$RUN/node1.log" \
    -serial chardev:s0 -monitor "unix:$RUN/node1.mon,server=on,wait=off" -nic none \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
    "${FW_CFG[@]}" \
    -cdrom "$ISO" -gdb "tcp:127.0.0.1:$PORT" -S
QEMU_PID=$(cat "$RUN/qemu.pid")
stop_qemu() {
    # Only the QEMU this script started: the PID must still be ours.
    if grep -qa "unum-debug" "/proc/$QEMU_PID/cmdline" 2>/dev/null; then kill "$QEMU_PID" 2>/dev/null || true; fi
    rm -f "$RUN/qemu.pid" "$RUN/node1.sock" "$RUN/node1.mon"
}
trap stop_qemu EXIT

cat > "$RUN/session.gdb" <<GDB
source $REPO/tools/unum.gdb
target remote 127.0.0.1:$PORT
hbreak kernel_main
continue
GDB

if [ "$MODE" = "--batch" ]; then
    timeout "${DEBUG_TIMEOUT:-300}" gdb -q -nx -batch "$ELF" -x "$RUN/session.gdb" \
        -ex 'info symbol $pc' -ex 'bt 3'
else
    echo "debug: serial console: tools/cluster console 1 --dir $RUN  (log: $RUN/node1.log)"
    gdb -q -nx "$ELF" -x "$RUN/session.gdb"
fi
