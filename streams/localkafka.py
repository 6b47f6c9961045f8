"""A real, single-node Apache Kafka (KRaft) for local runs and tests.

The broker is the official Apache Kafka jars, resolved by Maven from the committed
`ops/kafka/pom.xml` and run on the machine's Java:

    libs = ensure_kafka_jars(Path(".cache"))      # .cache/kafka-<version>/libs
    with LocalKafka(libs, Path("var/kafka")) as kafka:
        ...  # kafka.bootstrap == "127.0.0.1:<port>"

The JVM is tied to this Python process: it gets SIGKILL from the kernel when the
thread that started it dies (PR_SET_PDEATHSIG), and `stop()` runs at interpreter
exit, so neither a crash nor `kill -9` of the parent leaves a broker behind.
"""

from __future__ import annotations

import asyncio
import atexit
import base64
import concurrent.futures
import contextlib
import ctypes
import ctypes.util
import fcntl
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Collection
from pathlib import Path
from types import TracebackType

from aiokafka.client import AIOKafkaClient
from aiokafka.errors import KafkaError

log = logging.getLogger(__name__)

POM_PATH = Path(__file__).resolve().parent.parent / "ops" / "kafka" / "pom.xml"
INSTALL_HINT = "apt-get install openjdk-17-jre-headless maven"

_PR_SET_PDEATHSIG = 1
_GROUP_COORDINATOR, _TXN_COORDINATOR = 0, 1  # FindCoordinator key types
_LOG_TAIL_LINES = 40
_ERROR_LINE = re.compile(r"\] (ERROR|FATAL) ")
_EXCEPTION_LINE = re.compile(r"(Caused by: )?[\w.$]+(Exception|Error)(: |$)")


class LocalKafkaError(RuntimeError):
    """The local broker cannot be provided; the message says why and what to do."""


class KafkaToolingMissing(LocalKafkaError):
    """`java` or `mvn` is not on PATH."""


class KafkaStartError(LocalKafkaError):
    """The broker could not be formatted or did not come up."""


# --- Jars ------------------------------------------------------------------


def kafka_version(pom: Path = POM_PATH) -> str:
    """The `kafka.version` property of the broker pom: the one place the version lives."""
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    version = ET.parse(pom).getroot().findtext("m:properties/m:kafka.version", namespaces=ns)
    if not version:
        raise ValueError(f"{pom} has no <properties><kafka.version>")
    return version.strip()


