"""Starts the sandbox world as a child process and tells where it listens.

    with SandboxProcess(state_dir, today=date(2025, 6, 16), latency_ms=0) as sandbox:
        base_url = sandbox.info.base_url

The child is `sys.executable -m app.sandbox ...`; it prints one JSON ready line, and it stops
when its standard input closes, so it dies with the parent even if `stop()` is never called.
"""

from __future__ import annotations

import collections
import contextlib
import json
import logging
import queue
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import IO, Any

logger = logging.getLogger(__name__)

START_TIMEOUT = 30.0
STOP_TIMEOUT = 5.0


class SandboxStartError(RuntimeError):
    """The sandbox child did not become ready."""


@dataclass(frozen=True)
class SandboxInfo:
    """Where a running sandbox world listens and keeps its state."""

    base_url: str
    port: int
    state_dir: Path


class SandboxProcess:
    """A sandbox world in a child process, usable as a context manager."""

    def __init__(
        self,
        state_dir: Path,
        *,
        today: date | None = None,
        latency_ms: int | None = None,
        faults: dict[str, Any] | None = None,
        plain_json_allowed: bool = False,
        page_size: int = 1000,
        host: str = "127.0.0.1",
        port: int = 0,
        tls: bool = False,
    ) -> None:
        self.state_dir = Path(state_dir)
        self.today = today
        self.latency_ms = latency_ms
        self.faults = faults
        self.plain_json_allowed = plain_json_allowed
        self.page_size = page_size
        self.host = host
        self.port = port
        self.tls = tls
        self.info: SandboxInfo | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr_tail: collections.deque[str] = collections.deque(maxlen=40)
        self._stdout_lines: queue.Queue[str | None] = queue.Queue()

    def command(self) -> list[str]:
        command = [
            sys.executable,
            "-m",
            "app.sandbox",
            "--state-dir",
            str(self.state_dir),
            "--host",
            self.host,
            "--port",
            str(self.port),
            "--page-size",
            str(self.page_size),
            "--exit-on-stdin-eof",
        ]
        if self.today is not None:
            command += ["--today", self.today.isoformat()]
        if self.latency_ms is not None:
            command += ["--latency-ms", str(self.latency_ms)]
        if self.plain_json_allowed:
            command.append("--plain-json-allowed")
        if self.tls:
            command.append("--tls")
        if self.faults is not None:
            self.state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            faults_file = self.state_dir / "faults.start.json"
            faults_file.write_text(json.dumps(self.faults), encoding="utf-8")
            command += ["--faults", str(faults_file)]
        return command

    def start(self) -> SandboxInfo:
        """Start the child and wait (at most 30 s) for its ready line."""
        if self._process is not None:
            raise SandboxStartError("this sandbox is already started")
        self._process = subprocess.Popen(
            self.command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._drain(self._process.stdout, self._on_stdout)
        self._drain(self._process.stderr, self._stderr_tail.append)
        ready = self._wait_ready()
        self.info = SandboxInfo(
            base_url=ready["base_url"], port=int(ready["port"]), state_dir=self.state_dir
        )
        logger.info("sandbox started at %s (pid %d)", self.info.base_url, self._process.pid)
        return self.info

    def _on_stdout(self, line: str) -> None:
        self._stdout_lines.put(line)

    @staticmethod
    def _drain(stream: IO[bytes] | None, sink) -> None:
        """Read a child's pipe in a thread so the child never blocks on a full pipe."""
        if stream is None:
            return

        def pump() -> None:
            for raw in iter(stream.readline, b""):
                sink(raw.decode("utf-8", errors="replace").rstrip("\n"))
            stream.close()

        threading.Thread(target=pump, daemon=True, name="sandbox-pipe").start()

    def _wait_ready(self) -> dict[str, Any]:
        assert self._process is not None
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self._stdout_lines.get(timeout=0.1)
            except queue.Empty:
                if self._process.poll() is not None:
                    self._fail(f"the sandbox exited with code {self._process.returncode}")
                continue
            try:
                message = json.loads(line) if line else None
            except json.JSONDecodeError:
                continue
            if isinstance(message, dict) and message.get("ready"):
                return message
        self._fail(f"the sandbox did not become ready within {START_TIMEOUT:.0f} s")
        raise AssertionError("unreachable")

    def _fail(self, reason: str) -> None:
        time.sleep(0.2)  # let the stderr pump catch the last lines
        tail = "\n".join(self._stderr_tail) or "(no output on stderr)"
        self.stop()
        raise SandboxStartError(f"{reason}; last lines on stderr:\n{tail}")

    def stop(self) -> None:
        """Stop the child: close its stdin, then terminate, then kill if it lingers."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin is not None:
            with contextlib.suppress(OSError):  # the child may already be gone
                process.stdin.close()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.terminate()
            try:
                process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        logger.info("sandbox stopped (exit code %s)", process.returncode)

    @property
    def stderr_tail(self) -> list[str]:
        return list(self._stderr_tail)

    def __enter__(self) -> SandboxProcess:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
