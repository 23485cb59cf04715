"""Start `python -m app.sandbox` in its own process, so it does not share our GIL."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def sandbox_process(*, scale: float, page_size: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """Yields the sandbox's start-up line (url and demo credentials) and its process id as
    "pid"."""
    process = subprocess.Popen(
        [sys.executable, "-m", "app.sandbox", "--port", str(free_port()), "--seed", str(seed),
         "--scale", str(scale), "--page-size", str(page_size)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None
        yield {**json.loads(process.stdout.readline()), "pid": process.pid}
    finally:
        process.terminate()
        process.wait(timeout=10)
