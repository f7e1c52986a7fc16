#!/usr/bin/env python3
"""Split-deployment check: the pipeline deployed as an operator runs it, driven while each process is killed.

Starts a standalone KRaft broker (kafka_2.13 from Maven Central, its own JVM), a PostgreSQL 15 server (Debian's
binaries), export-consumer and api-edge (their executable jars, configured by environment variables as the
README's Configuration table says), then sends folder exports through POST /api/integrations/export as a careful
client would (bearer JWT, one Idempotency-Key per export, same-key retries on no answer / 5xx). One fault phase per
process: SIGKILL export-consumer and restart it, SIGKILL api-edge and restart it, SIGKILL the broker and restart
it, restart PostgreSQL with `pg_ctl restart -m immediate`. At the end it waits until every export is terminal and
counts, per phase: accepted, SUCCEEDED, lost, duplicated, non-terminal, and whether every same-key retry mapped to
the export of its first try. Exits 1 when anything was lost, duplicated or left non-terminal, or a same-key retry
mapped elsewhere; 2 when a process could not be started or did not come back after its restart.

Standard library only. Not part of ./mvnw verify: run it by hand (see README.md next to it).
"""

import argparse
import base64
import glob
import hashlib
import hmac
import json
import os
import pwd
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import namedtuple
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
TERMINAL = {"SUCCEEDED", "FAILED", "DEAD_LETTERED"}
FAULTS = {
    "consumer": "SIGKILL export-consumer, restart it",
    "edge": "SIGKILL api-edge, restart it",
    "broker": "SIGKILL the broker, restart it",
    "postgres": "pg_ctl restart -m immediate",
}
DESTINATION = "split-check"


def log(message):
    print(time.strftime("%H:%M:%S ") + message, flush=True)


class SetupError(Exception):
    """A process could not be started, or did not come back after its restart: exit 2, see its log."""


