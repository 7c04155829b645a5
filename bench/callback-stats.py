#!/usr/bin/env python3
"""What the callback receiver recorded for one phase of bench/callbacks.sh.

Usage: callback-stats.py RECORDS PREFIX [UP_MS]

RECORDS is the receiver's file (bench/callback-receiver.js); only callbacks of users named
PREFIX-<n> count. Prints one line "STATS key=value ...":
  received     requests received, duplicates included
  delivered    distinct webhook-ids (deliveries) received
  duplicates   requests whose webhook-id had been received before
  order_violations  first receipts of a delivery whose sequence is not above every
               sequence already received for its session (a session's changes must arrive
               in order)
  bad_signatures    requests whose Standard Webhooks signature did not verify
  first_ms / last_ms  first and last receipt (Unix ms)
  rate         delivered / (last - first)
  sec_min / sec_median / sec_max / seconds  deliveries per whole second counted from the
               first receipt, the first and the last (partial) second left out
  delay_p50_ms / p90 / p99 / max  receipt - occurredAt of each delivery's first receipt
  up_ms, drain_s, drain_rate (with UP_MS): from UP_MS to the last receipt, and
               delivered / that time
and a second line "PERSEC n n n ..." with every second's count.
"""

import math
import sys


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, max(0, math.ceil(p / 100 * len(sorted_values)) - 1))]


def main():
    records, prefix = sys.argv[1], sys.argv[2]
    up_ms = float(sys.argv[3]) if len(sys.argv) > 3 else None
    rows = []
    with open(records) as f:
        for line in f:
            parts = line.split()
            if len(parts) < 8 or not parts[2].startswith(prefix + "-"):
                continue
            received, webhook_id, user_id, session_id, sequence, occurred, sig = parts[:7]
            rows.append((float(received), webhook_id, session_id, int(sequence) if sequence.isdigit() else -1,
                         float(occurred), sig))
    rows.sort(key=lambda r: r[0])
    seen = set()
    last_sequence = {}
    duplicates = order_violations = bad_signatures = 0
    delays = []
    firsts = []
    for received, webhook_id, session_id, sequence, occurred, sig in rows:
        if sig == "0":
            bad_signatures += 1
        if webhook_id in seen:
            duplicates += 1
            continue
        seen.add(webhook_id)
        firsts.append(received)
        if sequence <= last_sequence.get(session_id, -1):
            order_violations += 1
        last_sequence[session_id] = max(sequence, last_sequence.get(session_id, -1))
        delays.append(received - occurred)
    delays.sort()
    out = {
        "received": len(rows),
        "delivered": len(seen),
        "duplicates": duplicates,
        "order_violations": order_violations,
        "bad_signatures": bad_signatures,
    }
    per_second = []
    if firsts:
        first, last = firsts[0], firsts[-1]
        span = max(last - first, 1e-3) / 1000
        per_second = [0] * (int((last - first) // 1000) + 1)
        for t in firsts:
            per_second[int((t - first) // 1000)] += 1
        whole = sorted(per_second[1:-1]) if len(per_second) > 2 else sorted(per_second)
        out.update({
            "first_ms": f"{first:.1f}",
            "last_ms": f"{last:.1f}",
            "span_s": f"{span:.2f}",
            "rate": f"{len(firsts) / span:.0f}",
            "sec_min": whole[0],
            "sec_median": whole[(len(whole) - 1) // 2],
            "sec_max": whole[-1],
            "seconds": len(whole),
            "delay_p50_ms": f"{percentile(delays, 50):.1f}",
            "delay_p90_ms": f"{percentile(delays, 90):.1f}",
            "delay_p99_ms": f"{percentile(delays, 99):.1f}",
            "delay_max_ms": f"{delays[-1]:.1f}",
        })
        if up_ms is not None:
            drain = max(last - up_ms, 1e-3) / 1000
            out.update({
                "up_ms": f"{up_ms:.1f}",
                "first_after_up_ms": f"{first - up_ms:.1f}",
                "drain_s": f"{drain:.2f}",
                "drain_rate": f"{len(firsts) / drain:.0f}",
            })
    print("STATS " + " ".join(f"{k}={v}" for k, v in out.items()))
    print("PERSEC " + " ".join(str(n) for n in per_second))


if __name__ == "__main__":
    main()
