#!/usr/bin/env python3
"""Where the CPU went during a benchmark run, so that a disturbed run can be told apart.

Usage: cpu-share.py APP_PID DB_NAME LABEL [SECONDS]
(runs for SECONDS, or until SIGTERM, then prints one line; with CPU_SHARE_READY=<file> in the
environment it creates that file once it has begun to count)

Samples utime+stime of every process in /proc once a second and sums the deltas per
group: the service (APP_PID), PostgreSQL backends of DB_NAME, wrk, the callback benchmark's
receiver and load generator (bench/callback-*.js) and pgbench (these three shown when they
ran), and everything else (named, biggest first). Processes that exit lose at most their
last second. Idle time comes from /proc/stat.
"""

import os
import signal
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def processes():
    found = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        close = stat.rfind(")")
        comm = stat[stat.find("(") + 1 : close]
        fields = stat[close + 2 :].split()
        ticks = int(fields[11]) + int(fields[12])
        found[(int(pid), fields[19])] = (ticks, comm, cmdline)
    return found


def idle_ticks():
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    return values[3] + values[4]  # idle + iowait


def group(pid, comm, cmdline, app_pid, db_name):
    if pid == app_pid:
        return "service"
    if comm == "wrk":
        return "wrk"
    if comm == "pgbench":  # bench/throughput.sh's other load generator
        return "pgbench"
    if "bench/callback-receiver.js" in cmdline:
        return "receiver"
    if "bench/callback-load.js" in cmdline:
        return "load"
    if cmdline.startswith("postgres:") and f" {db_name} " in f" {cmdline} ":
        return f"postgres ({db_name})"
    if pid == os.getpid():
        return "sampler"
    name = cmdline.split(" ")[0].rsplit("/", 1)[-1] or comm
    if name == "java" and "surefire" in cmdline:
        name = "java (surefire tests)"
    elif name == "java" and "maven" in cmdline:
        name = "java (maven)"
    elif cmdline.startswith("postgres:"):
        name = "postgres (other databases)"
    return "other: " + name


def main():
    app_pid, db_name, label = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else None
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    previous = processes()
    # The window starts after the first look at every process (which can take seconds on
    # a busy machine): a caller waiting for CPU_SHARE_READY starts its load inside it.
    started, idle_start = time.monotonic(), idle_ticks()
    if seconds is not None:
        signal.signal(signal.SIGALRM, lambda *_: stop.append(True))
        signal.setitimer(signal.ITIMER_REAL, seconds)
    if os.environ.get("CPU_SHARE_READY"):
        open(os.environ["CPU_SHARE_READY"], "w").close()
    used = {}
    while True:
        if not stop:
            try:
                time.sleep(1)
            except InterruptedError:
                pass
        current = processes()
        for key, (ticks, comm, cmdline) in current.items():
            before = previous[key][0] if key in previous else 0
            name = group(key[0], comm, cmdline, app_pid, db_name)
            used[name] = used.get(name, 0) + max(ticks - before, 0)
        previous = current
        if stop:
            break
    elapsed = time.monotonic() - started
    cpus = os.cpu_count() or 1
    idle = (idle_ticks() - idle_start) / TICK
    mine = ["service", f"postgres ({db_name})", "wrk", "sampler", "receiver", "load", "pgbench"]
    parts = [f"{name} {used.get(name, 0) / TICK:.1f}" for name in mine[:3]]
    parts += [f"{name} {used[name] / TICK:.1f}" for name in mine[4:] if used.get(name, 0) > 0]
    others = sorted(((n, t) for n, t in used.items() if n not in mine and t > 0), key=lambda x: -x[1])
    other_total = sum(t for _, t in others) / TICK
    detail = ", ".join(f"{n[len('other: '):] if n.startswith('other: ') else n} {t / TICK:.1f}" for n, t in others[:4])
    print(
        f"cpu {label}: {elapsed:.1f} s x {cpus} CPUs = {elapsed * cpus:.1f} CPU-s; "
        + ", ".join(parts)
        + f", other {other_total:.1f}" + (f" ({detail})" if detail else "")
        + f", idle {idle:.1f}"
        + f"; other_share={100 * other_total / (elapsed * cpus):.0f}%"
    )


if __name__ == "__main__":
    main()
