"""`python -m app.sandbox`: the sandbox alone, until SIGINT or SIGTERM.

Prints one JSON line with the endpoint URL, the credentials, and the configuration code with the
service that exchanges it (`fieldclient login --code C --code-service URL`), so scripts can read
it.
"""

from __future__ import annotations

import argparse
import gc
import logging
import signal
import sys
import threading

import orjson

from app.sandbox.server import SandboxServer


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m app.sandbox", description="A Microbizz-compatible server on loopback."
    )
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="1 is 2,000 tasks, about 13,000 objects"
    )
    parser.add_argument("--page-size", type=int, default=500, help="objects per ByLastChange page")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    logging.basicConfig(level=logging.WARNING)
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.set())
    server = SandboxServer(
        seed=args.seed, scale=args.scale, page_size=args.page_size, port=args.port
    )
    # The generated contract lives as long as the process: keep the collector from scanning
    # it (at scale 19 a full collection would stall a request for half a second).
    gc.freeze()
    with server:
        credentials = server.credentials
        line = {
            "url": server.url,
            "contract": credentials.contract,
            "apikey": credentials.apikey,
            "username": credentials.username,
            "password": credentials.password,
            "configuration_code": server.configuration_code,
            "code_service": server.code_service_url,
        }
        sys.stdout.write(orjson.dumps(line).decode() + "\n")
        sys.stdout.flush()
        # A timed wait, so Ctrl+C is noticed on Windows too.
        while not stopping.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