def in_background(work):
    """Runs work in a thread; the function returned waits for it and raises what it raised."""
    failure = []

    def run():
        try:
            work()
        except BaseException as error:  # handed to the caller
            failure.append(error)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def join():
        thread.join()
        if failure:
            raise failure[0]
    return join


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def accepting(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def tail(path, lines=25):
    try:
        return "".join(Path(path).read_text(errors="replace").splitlines(True)[-lines:])
    except OSError:
        return ""


# ---------------------------------------------------------------------------------------------------- processes

class Proc:
    """One JVM this script starts (again and again): its own session, so cleanup also reaches its children
    (export-consumer's MCP servers); every generation logs to its own file."""

    started_groups = []  # every process group ever started, killed at cleanup (orphaned children included)

    def __init__(self, name, command, env, logs):
        self.name, self.command, self.env, self.logs = name, command, env, logs
        self.process, self.generation = None, 0

    def start(self):
        self.generation += 1
        self.log_path = self.logs / f"{self.name}-{self.generation}.log"
        with open(self.log_path, "ab") as out:
            self.process = subprocess.Popen(self.command, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, cwd=self.logs, start_new_session=True)
        Proc.started_groups.append(self.process.pid)

    def sigkill(self):
        """SIGKILL the JVM only, as a crash would: its children are left to notice on their own."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def sigterm(self, timeout=120):
        """A graceful stop, as an orchestrator's: SIGTERM, then wait until the JVM has exited (SIGKILL after
        `timeout` seconds)."""
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.sigkill()

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def wait_until(self, ready, what, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise SetupError(f"{self.name} exited (code {self.process.returncode}) before {what}; "
                                 f"{self.log_path}:\n{tail(self.log_path)}")
            if ready():
                return
            time.sleep(0.5)
        raise SetupError(f"{self.name}: no {what} after {timeout} s; see {self.log_path}")

    @classmethod
    def kill_all(cls):
        for group in cls.started_groups:
            try:
                os.killpg(group, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


def health_up(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/health", timeout=3) as answer:
            return answer.status == 200 and json.load(answer).get("status") == "UP"
    except (OSError, ValueError):
        return False


class Postgres:
    """A PostgreSQL 15 server on a free port, data under the run directory. PostgreSQL refuses to run as root:
    when this script is root the server (initdb, pg_ctl) runs as the `postgres` user, else `nobody`."""

    def __init__(self, run_dir, logs):
        self.base, self.data, self.socket = run_dir / "pg", run_dir / "pg" / "data", run_dir / "pg" / "socket"
        self.log_path = logs / "postgres.log"
        self.port = free_port()
        self.password = secrets.token_urlsafe(24)
        self.as_user = []
        if os.geteuid() == 0:
            user = "postgres" if _user_exists("postgres") else "nobody"
            self.as_user = ["runuser", "-u", user, "--"]
            self.owner = pwd.getpwnam(user)

    def _run(self, *args, **kwargs):
        try:
            return subprocess.run(self.as_user + [str(PG_BIN / args[0]), *args[1:]], check=True,
                                  capture_output=True, text=True, cwd=self.base, **kwargs)
        except subprocess.CalledProcessError as error:
            raise SetupError(f"{args[0]} failed: {error.stderr.strip()}; see {self.log_path}") from None

    def init_and_start(self):
        for tool in ("initdb", "pg_ctl", "psql"):
            if not (PG_BIN / tool).exists():
                raise SetupError(f"{PG_BIN / tool} is missing: apt-get install postgresql-15 (or set PG_BIN)")
        self.socket.mkdir(parents=True)
        self.log_path.touch()
        if self.as_user:
            for path in (self.base, self.socket, self.log_path):
                os.chown(path, self.owner.pw_uid, self.owner.pw_gid)
        # local socket: trust (this script's psql); TCP: scram passwords, as the deployables connect
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-E", "UTF8", "--auth-local=trust",
                  "--auth-host=scram-sha-256")
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\n"
                       f"unix_socket_directories = '{self.socket}'\n")
        self.start()
        # the database must exist before the deployables start; its owner runs the Liquibase changelog (DDL)
        self.psql(f"create role yarnnn login password '{self.password}'; create database yarnnn owner yarnnn;",
                  database="postgres")

    def start(self):
        self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.log_path))

    def restart_immediate(self):
        self._run("pg_ctl", "restart", "-w", "-t", "60", "-m", "immediate", "-D", str(self.data),
                  "-l", str(self.log_path))

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            subprocess.run(self.as_user + [str(PG_BIN / "pg_ctl"), "stop", "-m", "immediate", "-D", str(self.data)],
                           capture_output=True)

    def psql(self, sql, database="yarnnn"):
        """Runs SQL as the superuser over the local socket; the SQL goes on stdin (it may hold the password)."""
        done = subprocess.run([str(PG_BIN / "psql"), "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                               "-h", str(self.socket), "-p", str(self.port), "-U", "postgres", "-d", database],
                              input=sql, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"psql failed: {done.stderr.strip()}")
        return [line.split("\t") for line in done.stdout.splitlines() if line]

    def jdbc_url(self):
        return f"jdbc:postgresql://127.0.0.1:{self.port}/yarnnn"


def _user_exists(name):
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def maven_classpath(name, poms, maven_args):
    """A runtime classpath Maven resolves, offline first, online when something is missing from the local
    repository. Kept in target/<name>-classpath.txt until a pom changes or a jar disappears (Maven alone takes
    10-40 s on a busy machine)."""
    out = HERE / "target" / f"{name}-classpath.txt"
    if out.exists() and all(out.stat().st_mtime > pom.stat().st_mtime for pom in poms):
        classpath = out.read_text().strip()
        if classpath and all(Path(jar).exists() for jar in classpath.split(os.pathsep)):
            return classpath
    base = [str(REPO / "mvnw"), "-B", "-q", *maven_args, "dependency:build-classpath", f"-Dmdep.outputFile={out}",
            "-Dmdep.includeScope=runtime"]
    for command in (base[:1] + ["-o"] + base[1:], base):
        if subprocess.run(command, cwd=REPO, capture_output=True).returncode == 0:
            return out.read_text().strip()
    raise SetupError(f"Maven could not resolve the {name} classpath: {' '.join(base)}")


def broker_classpath():
    """kafka_2.13 and its runtime dependencies, at the version Spring Boot manages for the pipeline (the pom
    here inherits it)."""
    return maven_classpath("broker", [HERE / "pom.xml", REPO / "pom.xml"], ["-f", str(HERE / "pom.xml")])


def brokers(java, java_opts, run_dir, logs, count=1):
    """`count` KRaft nodes, each broker and controller at once (a quorum of `count` voters), each its own JVM;
    the internal topics replicated `count` times. One is named `broker`, several `broker-1`, `broker-2`, ..."""
    ports = [(free_port(), free_port()) for _ in range(count)]
    voters = ",".join(f"{node}@localhost:{controller}" for node, (_, controller) in enumerate(ports, 1))
    classpath = broker_classpath()
    cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
    nodes = []
    for node, (port, controller) in enumerate(ports, 1):
        name = "broker" if count == 1 else f"broker-{node}"
        directory = run_dir / "kafka" / name
        directory.mkdir(parents=True)
        properties = directory / "server.properties"
        properties.write_text("\n".join([
            "process.roles=broker,controller",
            f"node.id={node}",
            f"controller.quorum.voters={voters}",
            f"listeners=PLAINTEXT://localhost:{port},CONTROLLER://localhost:{controller}",
            f"advertised.listeners=PLAINTEXT://localhost:{port}",
            "controller.listener.names=CONTROLLER",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            f"log.dirs={directory / 'data'}",
            f"offsets.topic.replication.factor={count}",
            f"transaction.state.log.replication.factor={count}",
            f"transaction.state.log.min.isr={min(2, count)}",
            "group.initial.rebalance.delay.ms=0",
            "message.max.bytes=4194304",
            "auto.create.topics.enable=false",
            ""]))
        with open(logs / f"{name}-format.log", "wb") as out:
            if subprocess.run([java, "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", cluster_id,
                               "-c", str(properties)], stdout=out, stderr=subprocess.STDOUT).returncode != 0:
                raise SetupError(f"formatting {name}'s storage failed; see {logs / f'{name}-format.log'}")
        process = Proc(name, [java, *java_opts, "-cp", classpath, "kafka.Kafka", str(properties)],
                       dict(os.environ), logs)
        process.port = port
        nodes.append(process)
    return nodes


# --------------------------------------------------------------------------------------------------- the client

def jwt(secret, user_id, valid_for=7200):
    """HS256 over the secret's UTF-8 bytes, `sub` = the user id, `exp` (as the product's auth signs them)."""
    def b64(data):
        return base64.urlsafe_b64encode(data).rstrip(b"=")
    now = int(time.time())
    signing_input = b64(b'{"alg":"HS256","typ":"JWT"}') + b"." + b64(
        json.dumps({"sub": str(user_id), "iat": now, "exp": now + valid_for}).encode())
    signature = hmac.new(secret.encode(), signing_input, hashlib.sha256).digest()
    return (signing_input + b"." + b64(signature)).decode()


def export_id_for(user_id, key):
    """The id api-edge derives from the key: Java's UUID.nameUUIDFromBytes("<user>:<key>") (MD5, version 3)."""
    return str(uuid.UUID(bytes=hashlib.md5(f"{user_id}:{key}".encode()).digest(), version=3))


