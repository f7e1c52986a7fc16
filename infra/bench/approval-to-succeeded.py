#!/usr/bin/env python3
"""Time from an approval event to all of its auto-exports SUCCEEDED, on a running local stack (./local-stack).

Usage: infra/bench/approval-to-succeeded.py --token "$TOKEN" [--url http://localhost:8080] [-n 20]

Uses the local stack's sample deliverable, whose two folder preferences have auto-export on. Each round publishes
one approval through the dev endpoint (as the product would) and waits for both exports. Two figures per round:
  server: the event's approved_at -> the latest completed_at of its exports (the projection's timestamps),
  client: from sending the approval until a GET first shows every export SUCCEEDED (polled every 5 ms).
The first round is a warm-up and is reported apart.
"""
import time, uuid
from latency_probe import TERMINAL, call, parse, poll, run

DEMO_DELIVERABLE = "00000000-0000-4000-8000-00000000d001"
AUTO_EXPORTS = 2


def one(base, token, i):
    started = time.perf_counter()
    approved = call(base + "/api/dev/approvals", token, {
        "deliverable_id": DEMO_DELIVERABLE, "version_id": str(uuid.uuid4()), "title": f"Approval probe {i}",
        "content": "## Probe\n\n" + "Some **markdown**.\n" * 50})
    exports, seen = poll(lambda: call(base + approved["exports_url"], token)["exports"],
                         lambda e: len(e) == AUTO_EXPORTS and all(x["status"] in TERMINAL for x in e))
    assert all(e["status"] == "SUCCEEDED" for e in exports), exports
    last = max(parse(e["completed_at"]) for e in exports)
    return (last - parse(approved["approved_at"])).total_seconds() * 1000, (seen - started) * 1000


if __name__ == "__main__":
    run(one, "approval")
