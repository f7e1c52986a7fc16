#!/usr/bin/env python3
"""Time from POST to SUCCEEDED on a running local stack (./local-stack), median of N exports.

Usage: infra/bench/post-to-succeeded.py --token "$TOKEN" [--url http://localhost:8080] [-n 20]

Two figures per export:
  server: created_at -> completed_at of the status projection (api-edge accepted it -> the provider finished),
  client: from sending the POST until a GET first shows SUCCEEDED (polled every 5 ms, so an upper bound).
The first export is a warm-up (it starts the MCP server) and is reported apart.
"""
import time, uuid
from latency_probe import TERMINAL, call, parse, poll, run


def one(base, token, i):
    started = time.perf_counter()
    accepted = call(base + "/api/integrations/export", token, {
        "provider_id": "folder", "destination_id": "bench", "title": f"Latency probe {i}",
        "deliverable_version_id": str(uuid.uuid4()), "content": "## Probe\n\n" + "Some **markdown**.\n" * 50})
    status, seen = poll(lambda: call(base + accepted["status_url"], token), lambda s: s["status"] in TERMINAL)
    assert status["status"] == "SUCCEEDED", status
    server_ms = (parse(status["completed_at"]) - parse(status["created_at"])).total_seconds() * 1000
    return server_ms, (seen - started) * 1000


if __name__ == "__main__":
    run(one, "export")