# one HTTP try: start and end in seconds since the run began, the key sent, the api-edge it went to (0-based), the
# outcome (HTTP status, or the error's name when there was no answer), the export id of a 2xx answer, the problem's
# detail of an error answer
Try = namedtuple("Try", "start end key edge outcome export_id detail")


class Request:
    """One logical export request and every try the client made for it."""

    def __init__(self, n, phase, run_id, user_id, provider="folder", destination=DESTINATION, deliverable_id=None):
        self.n, self.phase, self.user_id, self.provider = n, phase, user_id, provider
        self.title = f"Split check {run_id} r{n:05d}"
        body = {"provider_id": provider, "destination_id": destination, "title": self.title,
                "deliverable_version_id": str(uuid.uuid4()), "content": f"## Request {n}\n\nPhase {phase}.\n"}
        if deliverable_id:  # versions of one deliverable to one destination: delivered in the order sent
            body["deliverable_id"] = deliverable_id
        self.body = json.dumps(body).encode()
        self.keys = [f"split-{run_id}-{n:05d}"]
        self.expected = {self.keys[0]: export_id_for(user_id, self.keys[0])}
        self.tries = []        # Try, in order
        self.outcome = None    # the final answer: 202/200, a 4xx, or "gave-up"
        self.export_id = None  # the export id of the final 2xx answer
        self.done = threading.Event()


class Client:
    """A careful client: the same request with the same Idempotency-Key again after no answer, a connection error,
    5xx or 429, with exponential backoff and jitter, until 2xx or another 4xx, for at most `retry_for` seconds.
    Requests are spread over the api-edges of `base_urls` (by request number); each retry goes to the next one, so a
    dead api-edge's requests go on at another with the same key. `tokens`: each user's bearer token."""

    RETRYABLE = {408, 429}

    def __init__(self, base_urls, tokens, retry_for, follow_422, began):
        self.base_urls, self.tokens, self.retry_for = base_urls, tokens, retry_for
        self.follow_422, self.began = follow_422, began

    def send(self, request):
        try:
            self._send(request)
        finally:
            request.done.set()

    def _send(self, request):
        deadline, backoff = time.monotonic() + self.retry_for, 0.25
        key = request.keys[0]
        while True:
            start = time.monotonic() - self.began
            edge = (request.n + len(request.tries)) % len(self.base_urls)
            outcome, export_id, detail = self._try(request, key, self.base_urls[edge])
            request.tries.append(Try(round(start, 3), round(time.monotonic() - self.began, 3), key, edge, outcome,
                                     export_id, detail))
            if isinstance(outcome, int) and outcome < 300:
                request.outcome, request.export_id = outcome, export_id
                break
            if outcome == 422 and self.follow_422 and len(request.keys) == 1 and len(request.tries) > 1:
                # what the 422 advises ("use a new key for a new request"): the route to a second delivery
                key = f"{key}-new"
                request.keys.append(key)
                request.expected[key] = export_id_for(request.user_id, key)
                continue
            if isinstance(outcome, int) and outcome < 500 and outcome not in self.RETRYABLE:
                request.outcome = outcome
                break
            if time.monotonic() >= deadline:
                request.outcome = "gave-up"
                break
            time.sleep(random.uniform(backoff / 2, backoff))
            backoff = min(backoff * 2, 4.0)

    def _try(self, request, key, base_url):
        http = urllib.request.Request(base_url + "/api/integrations/export", data=request.body, method="POST",
                                      headers={"Content-Type": "application/json", "Idempotency-Key": key,
                                               "Authorization": "Bearer " + self.tokens[request.user_id]})
        try:
            # api-edge waits up to 10 s for the broker's ack (yarnnn.kafka.publish-timeout)
            with urllib.request.urlopen(http, timeout=15) as answer:
                return answer.status, json.load(answer).get("export_id"), None
        except urllib.error.HTTPError as error:
            try:
                detail = json.loads(error.read() or b"{}").get("detail")
            except (OSError, ValueError, AttributeError):
                detail = None
            return error.code, None, detail and str(detail)[:200]
        except (TimeoutError, socket.timeout):
            return "timeout", None, None
        except Exception as error:  # no usable answer (refused, reset, cut off mid-answer): try again
            reason = getattr(error, "reason", error)
            return type(reason).__name__, None, None


