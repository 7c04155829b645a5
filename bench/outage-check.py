#!/usr/bin/env python3
"""Were the committed status changes of bench/db-outage.sh delivered exactly once, in order?

Usage: outage-check.py ANSWERS RECEIVED EVENTS DELIVERIES PREFIX

ANSWERS    the load generator's answers (bench/outage-load.js):
           <ms> <step> <userId> <sessionId> <status> <latency ms>
RECEIVED   the receiver's records (bench/callback-receiver.js):
           <received ms> <webhook-id> <userId> <sessionId> <sequence> <occurredAt ms> <sig> <status>
EVENTS     the database's status changes (sequence >= 2) of the PREFIX sessions:
           <sessionId> <sequence> <to_status>
DELIVERIES the database's callback deliveries of the PREFIX sessions:
           <id> <sessionId> <sequence> <status> <attempts>

Prints one line "CHECK key=value ..." with
  answered_200   status changes answered 200 (step IN_PROGRESS or SUBMITTED)
  lost           of those, changes the database does not have (committed, then lost)
  committed      status changes in the database (the ground truth: each must be delivered once)
  committed_not_200  committed changes the client never got a 200 for (e.g. answered 503
                 or under way when the stream stopped; they must be delivered all the same)
  delivered      committed changes received at least once
  missing        committed changes never received
  duplicates     receipts beyond the first of a change (same session and sequence)
  duplicate_ids  receipts of a webhook-id received before
  unexpected     receipts of a change the database does not have
  order_violations  first receipts whose sequence is not above every sequence already
                 received for the session
  status_mismatch   receipts whose status differs from the database's
  bad_signatures receipts whose signature did not verify
  deliveries_pending / deliveries_failed / deliveries_delivered / attempts   the outbox
and "EXAMPLE kind ..." lines, at most 5 per kind.
"""

import collections
import sys


def main():
    answers_file, received_file, events_file, deliveries_file, prefix = sys.argv[1:6]
    examples = collections.defaultdict(list)

    def example(kind, text):
        if len(examples[kind]) < 5:
            examples[kind].append(text)

    answered = set()
    with open(answers_file) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 6 and parts[1] in ("IN_PROGRESS", "SUBMITTED") and parts[4] == "200":
                answered.add((parts[3], parts[1]))

    committed = {}  # (session, sequence) -> status
    by_status = set()
    with open(events_file) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                committed[(parts[0], int(parts[1]))] = parts[2]
                by_status.add((parts[0], parts[2]))

    lost = sorted(answered - by_status)
    for session, status in lost:
        example("lost", f"{session} {status}")
    committed_not_200 = [(s, q) for (s, q), status in committed.items() if (s, status) not in answered]

    receipts = collections.Counter()
    seen_ids = set()
    duplicate_ids = unexpected = order_violations = status_mismatch = bad_signatures = 0
    last_sequence = {}
    rows = []
    with open(received_file) as f:
        for line in f:
            parts = line.split()
            if len(parts) < 8 or not parts[2].startswith(prefix + "-"):
                continue
            rows.append((float(parts[0]), parts[1], parts[3], int(parts[4]) if parts[4].isdigit() else -1,
                         parts[6], parts[7]))
    rows.sort()
    for received, webhook_id, session, sequence, sig, status in rows:
        key = (session, sequence)
        receipts[key] += 1
        if sig == "0":
            bad_signatures += 1
        if webhook_id in seen_ids:
            duplicate_ids += 1
            example("duplicate_id", f"{webhook_id} {session} #{sequence}")
            continue
        seen_ids.add(webhook_id)
        if key not in committed:
            unexpected += 1
            example("unexpected", f"{webhook_id} {session} #{sequence} {status}")
        elif committed[key] != status:
            status_mismatch += 1
            example("status_mismatch", f"{session} #{sequence}: received {status}, database {committed[key]}")
        if receipts[key] == 1:
            if sequence <= last_sequence.get(session, 0):
                order_violations += 1
                example("order", f"{session} #{sequence} after #{last_sequence[session]}")
            last_sequence[session] = max(sequence, last_sequence.get(session, 0))
    duplicates = sum(n - 1 for key, n in receipts.items() if n > 1)
    for key, n in receipts.items():
        if n > 1:
            example("duplicate", f"{key[0]} #{key[1]} received {n} times")
    missing = [key for key in committed if receipts[key] == 0]
    for session, sequence in missing:
        example("missing", f"{session} #{sequence} {committed[(session, sequence)]}")

    outbox = collections.Counter()
    attempts = 0
    with open(deliveries_file) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 5:
                outbox[parts[3]] += 1
                attempts += int(parts[4])

    print(f"CHECK answered_200={len(answered)} lost={len(lost)} committed={len(committed)} "
          f"committed_not_200={len(committed_not_200)} delivered={len(committed) - len(missing)} "
          f"missing={len(missing)} duplicates={duplicates} duplicate_ids={duplicate_ids} unexpected={unexpected} "
          f"order_violations={order_violations} status_mismatch={status_mismatch} bad_signatures={bad_signatures} "
          f"receipts={len(rows)} deliveries_pending={outbox['PENDING']} deliveries_failed={outbox['FAILED']} "
          f"deliveries_delivered={outbox['DELIVERED']} attempts={attempts}")
    for kind, texts in examples.items():
        for text in texts:
            print(f"EXAMPLE {kind} {text}")


if __name__ == "__main__":
    main()
