#!/usr/bin/env python3
"""Time from an approval event to all of its auto-exports SUCCEEDED, on a running local stack (./local-stack).

Usage: infra/bench/approval-to-succeeded.py --token "$TOKEN" [--url http://localhost:8080] [-n 20]

Uses the local stack's sample deliverable, whose two folder preferences have auto-export on. Each round publishes
one approval through the dev endpoint (as the product would) and waits for both exports. Two figures per round:
  server: the event's approved_at -> the latest completed_at of its exports (the projection's timestamps),
  client: from sending the approval until a GET first shows every export SUCCEEDED (polled every 5 ms).
The first round is a warm-up (it starts the folder MCP server if none runs yet) and is reported apart.
"""
import argparse, json, statistics, time, urllib.request, uuid
from datetime import datetime

DEMO_DELIVERABLE = "00000000-0000-4000-8000-00000000d001"
AUTO_EXPORTS = 2


def call(url, token, body=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def parse(ts):
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def one(base, token, i):
    started = time.perf_counter()
    approved = call(base + "/api/dev/approvals", token, {
        "deliverable_id": DEMO_DELIVERABLE, "version_id": str(uuid.uuid4()), "title": f"Approval probe {i}",
        "content": "## Probe\n\n" + "Some **markdown**.\n" * 50})
    while True:
        exports = call(base + approved["exports_url"], token)["exports"]
        if len(exports) == AUTO_EXPORTS and all(e["status"] in ("SUCCEEDED", "FAILED", "DEAD_LETTERED") for e in exports):
            break
        time.sleep(0.005)
    client_ms = (time.perf_counter() - started) * 1000
    assert all(e["status"] == "SUCCEEDED" for e in exports), exports
    last = max(parse(e["completed_at"]) for e in exports)
    server_ms = (last - parse(approved["approved_at"])).total_seconds() * 1000
    return server_ms, client_ms


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--url", default="http://localhost:8080")
    args.add_argument("--token", required=True)
    args.add_argument("-n", type=int, default=20)
    a = args.parse_args()
    warm = one(a.url, a.token, 0)
    runs = [one(a.url, a.token, i + 1) for i in range(a.n)]
    server = [r[0] for r in runs]
    client = [r[1] for r in runs]
    print(f"first approval (warm-up): server {warm[0]:.1f} ms, client {warm[1]:.1f} ms")
    print(f"next {a.n}: server median {statistics.median(server):.1f} ms (min {min(server):.1f}, max {max(server):.1f}); "
          f"client median {statistics.median(client):.1f} ms (min {min(client):.1f}, max {max(client):.1f})")


if __name__ == "__main__":
    main()