USER_ID = str(uuid.uuid4())  # the one user every request of a run is sent as


# ------------------------------------------------------------------------------------------------ the evidence

class FileWatch(threading.Thread):
    """Notes the inode of every file under the destination folder, every 200 ms. server-filesystem replaces an
    existing file by rename (a new inode), so a file seen with two inodes was written twice: the provider was
    called again for the same export, which a folder hides but a Slack post or an email would not."""

    def __init__(self, folder):
        super().__init__(daemon=True)
        self.folder, self.inodes, self.stopped = folder, {}, threading.Event()

    def run(self):
        while not self.stopped.is_set():
            self.scan()
            self.stopped.wait(0.2)

    def scan(self):
        try:
            entries = list(os.scandir(self.folder))
        except FileNotFoundError:
            return
        for entry in entries:
            if entry.name.endswith(".md"):
                try:
                    self.inodes.setdefault(entry.name, set()).add(entry.inode())
                except OSError:
                    pass

    def rewritten(self):
        return {name for name, inodes in self.inodes.items() if len(inodes) > 1}


def read_files(folder):
    """file name -> (export id, request number) from each file's front matter and title."""
    files = {}
    for path in sorted(glob.glob(str(folder / "*.md"))):
        text = Path(path).read_text(errors="replace")
        export_id = re.search(r"^export_id: (\S+)$", text, re.M)
        number = re.search(r"^title: .* r(\d{5})\"?$", text, re.M)
        files[os.path.basename(path)] = (export_id.group(1) if export_id else None,
                                         int(number.group(1)) if number else None)
    return files


# -------------------------------------------------------------------------------------------------------- main

def argument_parser(prog, description, faults, exports):
    """The options every check of this folder takes: `faults` (name -> description) in order are the default
    phases, `exports` the default number of exports in all."""
    parser = argparse.ArgumentParser(
        prog=prog, description=description,
        epilog="Build the jars first: ./mvnw -B -q -o package -DskipTests (and npm ci in infra/mcp-servers).")
    parser.add_argument("-n", "--exports", type=int, default=exports,
                        help=f"exports to send in all (default {exports})")
    parser.add_argument("--faults", default=",".join(faults),
                        help="fault phases in order, comma-separated, from: " + ", ".join(faults)
                             + " (default all); the exports are split evenly between them")
    parser.add_argument("--rate", type=float, default=8.0, help="new requests per second (default 8)")
    parser.add_argument("--max-in-flight", type=int, default=48,
                        help="requests (with their retries) in progress at most (default 48)")
    parser.add_argument("--burst", type=int, default=32,
                        help="requests sent at once just before each fault, so it lands while they are in "
                             "progress (default 32)")
    parser.add_argument("--retry-for", type=float, default=120.0,
                        help="seconds a client keeps retrying one request before giving up (default 120)")
    parser.add_argument("--settle", type=float, default=180.0,
                        help="seconds to wait at the end for every export to be terminal (default 180)")
    parser.add_argument("--down", type=float, default=2.0,
                        help="seconds a killed process stays down before its restart (default 2)")
    parser.add_argument("--lease", default="15s",
                        help="export-consumer's yarnnn.delivery.lease: how soon a killed worker's claims are taken "
                             "over (default 15s; the product default 2m would make the run wait that long)")
    parser.add_argument("--follow-422", action="store_true",
                        help="on a 422 to a same-key retry, do what it says: send again with a new key "
                             "(shows whether that delivers twice)")
    parser.add_argument("--java-opts", default="-Xmx512m -XX:TieredStopAtLevel=1",
                        help="JVM options of the broker and both deployables (default: %(default)s)")
    parser.add_argument("--work-dir", default=None,
                        help="where the run's directory is made (default: the system's temp dir)")
    parser.add_argument("--keep-data", action="store_true",
                        help="keep the PostgreSQL and Kafka data (default: removed; logs and files are kept)")
    return parser