def ensure_kafka_jars(cache_dir: Path = Path(".cache"), pom: Path = POM_PATH) -> Path:
    """Return `<cache_dir>/kafka-<version>/libs`, resolving the jars with Maven on first use.

    Maven writes into `libs.partial`, which is renamed to `libs` only when complete, so
    an interrupted download never looks like a cache. A file lock makes concurrent
    callers (make and pytest, parallel CI jobs) wait for one download instead of racing.
    """
    version = kafka_version(pom)
    home = cache_dir.resolve() / f"kafka-{version}"
    libs = home / "libs"
    if libs.is_dir():
        return libs

    _require_tool("java")
    mvn = _require_tool("mvn")
    home.mkdir(parents=True, exist_ok=True)
    with open(home / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if libs.is_dir():  # another process finished while we waited for the lock
            return libs
        partial = home / "libs.partial"
        shutil.rmtree(partial, ignore_errors=True)
        log.info(
            "Resolving Apache Kafka %s jars with Maven into %s (first run only)", version, libs
        )
        started = time.monotonic()
        result = subprocess.run(
            [
                mvn,
                "-q",
                "-B",
                "-f",
                str(pom),
                "dependency:copy-dependencies",
                f"-DoutputDirectory={partial}",
            ],
            capture_output=True,
            text=True,
            preexec_fn=_die_with_parent(),
            check=False,
        )
        if result.returncode != 0:
            shutil.rmtree(partial, ignore_errors=True)
            raise LocalKafkaError(
                f"Maven could not resolve the Kafka jars from {pom} "
                f"(exit {result.returncode}):\n{_tail(result.stdout + result.stderr)}"
            )
        partial.rename(libs)
        log.info("Kafka jars ready in %.1fs", time.monotonic() - started)
    return libs


def _require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise KafkaToolingMissing(
            f"`{name}` is not on PATH; the local Kafka broker needs Java 17 and Maven. "
            f"On Debian/Ubuntu: `{INSTALL_HINT}` (or `make kafka-jars` as root installs them)."
        )
    return path


# --- Broker ----------------------------------------------------------------


class LocalKafka:
    """One KRaft broker+controller on 127.0.0.1, its data and logs under `work_dir`.

    `work_dir/data` is formatted on first start and reused afterwards, so a demo
    keeps its topics across restarts when given the same `work_dir`.
    """

    def __init__(self, jars_dir: Path, work_dir: Path, port: int | None = None) -> None:
        self.jars_dir = jars_dir.resolve()
        self.work_dir = work_dir.resolve()
        self.port = port
        self.log_file = self.work_dir / "logs" / "server.log"
        # JVM stdout/stderr: crashes before log4j is up (bad classpath, OOM) land here.
        self.console_file = self.work_dir / "logs" / "console.out"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        if self._process is None:
            raise RuntimeError("LocalKafka is not started")
        return f"127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self, timeout: float = 90) -> str:
        """Format (first time), launch the broker and wait until it serves clients.

        Blocking. Call it from the main thread or another thread that outlives the
        broker: the kernel kills the JVM when the starting thread ends, so not from
        `asyncio.to_thread`, whose pool threads end with their event loop.
        Returns the bootstrap address `127.0.0.1:<port>`.
        """
        if self._process is not None:
            return self.bootstrap
        java = _require_tool("java")
        if not any(self.jars_dir.glob("kafka_2.13-*.jar")):
            raise KafkaStartError(
                f"No Kafka broker jars in {self.jars_dir}; resolve them with ensure_kafka_jars()"
            )
        started = time.monotonic()
        deadline = started + timeout
        if self.port is None:
            self.port, controller_port = _free_ports(2)
        else:
            (controller_port,) = _free_ports(1, exclude={self.port})
        for sub in ("logs", "data"):
            (self.work_dir / sub).mkdir(parents=True, exist_ok=True)
        properties = self.work_dir / "server.properties"
        properties.write_text(self._server_properties(controller_port))
        log4j = self.work_dir / "log4j.properties"
        log4j.write_text(_LOG4J_TEMPLATE.format(log_file=self.log_file))
        jvm = [
            java,
            "-Xms128m",
            "-Xmx512m",
            "-Djava.awt.headless=true",
            f"-Dlog4j.configuration={log4j.as_uri()}",
            "-cp",
            f"{self.jars_dir}/*",
        ]

        if not (self.work_dir / "data" / "meta.properties").exists():
            self._format(jvm, properties, deadline)

        log.info("Starting Kafka broker on 127.0.0.1:%s (logs in %s)", self.port, self.log_file)
        with open(self.console_file, "ab") as console:
            self._process = subprocess.Popen(
                [*jvm, "kafka.Kafka", str(properties)],
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                # Own session: Ctrl-C reaches only Python, which stops the broker last.
                start_new_session=True,
                preexec_fn=_die_with_parent(),
            )
        atexit.register(self.stop)
        try:
            self._wait_until_serving(deadline, timeout)
        except BaseException:
            self.stop()
            raise
        log.info("Kafka broker ready at %s in %.1fs", self.bootstrap, time.monotonic() - started)
        return self.bootstrap

    def stop(self, timeout: float = 20) -> None:
        """SIGTERM (controlled shutdown), then SIGKILL after `timeout` seconds."""
        process, self._process = self._process, None
        atexit.unregister(self.stop)
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            log.warning(
                "Kafka broker pid %s ignored SIGTERM for %ss; killing it", process.pid, timeout
            )
            process.kill()
            process.wait()
        log.info("Kafka broker on 127.0.0.1:%s stopped", self.port)

    def __enter__(self) -> LocalKafka:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _server_properties(self, controller_port: int) -> str:
        return _SERVER_PROPERTIES_TEMPLATE.format(
            port=self.port, controller_port=controller_port, data_dir=self.work_dir / "data"
        )

    def _format(self, jvm: list[str], properties: Path, deadline: float) -> None:
        # Kafka's Uuid never starts with "-" (it would read as an option); keep that rule.
        cluster_id = "-"
        while cluster_id.startswith("-"):
            cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        try:
            result = subprocess.run(
                [
                    *jvm,
                    "kafka.tools.StorageTool",
                    "format",
                    "-t",
                    cluster_id,
                    "-c",
                    str(properties),
                ],
                capture_output=True,
                text=True,
                timeout=max(deadline - time.monotonic(), 1),
                preexec_fn=_die_with_parent(),
                check=False,
            )
        except subprocess.TimeoutExpired as err:
            raise KafkaStartError(f"Formatting Kafka storage in {self.work_dir} timed out") from err
        if result.returncode != 0:
            raise KafkaStartError(
                f"Formatting Kafka storage in {self.work_dir} failed "
                f"(exit {result.returncode}):\n{_tail(result.stdout + result.stderr)}"
            )

    def _wait_until_serving(self, deadline: float, timeout: float) -> None:
        assert self._process is not None
        while True:
            code = self._process.poll()
            if code is not None:
                raise KafkaStartError(
                    f"Kafka broker for 127.0.0.1:{self.port} exited with code {code} while "
                    f"starting.\n{self._failure_report()}"
                )
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise KafkaStartError(
                    f"Kafka broker on 127.0.0.1:{self.port} did not serve requests within "
                    f"{timeout:.0f}s.\n{self._failure_report()}"
                )
            # The port accepts connections before the broker handles requests, so only
            # client round trips prove it ready. Connect first so the probe does not
            # make aiokafka log a connection error every poll.
            if _port_accepts(self.port) and _serves_clients(self.bootstrap, min(remaining, 5)):
                return
            time.sleep(0.2)

    def _failure_report(self) -> str:
        """The broker's first errors (the cause; its shutdown chatter follows) and the log tail."""
        parts = []
        console = _read(self.console_file)
        if console.strip():
            parts.append(f"--- last lines of {self.console_file} ---\n{_tail(console)}")
        server_log = _read(self.log_file)
        errors = _first_errors(server_log)
        if errors:
            parts.append(f"--- first errors in {self.log_file} ---\n{errors}")
        if server_log.strip():
            parts.append(f"--- last lines of {self.log_file} ---\n{_tail(server_log, 15)}")
        return "\n".join(parts) or f"(no output in {self.work_dir / 'logs'})"


_SERVER_PROPERTIES_TEMPLATE = """\
# Written by streams.localkafka: a throwaway single-node KRaft broker on loopback.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:{controller_port}
listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:{port}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs={data_dir}

auto.create.topics.enable=true
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
# One partition each instead of 50: creating them dominates the first group join.
offsets.topic.num.partitions=1
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0

log.segment.bytes=16777216
log.retention.hours=24
log.retention.check.interval.ms=60000
"""

_LOG4J_TEMPLATE = """\
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File={log_file}
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.org.apache.kafka.controller=INFO
log4j.logger.state.change.logger=WARN
"""


def _die_with_parent() -> Callable[[], None]:
    """A `preexec_fn` that makes the child receive SIGKILL when its parent dies.

    Linux delivers the signal when the *thread* that forked exits, so start brokers
    from a long-lived thread (the main thread or a kept thread pool).
    """
    parent = os.getpid()
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)

    def preexec() -> None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # parent died before prctl took effect
            os._exit(1)

    return preexec


