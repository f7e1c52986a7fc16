#!/usr/bin/env python3
"""Time from POST to SUCCEEDED on a running local stack (./local-stack), median of N exports.

Usage: infra/bench/post-to-succeeded.py --token "$TOKEN" [--url http://localhost:8080] [-n 20]

Two figures per export:
  server: created_at -> completed_at of the status projection (api-edge accepted it -> the provider finished),
  client: from sending the POST until a GET first shows SUCCEEDED (polled every 5 ms, so an upper bound).
The first export is a warm-up (it starts the MCP server) and is reported apart.
"""
import argparse, json, statistics, time, urllib.request, uuid
from datetime import datetime


def call(url, token, body=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def parse(ts):
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def one(base, token, i):
    started = time.perf_counter()
    accepted = call(base + "/api/integrations/export", token, {
        "provider_id": "folder", "destination_id": "bench", "title": f"Latency probe {i}",
        "deliverable_version_id": str(uuid.uuid4()), "content": "## Probe\n\n" + "Some **markdown**.\n" * 50})
    while True:
        status = call(base + accepted["status_url"], token)
        if status["status"] in ("SUCCEEDED", "FAILED", "DEAD_LETTERED"):
            break
        time.sleep(0.005)
    client_ms = (time.perf_counter() - started) * 1000
    server_ms = (parse(status["completed_at"]) - parse(status["created_at"])).total_seconds() * 1000
    assert status["status"] == "SUCCEEDED", status
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
    print(f"first export (warm-up: starts the MCP server if none runs yet): server {warm[0]:.1f} ms, client {warm[1]:.1f} ms")
    print(f"next {a.n}: server median {statistics.median(server):.1f} ms (min {min(server):.1f}, max {max(server):.1f}); "
          f"client median {statistics.median(client):.1f} ms (min {min(client):.1f}, max {max(client):.1f})")


if __name__ == "__main__":
    main()