def checked(parser, args, faults):
    """The parsed options, the fault phases listed in `args.fault_list`; exits with the parser's message when
    they do not fit together."""
    args.fault_list = [f.strip() for f in args.faults.split(",") if f.strip()]
    unknown = [f for f in args.fault_list if f not in faults]
    if unknown or not args.fault_list:
        parser.error(f"unknown fault {unknown}; choose from {', '.join(faults)}")
    if args.exports < len(args.fault_list):
        parser.error("--exports must be at least one per fault phase")
    return args


def parse_args():
    parser = argument_parser(
        "infra/split-check/split-check.py",
        "Deploy broker, PostgreSQL, export-consumer and api-edge as separate processes, send folder exports while "
        "killing each process in turn, and count lost / duplicated / non-terminal exports and same-key retries that "
        "map elsewhere. Exit 0: all clean; 1: a finding; 2: a process did not start (or come back).", FAULTS, 400)
    return checked(parser, parser.parse_args(), FAULTS)


def deployable_jar(module):
    jars = sorted(glob.glob(str(REPO / module / "target" / f"{module}-*-exec.jar")))
    if not jars:
        raise SetupError(f"{module}/target/{module}-*-exec.jar is missing: ./mvnw -B -q -o package -DskipTests")
    return jars[-1]


