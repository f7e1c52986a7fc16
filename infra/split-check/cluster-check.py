#!/usr/bin/env python3
"""Scale-out check: split-check.py's pipeline on a 3-broker KRaft cluster, with 2 api-edge and 3 export-consumer
processes, a mixed folder + Slack load, and the faults of a cluster in operation.

Starts three KRaft nodes (each broker and controller, a quorum of three voters; topics replicated three times with
min.insync.replicas=2, the producers' acks=all), PostgreSQL 15, the fake Slack (vendor-fakes' SlackWorkspacesMain,
its own JVM), 3 export-consumer and 2 api-edge processes (their executable jars). Connects several Slack workspaces,
one user each, through api-edge's OAuth routes against the fake's token exchange; export-consumer posts through the
real @modelcontextprotocol/server-slack (stdio), pointed at the fake. Then, one phase each with load running:
SIGKILL one broker (restart it on its data), SIGKILL one export-consumer (restart it), a rolling restart of every
export-consumer (SIGTERM, one at a time, each back before the next), SIGKILL one api-edge while clients retry on the
other with the same Idempotency-Key. Then, without faults, a fixed burst with 1, 2 and 3 export-consumers running
(completed/s, partitions and deliveries per instance) and a per-deliverable order probe. Counts as split-check.py
does, Slack messages alongside the folder files. Exit codes as split-check.py's.

Standard library only. Not part of ./mvnw verify: CI runs it after verify; run it by hand (see README.md next to it).
"""

import importlib.util
import json
import re
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

_spec = importlib.util.spec_from_file_location("split_check", Path(__file__).resolve().parent / "split-check.py")
split = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(split)
log, Proc, Request, SetupError = split.log, split.Proc, split.Request, split.SetupError

FAULTS = {
    "broker": "SIGKILL one of the three brokers, restart it on its data",
    "consumer": "SIGKILL one export-consumer, restart it",
    "rolling": "rolling restart of every export-consumer (SIGTERM, one at a time, each healthy before the next)",
    "edge": "SIGKILL one api-edge, restart it; clients retry on the other with the same key",
}
PARTITIONS = 6  # of each topic: yarnnn.kafka.partitions, its default
SLACK_MAIN = "com.yarnnn.export.fakes.standalone.SlackWorkspacesMain"
TITLE_NUMBER = re.compile(r"Split check \S+ r(\d{5})")
# the Kafka consumer's log line after each rebalance: the partitions one consumer (client id) of a group holds now
ASSIGNMENT = re.compile(r"clientId=(\S+), groupId=export-worker\.(folder|slack)\] Notifying assignor about the new "
                        r"Assignment\(partitions=\[([^\]]*)\]")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