def _free_ports(count: int, exclude: Collection[int] = ()) -> list[int]:
    # Hold every socket until all are chosen so the kernel hands out distinct ports.
    with contextlib.ExitStack() as stack:
        ports: list[int] = []
        while len(ports) < count:
            sock = stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
            if port not in exclude:
                ports.append(port)
        return ports


def _port_accepts(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _serves_clients(bootstrap: str, timeout: float) -> bool:
    """True once the broker answers metadata and names a group and a transaction coordinator.

    The coordinator lookups make the broker create __consumer_offsets and
    __transaction_state now, so the first consumer group or transactional producer
    does not meet (and log) COORDINATOR_NOT_AVAILABLE while they are created.
    """

    async def probe() -> bool:
        client = AIOKafkaClient(
            bootstrap_servers=bootstrap,
            client_id="dipwatch-localkafka-probe",
            request_timeout_ms=int(timeout * 1000),
        )
        try:
            async with asyncio.timeout(timeout):
                await client.bootstrap()
                if not client.cluster.brokers():
                    return False
                await client.coordinator_lookup(_GROUP_COORDINATOR, "dipwatch-localkafka-probe")
                await client.coordinator_lookup(_TXN_COORDINATOR, "dipwatch-localkafka-probe")
                return True
        except (KafkaError, TimeoutError, OSError):
            return False
        finally:
            await client.close()

    # A thread of its own, so this also works when the caller has a running loop.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, probe()).result()


def _read(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


def _first_errors(log_text: str, limit: int = 12) -> str:
    """ERROR/FATAL lines and their exception messages, stack frames left out, no repeats."""
    picked: dict[str, None] = {}
    for line in log_text.splitlines():
        if _ERROR_LINE.search(line) or _EXCEPTION_LINE.match(line):
            picked.setdefault(line.strip())
            if len(picked) == limit:
                break
    return "\n".join(picked)


def _tail(text: str, lines: int = _LOG_TAIL_LINES) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def main(argv: list[str] | None = None) -> int:
    """`python -m streams.localkafka jars [--cache-dir DIR]`: resolve the jars, print their dir."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m streams.localkafka")
    commands = parser.add_subparsers(dest="command", required=True)
    jars = commands.add_parser(
        "jars", help="download the Kafka broker jars (once) and print their dir"
    )
    jars.add_argument("--cache-dir", type=Path, default=Path(".cache"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        print(ensure_kafka_jars(args.cache_dir))
    except LocalKafkaError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