class Run:
    """One split-deployment run: the stack, its load, and the counts."""

    FAULTS = FAULTS
    BROKERS, CONSUMERS, EDGES = 1, 1, 1

    def __init__(self, args):
        self.args = args
        self.began = time.monotonic()
        self.run_id = time.strftime("%H%M%S")
        root = Path(args.work_dir) if args.work_dir else Path(tempfile.gettempdir())
        self.dir = Path(tempfile.mkdtemp(prefix="split-check-", dir=root))
        self.dir.chmod(0o755)  # the PostgreSQL server user must reach its data dir inside
        self.logs = self.dir / "logs"
        self.logs.mkdir()
        self.exports = self.dir / "exports"
        self.exports.mkdir()
        self.java = str(Path(os.environ["JAVA_HOME"]) / "bin" / "java") if os.environ.get("JAVA_HOME") \
            else shutil.which("java")
        self.java_opts = args.java_opts.split()
        self.postgres = None
        self.processes = []
        self.consumers, self.edges = [], []
        self.requests = []
        self.phases = []  # (fault, seconds the fault took until the process was ready again)
        self.fault_times = []  # when each fault began, in seconds since the run began

    # ---- the stack

    def start_stack(self):
        if not self.java:
            raise SetupError("no java on PATH (or JAVA_HOME)")
        if not shutil.which("node"):
            raise SetupError("no node on PATH: the folder provider runs its MCP server with node")
        mcp_dir = REPO / "infra" / "mcp-servers"
        if not (mcp_dir / "node_modules" / "@modelcontextprotocol" / "server-filesystem").is_dir():
            raise SetupError(f"the MCP servers are not installed: (cd {mcp_dir} && npm ci)")
        consumer_jar, edge_jar = deployable_jar("export-consumer"), deployable_jar("api-edge")

        log(f"PostgreSQL ({PG_BIN}) and {self.BROKERS} broker(s) (kafka_2.13, a JVM each)")
        self.postgres = Postgres(self.dir, self.logs)
        postgres_ready = in_background(self.postgres.init_and_start)
        self.brokers = brokers(self.java, self.java_opts, self.dir, self.logs, self.BROKERS)
        self.broker = self.brokers[0]
        self.processes += self.brokers
        for node in self.brokers:
            node.start()
        for node in self.brokers:
            node.wait_until(lambda: accepting(node.port), "listener", 120)
        postgres_ready()

        self.jwt_secret = secrets.token_urlsafe(32)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("YARNNN_", "KAFKA_", "DATABASE_", "SPRING_", "MANAGEMENT_")) and k != "PORT"}
        env.update({
            "KAFKA_BOOTSTRAP_SERVERS": ",".join(f"localhost:{node.port}" for node in self.brokers),
            "DATABASE_URL": self.postgres.jdbc_url(),
            "DATABASE_USERNAME": "yarnnn",
            "DATABASE_PASSWORD": self.postgres.password,
            "YARNNN_JWT_SECRET": self.jwt_secret,
            "YARNNN_VAULT_KEYS": "k1:" + base64.b64encode(secrets.token_bytes(32)).decode(),
            "YARNNN_EXPORT_DIR": str(self.exports),
            "YARNNN_MCP_DIR": str(mcp_dir),
        }, **self.extra_environment())
        common_args = self.deployable_arguments()
        for i in range(1, self.CONSUMERS + 1):
            name = "export-consumer" if self.CONSUMERS == 1 else f"export-consumer-{i}"
            port, management = free_port(), free_port()
            # HOSTNAME names the instance in its ledger claims' worker id (export_delivery.worker_id)
            consumer = Proc(name, [self.java, *self.java_opts, "-jar", consumer_jar, *common_args,
                                   f"--yarnnn.delivery.lease={self.args.lease}",
                                   # a killed process's partitions move on after 6 s, not 45 s
                                   "--spring.kafka.consumer.properties[session.timeout.ms]=6000",
                                   "--spring.kafka.consumer.properties[heartbeat.interval.ms]=1000"],
                            dict(env, PORT=str(port), MANAGEMENT_PORT=str(management), HOSTNAME=name), self.logs)
            consumer.port, consumer.ready = port, (lambda m=management: health_up(m))
            self.consumers.append(consumer)
        for i in range(1, self.EDGES + 1):
            port = free_port()
            edge = Proc("api-edge" if self.EDGES == 1 else f"api-edge-{i}",
                        [self.java, *self.java_opts, "-jar", edge_jar, *common_args, *self.edge_arguments()],
                        dict(env, PORT=str(port)), self.logs)
            edge.port, edge.ready = port, (lambda p=port: health_up(p))
            self.edges.append(edge)
        self.processes += self.consumers + self.edges
        # both apply the Liquibase changelog: the others start once the first export-consumer has applied it, so
        # two first runs never race on an empty database (a different test); the rest of their start-up overlaps
        log(f"{self.CONSUMERS} export-consumer ({Path(consumer_jar).name}), {self.EDGES} api-edge "
            f"({Path(edge_jar).name})")
        self.consumers[0].start()
        self.consumers[0].wait_until(self.changelog_applied, "Liquibase changelog applied", 240)
        for process in self.consumers[1:] + self.edges:
            process.start()
        for process in self.consumers + self.edges:
            process.wait_until(process.ready, "healthy /actuator/health", 300)
        self.consumer, self.edge = self.consumers[0], self.edges[0]
        self.client = Client([f"http://127.0.0.1:{edge.port}" for edge in self.edges], self.user_tokens(),
                             self.args.retry_for, self.args.follow_422, self.began)
        log(f"stack up in {time.monotonic() - self.began:.0f} s: brokers "
            + ", ".join(f":{node.port}" for node in self.brokers) + f", PostgreSQL :{self.postgres.port}, "
            + "export-consumer " + ", ".join(f":{c.port}" for c in self.consumers) + ", api-edge "
            + ", ".join(f":{e.port}" for e in self.edges))

    def extra_environment(self):
        """Variables both deployables get besides the README table's (none here)."""
        return {}

    def deployable_arguments(self):
        """Command-line settings both deployables get (none here)."""
        return []

    def edge_arguments(self):
        """Command-line settings of api-edge only (none here)."""
        return []

    def user_tokens(self):
        """The bearer token of every user the run sends as."""
        return {USER_ID: jwt(self.jwt_secret, USER_ID)}

    def changelog_applied(self):
        try:
            return self.postgres.psql("select (select count(*) from databasechangelog) > 0 "
                                      "and not (select bool_or(locked) from databasechangeloglock)") == [["t"]]
        except RuntimeError:  # the tables do not exist yet
            return False

    def inject(self, fault):
        if fault == "postgres":
            self.postgres.restart_immediate()
            return
        process, ready = {
            "consumer": (self.consumer, self.consumer.ready),
            "edge": (self.edge, self.edge.ready),
            "broker": (self.broker, lambda: accepting(self.broker.port)),
        }[fault]
        process.sigkill()
        time.sleep(self.args.down)
        process.start()
        process.wait_until(ready, "readiness after the restart", 240)

    # ---- the load

    def new_request(self, n, phase):
        return Request(n, phase, self.run_id, USER_ID)

    def drive(self):
        """Every fault phase in turn, the exports split evenly between them."""
        per_phase, extra = divmod(self.args.exports, len(self.args.fault_list))
        first = 1
        for i, fault in enumerate(self.args.fault_list):
            count = per_phase + (1 if i < extra else 0)
            self.run_phase(fault, count, first)
            first += count

    def run_phase(self, fault, count, first):
        requests = [self.new_request(first + i, fault) for i in range(count)]
        self.requests += requests
        slots = threading.BoundedSemaphore(self.args.max_in_flight)
        launched = threading.Event()

        def send(request):
            try:
                self.client.send(request)
            finally:
                slots.release()

        pace, burst_at = 1 / self.args.rate, count // 3
        burst_end = burst_at + self.args.burst

        def launch_all():
            # paced, so requests arrive before, during and after the fault; a third of the way in, a burst
            # sent at once, so that the fault lands while many are in progress
            for i, request in enumerate(requests):
                slots.acquire()
                threading.Thread(target=send, args=(request,), daemon=True).start()
                if i + 1 == min(burst_end, count):
                    launched.set()
                if not burst_at <= i < burst_end:
                    time.sleep(pace)

        sender = threading.Thread(target=launch_all, daemon=True)
        sender.start()
        launched.wait()
        time.sleep(random.uniform(0.05, 0.3))  # the burst's requests reach api-edge, and go on through the pipeline
        log(f"phase {fault}: {self.FAULTS[fault]}")
        started = time.monotonic()
        self.fault_times.append(started - self.began)
        self.inject(fault)
        took = time.monotonic() - started
        self.phases.append((fault, took))
        log(f"phase {fault}: back in {took:.1f} s; waiting for the phase's requests to be answered")
        sender.join()
        for request in requests:
            request.done.wait()
        accepted = sum(1 for r in requests if r.export_id)
        log(f"phase {fault}: {accepted}/{count} accepted")

    def settle(self):
        """Waits until the pipeline has nothing in progress: every export it has a row for is terminal, and
        every accepted export has a row."""
        accepted = {r.export_id for r in self.requests if r.export_id}
        deadline = time.monotonic() + self.args.settle
        open_count = None
        while time.monotonic() < deadline:
            try:
                rows = dict(self.postgres.psql("select export_id, status from export_status"))
            except RuntimeError:
                rows = None
            if rows is not None:
                open_count = sum(1 for s in rows.values() if s not in TERMINAL) + len(accepted - rows.keys())
                if open_count == 0:
                    time.sleep(3)  # a straggling redelivery would land now
                    return True
            time.sleep(2)
        log(f"still {open_count} exports not terminal after {self.args.settle:.0f} s")
        return False

    # ---- the counts

    def deliveries(self):
        """Everything the providers delivered: a name each -> (export id, request number)."""
        return read_files(self.exports / DESTINATION)

    def report(self, settled):
        status = dict(self.postgres.psql("select export_id, status from export_status"))
        succeeded_rows = {e: int(c) for e, c in self.postgres.psql(
            "select export_id, count(*) from export_log where status = 'SUCCEEDED' group by export_id")}
        claims = {e: int(c) for e, c in self.postgres.psql("select export_id, claims from export_delivery")}
        files = self.deliveries()
        rewritten = self.watch.rewritten()
        files_of_export, files_of_request = {}, {}
        for name, (export_id, number) in files.items():
            files_of_export.setdefault(export_id, []).append(name)
            files_of_request.setdefault(number, []).append(name)
        by_number = {r.n: r for r in self.requests}

        def counts(requests):
            c = dict(sent=len(requests), in_flight=0, accepted=0, succeeded=0, failed=0, lost=0, duplicated=0,
                     non_terminal=0, gave_up=0, refused={}, retried=0, retry_tries=0, answered=0, mapped=0,
                     rewritten=0, reclaimed=0, unaccepted_delivered=0)
            for r in requests:
                if len(r.tries) > 1:
                    c["retried"] += 1
                    c["retry_tries"] += sum(1 for t in r.tries[1:] if t.key == r.keys[0])
                    # a same-key retry "maps" when its final answer (2xx or 4xx) names the export of the first
                    # try: the id derived from the key, which api-edge answers for that key every time
                    final = r.tries[-1]
                    if isinstance(final.outcome, int):
                        c["answered"] += 1
                        if final.key == r.keys[0] and final.export_id == r.expected[r.keys[0]]:
                            c["mapped"] += 1
                if any(t.start <= fault_at < t.end for t in r.tries for fault_at in self.fault_times):
                    c["in_flight"] += 1
                ids = {t.export_id for t in r.tries if t.export_id} | set(r.expected.values())
                delivered = files_of_request.get(r.n, [])
                if not r.export_id:
                    if r.outcome == "gave-up":
                        c["gave_up"] += 1
                    else:
                        c["refused"][r.outcome] = c["refused"].get(r.outcome, 0) + 1
                    if delivered:
                        c["unaccepted_delivered"] += 1
                    continue
                c["accepted"] += 1
                s = status.get(r.export_id)
                if s == "SUCCEEDED":
                    c["succeeded"] += 1
                elif s in TERMINAL:
                    c["failed"] += 1
                else:
                    c["non_terminal"] += 1
                if not files_of_export.get(r.export_id):
                    c["lost"] += 1
                # delivered more than once: two files for this request (e.g. under two export ids), two files
                # naming one export, or two SUCCEEDED history rows for one of its exports
                if len(delivered) > 1 or any(len(files_of_export.get(i, [])) > 1 or succeeded_rows.get(i, 0) > 1
                                             for i in ids):
                    c["duplicated"] += 1
                if any(n in rewritten for n in delivered):
                    c["rewritten"] += 1
                if claims.get(r.export_id, 0) > 1:
                    c["reclaimed"] += 1
            return c

        def row(label, c, took=None):
            share = f"{100 * c['mapped'] / c['answered']:.0f}%" if c["answered"] else "n/a"
            refused = ",".join(f"{k}x{v}" for k, v in sorted(c["refused"].items(), key=str)) or "0"
            return [label, f"{took:.1f} s" if took is not None else "", c["sent"], c["in_flight"], c["accepted"],
                    c["succeeded"], c["lost"], c["duplicated"], c["non_terminal"], c["failed"], c["retried"],
                    c["retry_tries"],
                    f"{c['mapped']}/{c['answered']} {share}", c["gave_up"], refused, c["unaccepted_delivered"],
                    c["rewritten"], c["reclaimed"]]

        header = ["phase", "ready after", "sent", "in flight", "accepted", "SUCCEEDED", "lost", "duplicated",
                  "non-terminal", "failed", "retried", "retries", "mapped", "gave up", "refused",
                  "unaccepted delivered", "called again", "re-claimed"]
        rows = [row(fault, counts([r for r in self.requests if r.phase == fault]), took)
                for fault, took in self.phases]
        total = counts(self.requests)
        rows.append(row("TOTAL", total))
        widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
        lines = ["  ".join(str(v).ljust(w) if i == 0 else str(v).rjust(w) for i, (v, w) in enumerate(zip(r, widths)))
                 for r in [header] + rows]
        distinct = {e for e, _ in files.values()}
        stray = [name for name, (e, n) in files.items() if n not in by_number]
        open_rows = sum(1 for s in status.values() if s not in TERMINAL)
        lines.append(f"files {len(files)} for {len(distinct)} distinct exports of {len(files_of_request)} requests; "
                     f"export_log SUCCEEDED rows {sum(succeeded_rows.values())} for {len(succeeded_rows)} exports; "
                     f"export_status rows {len(status)}, not terminal {open_rows}"
                     + (f"; files of no request of this run {len(stray)}" if stray else "")
                     + ("" if settled else f"; NOT SETTLED within {self.args.settle:.0f} s"))
        findings = []
        if total["lost"]:
            findings.append(f"{total['lost']} lost")
        if total["duplicated"] or len(files) != len(distinct):
            findings.append(f"{total['duplicated']} duplicated")
        if total["non_terminal"] or not settled:
            findings.append(f"{total['non_terminal']} non-terminal")
        if total["mapped"] != total["answered"]:
            findings.append(f"{total['answered'] - total['mapped']} same-key retries mapped elsewhere")
        lines += ["ready after: the fault's kill/restart until the process answered again; in flight: requests with "
                  "a try in progress when the fault began; retried: requests that "
                  "needed more than one try; retries: same-key tries after the first; mapped: retried requests whose "
                  "final answer named the export of the first try / those with a final answer (2xx or 4xx); "
                  "unaccepted delivered: not accepted, yet a file was written; called again: a file written twice "
                  "(new inode); re-claimed: ledger claims > 1",
                  "RESULT: " + ("PASS" if not findings else "FAIL (" + ", ".join(findings) + ")")
                     + f" in {time.monotonic() - self.began:.0f} s"]
        return lines, bool(findings)

    def write_requests(self):
        with open(self.logs / "requests.jsonl", "w") as out:
            for r in self.requests:
                out.write(json.dumps({"n": r.n, "phase": r.phase, "keys": r.keys, "expected": r.expected,
                                      "outcome": r.outcome, "export_id": r.export_id,
                                      "tries": [t._asdict() for t in r.tries]}) + "\n")

    def cleanup(self):
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # a second Ctrl-C must not cut this short
            signal.signal(sig, signal.SIG_IGN)
        Proc.kill_all()
        if self.postgres:
            self.postgres.stop()
        if not self.args.keep_data:
            shutil.rmtree(self.dir / "pg", ignore_errors=True)
            shutil.rmtree(self.dir / "kafka", ignore_errors=True)