class ClusterRun(split.Run):
    FAULTS = FAULTS
    BROKERS, CONSUMERS, EDGES = 3, 3, 2

    def __init__(self, args):
        super().__init__(args)
        self.folder_users = [str(uuid.uuid4()) for _ in range(args.folder_users)]
        self.slack_users = [str(uuid.uuid4()) for _ in range(args.workspaces)]
        self.connections = {}  # Slack user -> its connection id
        self.throughput = []   # (consumers, exports, seconds, partitions per instance, deliveries per instance)
        self.ordering = None   # route -> [connections delivered in order, connections probed]

    # ---- the stack

    def start_stack(self):
        self.start_fake_slack()
        super().start_stack()
        self.connect_workspaces()

    def start_fake_slack(self):
        jars = sorted(split.REPO.glob("vendor-fakes/target/vendor-fakes-*.jar"))
        if not jars:
            raise SetupError("vendor-fakes/target/vendor-fakes-*.jar is missing: ./mvnw -B -q -o package -DskipTests")
        classpath = split.maven_classpath("vendor-fakes", [split.REPO / "vendor-fakes" / "pom.xml",
                                                           split.REPO / "pom.xml"], ["-pl", "vendor-fakes"])
        ready = self.dir / "fake-slack.json"
        self.fake_slack = Proc("fake-slack", [self.java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                                              f"{jars[-1]}:{classpath}", SLACK_MAIN, str(len(self.slack_users)),
                                              str(ready)], None, self.logs)
        self.processes.append(self.fake_slack)
        self.fake_slack.start()
        self.fake_slack.wait_until(ready.exists, "its ready file", 60)
        self.slack = json.loads(ready.read_text())
        self.oauth_client_secret = secrets.token_urlsafe(24)

    def extra_environment(self):
        return {"SLACK_CLIENT_ID": "cluster-check", "SLACK_CLIENT_SECRET": self.oauth_client_secret,
                "YARNNN_OAUTH_STATE_SECRET": secrets.token_urlsafe(32)}

    def deployable_arguments(self):
        # the topics as on a production cluster (min.insync.replicas follows: 2); server-slack pointed at the fake
        # by the operators' override (docs/providers.md), no code
        return ["--yarnnn.kafka.replication-factor=3",
                "--yarnnn.mcp.servers.slack.env.NODE_OPTIONS=--import="
                + str(split.REPO / "infra" / "mcp-servers" / "slack-fetch-redirect.mjs"),
                "--yarnnn.mcp.servers.slack.env.SLACK_API_BASE_URL=" + self.slack["slack_api_base_url"]]

    def edge_arguments(self):
        return ["--spring.security.oauth2.client.provider.slack.token-uri=" + self.slack["token_url"]]

    def user_tokens(self):
        return {user: split.jwt(self.jwt_secret, user) for user in self.folder_users + self.slack_users}

    def connect_workspaces(self):
        """Each Slack user connects its own workspace the way a browser does: oauth/start, then the vendor's
        redirect to the callback with a code (the fake's `workspace-<i>`)."""
        edge = f"http://127.0.0.1:{self.edges[0].port}"
        opener = urllib.request.build_opener(NoRedirect)
        for i, user in enumerate(self.slack_users, 1):
            headers = {"Authorization": "Bearer " + self.client.tokens[user]}
            with urllib.request.urlopen(urllib.request.Request(
                    edge + "/api/integrations/slack/oauth/start", headers=headers), timeout=30) as answer:
                authorization = json.load(answer)["authorization_url"]
            state = urllib.parse.parse_qs(urllib.parse.urlparse(authorization).query)["state"][0]
            try:
                opener.open(edge + "/api/integrations/slack/oauth/callback?" + urllib.parse.urlencode(
                    {"code": f"workspace-{i}", "state": state}), timeout=30)
                location = ""
            except urllib.error.HTTPError as redirect:
                location = redirect.headers.get("Location", "")
            if "connected=slack" not in location:
                raise SetupError(f"connecting Slack workspace {i} failed: redirected to {location!r}")
            with urllib.request.urlopen(urllib.request.Request(
                    edge + "/api/integrations/connected", headers=headers), timeout=30) as answer:
                self.connections[user] = json.load(answer)["connections"][0]["connection_id"]
        log(f"{len(self.connections)} Slack workspaces connected through api-edge's OAuth routes")

    # ---- the load

    def new_request(self, n, phase):
        """Every other request a Slack export (connections and channels in turn), else a folder export (users in
        turn: a folder export's partition key is its user)."""
        if n % 2:
            return Request(n, phase, self.run_id, self.folder_users[n // 2 % len(self.folder_users)])
        slot = n // 2
        user = self.slack_users[slot % len(self.slack_users)]
        channel = self.slack["channels"][slot // len(self.slack_users) % len(self.slack["channels"])]
        return Request(n, phase, self.run_id, user, "slack", channel)

    def inject(self, fault):
        if fault == "rolling":
            for consumer in self.consumers:
                consumer.sigterm()
                consumer.start()
                consumer.wait_until(consumer.ready, "readiness after the restart", 300)
            return
        process, ready = {
            "broker": (self.brokers[1], lambda: split.accepting(self.brokers[1].port)),
            "consumer": (self.consumers[1], self.consumers[1].ready),
            "edge": (self.edges[1], self.edges[1].ready),
        }[fault]
        process.sigkill()
        time.sleep(self.args.down)
        process.start()
        process.wait_until(ready, "readiness after the restart", 300)

    def drive(self):
        super().drive()
        log("fault phases answered; waiting for them to be terminal before the throughput bursts")
        self.settle()
        first = len(self.requests) + 1
        for running in (3, 2):  # down to one export-consumer
            self.consumers[running - 1].sigterm()
        for running in (1, 2, 3):
            if running > 1:
                consumer = self.consumers[running - 1]
                consumer.start()
                consumer.wait_until(consumer.ready, "readiness", 300)
            self.wait_for_balance(self.consumers[:running])
            first = self.measure(running, first)
        self.probe_ordering(first)

    def wait_for_balance(self, running):
        """Until the folder and Slack groups have settled on the running instances: each holds partitions of both,
        every request-topic partition is held exactly once, and that has not changed for 3 s (an instance's
        consumers join one by one, so a group may rebalance more than once)."""
        def balanced():
            held = [self.assignment(consumer) for consumer in running]
            partitions = [p for h in held for ps in h.values() for p in ps]
            settled = all({"folder", "slack"} <= h.keys() for h in held) \
                and len(partitions) == len(set(partitions)) == 2 * PARTITIONS
            return held if settled else None
        previous, deadline = None, time.monotonic() + 120
        while time.monotonic() < deadline:
            now = balanced()
            if now is not None and now == previous:
                return
            previous = now
            time.sleep(3)
        raise SetupError(f"the folder and Slack groups did not settle on {len(running)} export-consumers in 120 s")

    def assignment(self, consumer):
        """The folder and Slack request-topic partitions the instance holds now, from its log (each consumer's
        last assignment): provider -> partitions; a provider without any is left out."""
        held = {}
        for client, provider, partitions in ASSIGNMENT.findall(Path(consumer.log_path).read_text(errors="replace")):
            held[(provider, client)] = [p.strip() for p in partitions.split(",") if p.strip() and ".retry-" not in p]
        providers = {}
        for (provider, _), partitions in held.items():
            providers.setdefault(provider, []).extend(partitions)
        return {provider: sorted(partitions) for provider, partitions in providers.items() if partitions}

    def send_all(self, requests):
        threads = [threading.Thread(target=self.client.send, args=(r,), daemon=True) for r in requests]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def wait_terminal(self, requests, timeout):
        ids = {r.export_id for r in requests if r.export_id}
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            rows = dict(self.postgres.psql("select export_id, status from export_status"))
            if all(rows.get(i) in split.TERMINAL for i in ids):
                return True
            time.sleep(0.25)
        return False

    def measure(self, running, first):
        """A burst of --throughput-burst exports at once with `running` export-consumers, after a warm-up burst of
        the same users and connections (so the same partitions, and the same MCP servers started); answers the next
        request number."""
        phase = f"{running} consumer" + ("s" if running > 1 else "")
        self.phases.append((phase, None))
        size = self.args.throughput_burst
        warm_up = [self.new_request(first + i, phase) for i in range(size)]
        requests = [self.new_request(first + size + i, phase) for i in range(size)]
        self.requests += warm_up + requests
        self.send_all(warm_up)
        self.wait_terminal(warm_up, self.args.settle)
        log(f"throughput: {len(requests)} exports at once, {running} export-consumer(s)")
        started = time.monotonic()
        self.send_all(requests)
        self.wait_terminal(requests, self.args.settle)
        took = time.monotonic() - started
        ids = ",".join(f"'{r.export_id}'" for r in requests if r.export_id) or "null"
        workers = self.postgres.psql(f"select worker_id, count(*) from export_delivery where export_id in ({ids}) "
                                     "group by worker_id")
        delivered = {}
        for worker, count in workers:
            instance = worker.split("@", 1)[-1].split("/", 1)[0]
            delivered[instance] = delivered.get(instance, 0) + int(count)
        partitions = {c.name: sum(len(p) for p in self.assignment(c).values()) for c in self.consumers[:running]}
        self.throughput.append((running, len(requests), took, partitions, delivered))
        log(f"throughput: {len(requests) / took:.1f} completed/s with {running}; delivered per instance {delivered}")
        return first + 2 * size

    def probe_ordering(self, first):
        """Each Slack connection sends --ordering versions of one deliverable to one channel one after another (each
        accepted before the next is sent), all connections at once; then whether each channel shows them in that
        order. (The product keeps that order per deliverable and destination; one connection's different
        deliverables are delivered in parallel, docs/guarantees.md.) The first half of the connections send every
        version through one api-edge, the others through both in turn (the client's spread: by request number)."""
        phase, per_connection = "ordering", self.args.ordering
        channel = self.slack["channels"][-1]
        sequences = []
        for c, user in enumerate(self.slack_users):
            deliverable, block = str(uuid.uuid4()), first + c * 2 * per_connection
            step = 2 if c < len(self.slack_users) // 2 else 1  # even numbers only: always api-edge 1
            sequences.append([Request(block + step * i, phase, self.run_id, user, "slack", channel, deliverable)
                              for i in range(per_connection)])
        self.requests += [r for sequence in sequences for r in sequence]
        self.phases.append((phase, None))
        log(f"ordering: {per_connection} versions per Slack connection, sent one after another")

        def send_in_turn(sequence):
            for request in sequence:
                self.client.send(request)
        threads = [threading.Thread(target=send_in_turn, args=(s,), daemon=True) for s in sequences]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.wait_terminal([r for s in sequences for r in s], self.args.settle)
        in_order = {"one api-edge": [0, 0], "both api-edges": [0, 0]}
        for workspace, sequence in zip(self.slack_posts(), sequences):
            sent = [r.n for r in sequence]
            seen = [n for n in (self.title_number(p) for p in sorted(workspace["posts"], key=lambda p: float(p["ts"]))
                                if p["channel"] == channel and not p.get("thread_ts")) if n in sent]
            route = "one api-edge" if sent[1] - sent[0] == 2 else "both api-edges"
            in_order[route][0] += seen == sent
            in_order[route][1] += 1
            if seen != sent:
                log(f"ordering: {route}, sent {sent}, in the channel {seen}")
        self.ordering = in_order

    # ---- the counts

    def slack_posts(self):
        """Every message in the fake Slack, workspace by workspace; kept as logs/slack-posts.json."""
        with urllib.request.urlopen(self.slack["posts_url"], timeout=30) as answer:
            posts = json.load(answer)["workspaces"]
        (self.logs / "slack-posts.json").write_text(json.dumps(posts, indent=1))
        return posts

    @staticmethod
    def title_number(post):
        found = TITLE_NUMBER.search(post.get("text") or "")
        return int(found.group(1)) if found else None

    def deliveries(self):
        """The folder files, and every top-level Slack message (an export's first), named by workspace, channel
        and ts; a Slack message names its request by the title, the export by the id the key derives."""
        found = super().deliveries()
        by_number = {r.n: r for r in self.requests}
        self.slack_messages = 0
        for workspace in self.slack_posts():
            self.slack_messages += len(workspace["posts"])
            for post in workspace["posts"]:
                if post.get("thread_ts"):
                    continue
                n = self.title_number(post)
                request = by_number.get(n)
                export_id = request.expected[request.keys[0]] if request else None
                found[f"slack {workspace['team_id']} {post['channel']} {post['ts']}"] = (export_id, n)
        return found

    def report(self, settled):
        lines, failed = super().report(settled)
        extra = [f"Slack messages {self.slack_messages} (an export's first message and any replies in its thread)"]
        if self.throughput:
            extra.append("")
            extra.append("export-consumers  exports  seconds  completed/s  request partitions per instance  "
                         "delivered per instance")
            for running, count, took, partitions, delivered in self.throughput:
                extra.append(f"{running:>16}  {count:>7}  {took:>7.1f}  {count / took:>11.1f}  "
                             f"{json.dumps(partitions):<32}  {json.dumps(dict(sorted(delivered.items())))}")
        if self.ordering:
            extra.append("order: Slack connections whose versions of one deliverable, sent one after another to one "
                         "channel, are in it in the order sent: " + ", ".join(
                             f"{kept}/{probed} sent through {route}" for route, (kept, probed) in self.ordering.items()))
        return lines[:-1] + extra + lines[-1:], failed


def parse_args():
    parser = split.argument_parser(
        "infra/split-check/cluster-check.py",
        "A 3-broker KRaft cluster, 2 api-edge and 3 export-consumer processes, PostgreSQL and a fake Slack: mixed "
        "folder + Slack exports while a broker, an export-consumer, every export-consumer in turn and an api-edge "
        "are stopped; then throughput with 1, 2 and 3 export-consumers. Exit 0: all clean; 1: a finding; 2: a "
        "process did not start (or come back).", FAULTS, 240)
    parser.set_defaults(rate=6.0, burst=24, java_opts="-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
    for option, default, meaning in (
            ("--workspaces", 4, "Slack workspaces, one user each"),
            ("--folder-users", 8, "users the folder exports are spread over"),
            ("--throughput-burst", 60, "exports sent at once for each of 1, 2 and 3 export-consumers, each after a "
                                       "warm-up burst as large"),
            ("--ordering", 8, "versions of one deliverable each Slack connection sends one after another for the "
                              "order probe")):
        parser.add_argument(option, type=int, default=default, help=f"{meaning} (default {default})")
    parser.add_argument("--lean", action="store_true",
                        help="a few exports per phase (-n 24, bursts of 6, throughput bursts of 16, 4 per "
                             "connection): minutes, for a CI")
    args = parser.parse_args()
    if args.lean:
        args.exports, args.burst, args.throughput_burst, args.ordering, args.rate = 24, 6, 16, 4, 4.0
    return split.checked(parser, args, FAULTS)


if __name__ == "__main__":
    raise SystemExit(split.run_main(ClusterRun(parse_args())))
