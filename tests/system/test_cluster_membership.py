#!/usr/bin/python3
# Cluster membership on the real LAN (issue 5, docs/cluster.md): three nodes of
# a tools/cluster LAN find each other by broadcast beacons, join under the
# development key, and each one's `nodes` lists all three `up` with their
# features (node 3 runs a different -cpu model, so its feature list differs);
# after `tools/cluster kill 3` the survivors stop showing node 3 as up.
# Run alone: tests/system/test_cluster_membership.py --build build [NAME...]
from harness import Cluster, check, main
from test_network import Shell, node_ip, wait_until_up

HEADER = ["NODE", "ADDR", "STATE", "CPUS", "MEM", "LOAD", "FEATURES"]


def parse_nodes(out):
    """`nodes` output -> {name: (addr, state, features)}; checks the header."""
    check(out and out[0].split() == HEADER, f"nodes printed no DESIGN §4 header: {out!r}")
    rows = {}
    for line in out[1:]:
        fields = line.split()
        if len(fields) >= 7 and fields[0].startswith("node"):
            rows[fields[0]] = (fields[1], fields[2], fields[6])
    return rows


def wait_for_members(shell, wanted, attempts=30):
    """Runs `nodes` until wanted(rows) holds (a bounded number of tries, a
    second apart); returns the last rows."""
    rows = {}
    for _ in range(attempts):
        out = shell.run("nodes")
        if out and out[0].split() == HEADER:
            rows = parse_nodes(out)
            if wanted(rows):
                return rows
        shell.run("sleep 1")
    return rows


def three_nodes_form_a_cluster_and_lose_one(build):
    """Every node's `nodes` shows the three members up, with node 3's CPU
    features differing; node 3 killed: node 1 no longer shows it up, and node 1's
    log reports it removed."""
    extra = ("--cpu", "1=max", "--cpu", "2=max", "--cpu", "3=qemu64", "--cmdline", "tags=disk")
    with Cluster(build, "cluster_membership", nodes=3, extra=extra) as cluster:
        for i in (1, 2, 3):
            wait_until_up(cluster, i)
        cluster.wait_for_log(1, "cluster: node1 joined unum")
        shells = [Shell(cluster, i) for i in (1, 2, 3)]
        try:
            all_up = lambda rows: all(rows.get(f"node{i}", ("", ""))[1] == "up" for i in (1, 2, 3))
            for i, shell in enumerate(shells, start=1):
                rows = wait_for_members(shell, all_up)
                check(all_up(rows) and len(rows) == 3, f"node {i}'s nodes: {rows!r}")
                for j in (1, 2, 3):
                    check(rows[f"node{j}"][0] == node_ip(j), f"node {i} shows node{j} at {rows[f'node{j}']!r}")
                check("fpu" in rows["node1"][2].split(","), f"node1's features lack fpu: {rows['node1']!r}")
                check(rows["node1"][2] != rows["node3"][2],
                      f"node 3 (qemu64) advertises the same features as node 1 (max): {rows!r}")
            out = shells[0].run("cat /proc/cluster/nodes")
            check(any(l.startswith("node=2 addr=10.77.0.2 state=up cpus=1 mem_mib=") and "tags=disk" in l
                      for l in out), f"/proc/cluster/nodes on node 1: {out!r}")

            shells[2].close()
            cluster.run_tool("kill", "3")
            # Dead after 5 s of silence (docs/cluster.md); polled, not timed.
            gone = lambda rows: rows.get("node3", ("", ""))[1] != "up" and \
                all(rows.get(f"node{i}", ("", ""))[1] == "up" for i in (1, 2))
            rows = wait_for_members(shells[0], gone)
            check(gone(rows), f"node 1 still shows node 3 up after it was killed: {rows!r}")
            cluster.wait_for_log(1, "cluster: node3 removed (dead)", timeout=60)
            rows = wait_for_members(shells[1], lambda r: "node3" not in r and len(r) == 2)
            check("node3" not in rows and len(rows) == 2, f"node 2's view after the kill: {rows!r}")
        finally:
            for shell in shells:
                shell.close()


TESTS = {
    "three_nodes_form_a_cluster_and_lose_one": three_nodes_form_a_cluster_and_lose_one,
}

if __name__ == "__main__":
    main(TESTS)
