"""What the latency scripts share: calling api-edge as a user, reading its timestamps, timing N rounds."""
import argparse, json, statistics, time, urllib.request
from datetime import datetime

TERMINAL = ("SUCCEEDED", "FAILED", "DEAD_LETTERED")


def call(url, token, body=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def parse(ts):
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def poll(fetch, done):
    """Calls fetch every 5 ms until done(result); returns the result and the time it was first seen."""
    while True:
        result = fetch()
        if done(result):
            return result, time.perf_counter()
        time.sleep(0.005)


def run(one, what):
    """Parses --url, --token and -n, runs a warm-up round and n rounds of one(base, token, i) -> (server_ms, client_ms)."""
    args = argparse.ArgumentParser()
    args.add_argument("--url", default="http://localhost:8080")
    args.add_argument("--token", required=True)
    args.add_argument("-n", type=int, default=20)
    a = args.parse_args()
    warm = one(a.url, a.token, 0)
    runs = [one(a.url, a.token, i + 1) for i in range(a.n)]
    server = [r[0] for r in runs]
    client = [r[1] for r in runs]
    print(f"first {what} (warm-up: starts the MCP server if none runs yet): server {warm[0]:.1f} ms, client {warm[1]:.1f} ms")
    print(f"next {a.n}: server median {statistics.median(server):.1f} ms (min {min(server):.1f}, max {max(server):.1f}); "
          f"client median {statistics.median(client):.1f} ms (min {min(client):.1f}, max {max(client):.1f})")
