"""Runs the sandbox world: `python -m app.sandbox --state-dir DIR [options]`.

Once the server listens it prints one JSON line to stdout,
`{"ready": true, "port": <int>, "base_url": "http://127.0.0.1:<port>"}`, and flushes. With
`--exit-on-stdin-eof` (what `SandboxProcess` passes) it stops when its standard input closes,
so it never outlives the process that started it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import socket
import sys
import threading
from datetime import date
from pathlib import Path

import uvicorn

from app.sandbox.faults import FaultConfigError, Faults
from app.sandbox.pki import ensure_server_certificate
from app.sandbox.server import build_app
from app.sandbox.world import DEFAULT_LATENCY_MS, DEFAULT_PAGE_SIZE, Settings, World

logger = logging.getLogger("app.sandbox")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m app.sandbox", description=__doc__)
    parser.add_argument("--state-dir", type=Path, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="fixed business date YYYY-MM-DD (Europe/Oslo)",
    )
    parser.add_argument("--latency-ms", type=int, default=DEFAULT_LATENCY_MS)
    parser.add_argument("--faults", type=Path, default=None, help="fault configuration JSON")
    parser.add_argument(
        "--plain-json-allowed",
        action="store_true",
        help="test mode: honour Accept: application/json",
    )
    parser.add_argument("--page-size", type=int, default=DEFAULT_PAGE_SIZE)
    parser.add_argument(
        "--lenient-mandate",
        action="store_true",
        help="compare the decoded Legal-Mandate instead of its exact encoding",
    )
    parser.add_argument(
        "--tls",
        action="store_true",
        help="serve https with a certificate from the sandbox's own CA (pki/ca.pem)",
    )
    parser.add_argument("--exit-on-stdin-eof", action="store_true")
    parser.add_argument("--log-level", default="INFO")
    return parser.parse_args(argv)


def _watch_stdin(server: uvicorn.Server, loop: asyncio.AbstractEventLoop) -> None:
    """Stop the server when the parent closes our stdin (or dies)."""
    with contextlib.suppress(OSError):  # a closed or broken pipe means the same
        while sys.stdin.buffer.read(4096):
            continue
    logger.info("standard input closed; stopping")
    loop.call_soon_threadsafe(setattr, server, "should_exit", True)


async def _announce_when_ready(server: uvicorn.Server, port: int, base_url: str) -> None:
    while not server.started:
        if server.should_exit:
            return
        await asyncio.sleep(0.01)
    line = json.dumps({"ready": True, "port": port, "base_url": base_url})
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


async def serve(args: argparse.Namespace) -> int:
    faults_config = None
    if args.faults is not None:
        faults_config = json.loads(args.faults.read_text("utf-8"))
    faults = Faults(faults_config)

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.set_inheritable(True)
    port = sock.getsockname()[1]
    scheme = "https" if args.tls else "http"
    base_url = f"{scheme}://{args.host}:{port}"
    tls: dict[str, str] = {}
    if args.tls:
        chain, key = ensure_server_certificate(args.state_dir.resolve(), args.host)
        tls = {"ssl_certfile": str(chain), "ssl_keyfile": str(key)}

    settings = Settings(
        today=args.today,
        latency_ms=args.latency_ms,
        page_size=args.page_size,
        plain_json_allowed=args.plain_json_allowed,
        strict_mandate=not args.lenient_mandate,
    )
    world = World(args.state_dir.resolve(), base_url, settings, faults)
    config = uvicorn.Config(
        build_app(world),
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=2,
        **tls,
    )
    server = uvicorn.Server(config)
    if args.exit_on_stdin_eof:
        loop = asyncio.get_running_loop()
        threading.Thread(target=_watch_stdin, args=(server, loop), daemon=True).start()
    announcer = asyncio.create_task(_announce_when_ready(server, port, base_url))
    logger.info("sandbox world at %s (today=%s)", base_url, world.today())
    await server.serve(sockets=[sock])
    announcer.cancel()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.page_size < 1:
        print("--page-size must be positive", file=sys.stderr)
        return 2
    try:
        return asyncio.run(serve(args))
    except FaultConfigError as error:
        print(f"invalid fault configuration: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"cannot start the sandbox: {error}", file=sys.stderr)
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


if __name__ == "__main__":
    raise SystemExit(main())