def run_main(run):
    """Starts the stack, drives the run's load and faults, counts and reports; stops everything it started.
    Answers the exit code: 0 clean, 1 a finding, 2 the stack did not start or come back, 130 interrupted."""
    # SIGTERM / SIGHUP end the run like Ctrl-C: through the finally below, which stops everything it started
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signum, _: sys.exit(128 + signum))
    log(f"run directory (logs, exported files): {run.dir}")
    code = 0
    try:
        run.start_stack()
        run.watch = FileWatch(run.exports / DESTINATION)
        run.watch.start()
        run.drive()
        log("all requests answered; waiting for every export to be terminal")
        settled = run.settle()
        run.watch.stopped.set()
        run.watch.join()
        run.watch.scan()
        lines, failed = run.report(settled)
        run.write_requests()
        (run.logs / "summary.txt").write_text("\n".join(lines) + "\n")
        print("\n" + "\n".join(lines))
        code = 1 if failed else 0
    except SetupError as error:
        log(f"stack failed: {error}")
        code = 2
    except KeyboardInterrupt:
        log("interrupted")
        code = 130
    finally:
        run.cleanup()
        log(f"stopped everything it started; logs and files: {run.dir}")
    return code


def main():
    return run_main(Run(parse_args()))


if __name__ == "__main__":
    sys.exit(main())
