#!/usr/bin/python3
# tools/cluster as the later tests will use it: `up` starts a switch and two nodes with
# stable MACs on the VDE LAN, each console answers on its socket, `kill` pulls one plug
# and leaves the other node running, `down` leaves no process or socket behind.
import re
import time

from harness import Cluster, alive, check, main


def cluster_launcher(build):
    with Cluster(build, "cluster_launcher", nodes=2, extra=("--cmdline", "init=none")) as cluster:
        pids = {i: cluster.pid(i) for i in (1, 2)}
        check(all(pids.values()), f"missing PID files: {pids}")
        for i in (1, 2):
            cluster.wait_for_log(i, "unum: boot complete")
            net = cluster.qemu_monitor(i, "info network")
            check(f"52:54:00:00:00:0{i}" in net, f"node {i} lacks its MAC: {net!r}")
            check("vde" in net, f"node {i} is not on the VDE LAN: {net!r}")

        console = cluster.console(1)
        console.send("\r")
        console.expect("monitor> ")
        console.send("help\r")
        console.expect("threads")
        console.expect("monitor> ")
        console.close()

        cluster.run_tool("kill", "2")
        time.sleep(1)
        check(not alive(pids[2]), "node 2 still runs after `kill 2`")
        check(alive(pids[1]), "`kill 2` took node 1 down too")
        status = cluster.run_tool("status").stdout
        check(re.search(r"node2: dead", status) and re.search(r"node1: running", status),
              f"status after kill: {status!r}")

        cluster.run_tool("down")
        for _ in range(50):
            if not alive(pids[1]):
                break
            time.sleep(0.2)
        check(not alive(pids[1]), "node 1 still runs after `down`")
        leftovers = sorted(p.name for p in cluster.dir.iterdir()
                           if p.suffix in (".sock", ".mon", ".pid") or p.name == "lan")
        check(not leftovers, f"`down` left {leftovers}")


TESTS = {"cluster_launcher": cluster_launcher}

if __name__ == "__main__":
    main(TESTS)
