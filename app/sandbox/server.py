"""SandboxServer: the sandbox in a background thread of the calling process, on loopback.

The socket is bound before the thread starts, so `url` is known (port 0 picks a free port)
and `start()` returns once uvicorn accepts connections. The state lives on the server
thread's event loop; the admin routes are the way to change it while the server runs.
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time
from collections.abc import Callable
from datetime import datetime
from types import TracebackType

import uvicorn

from app.sandbox.admin import CODE_SERVICE_PATH
from app.sandbox.app import ENDPOINT_PATH, create_app
from app.sandbox.clock import ServerClock
from app.sandbox.credentials import (
    DEMO_CONFIGURATION_CODE,
    DEMO_CREDENTIALS,
    SandboxCredentials,
)
from app.sandbox.faults import FaultPlan, hide_dropped_connections
from app.sandbox.requestlog import RequestLog
from app.sandbox.state import SandboxState

HOST = "127.0.0.1"
_START_TIMEOUT = 10.0


class SandboxServer:
    def __init__(
        self,
        *,
        seed: int = 1,
        scale: float = 1.0,
        page_size: int = 500,
        port: int = 0,
        credentials: SandboxCredentials = DEMO_CREDENTIALS,
        clock: Callable[[], datetime] | None = None,
        configuration_code: str = DEMO_CONFIGURATION_CODE,
    ) -> None:
        """Generate the data now; `clock` replaces the server's wall clock (tests fix it);
        `configuration_code` is the code `code_service_url` exchanges for `credentials`."""
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self.configuration_code = configuration_code
        self.state = SandboxState.generated(
            seed=seed,
            scale=scale,
            page_size=page_size,
            credentials=credentials,
            clock=ServerClock(clock),
        )
        self._requested_port = port
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._faults: FaultPlan | None = None
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    @property
    def credentials(self) -> SandboxCredentials:
        """The login it accepts now (the admin interface changes the password)."""
        return self.state.credentials

    @property
    def port(self) -> int:
        """The bound port once started, else the one asked for."""
        return self._socket.getsockname()[1] if self._socket else self._requested_port

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def url(self) -> str:
        """The Microbizz endpoint URL a client is configured with."""
        return self.base_url + ENDPOINT_PATH

    @property
    def code_service_url(self) -> str:
        """Where the app exchanges `configuration_code` for this server's account."""
        return self.base_url + CODE_SERVICE_PATH

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the sandbox server is already running")
        self._socket = _listening_socket(self._requested_port)
        hide_dropped_connections()
        self._faults = FaultPlan()
        config = uvicorn.Config(
            create_app(self.state, RequestLog(), self._faults, self.configuration_code),
            log_level="warning",
            log_config=None,
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._failure = None
        self._thread = threading.Thread(target=self._serve, name="sandbox-server", daemon=True)
        self._thread.start()
        self._wait_until_started()

    def stop(self) -> None:
        """Stop serving and join the thread; a no-op when not running."""
        if self._thread is None or self._server is None:
            return
        if self._loop is not None and self._faults is not None:
            self._loop.call_soon_threadsafe(self._faults.release_held)
        self._server.should_exit = True
        self._thread.join()
        self._thread = self._server = self._loop = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _serve(self) -> None:
        try:
            # A plain asyncio loop whatever the process's loop policy: the desktop app runs
            # Qt's loop on its main thread, and this thread must not get one of those.
            with asyncio.Runner(loop_factory=asyncio.DefaultEventLoopPolicy().new_event_loop) as r:
                r.run(self._serve_on_this_loop())
        except BaseException as failure:  # uvicorn exits with SystemExit on startup errors
            self._failure = failure

    async def _serve_on_this_loop(self) -> None:
        assert self._server is not None and self._socket is not None
        self._loop = asyncio.get_running_loop()
        await self._server.serve(sockets=[self._socket])

    def _wait_until_started(self) -> None:
        assert self._server is not None and self._thread is not None
        deadline = time.monotonic() + _START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                failure = self._failure
                self.stop()
                raise RuntimeError("the sandbox server did not start") from failure
            time.sleep(0.005)


def _listening_socket(port: int) -> socket.socket:
    # proto IPPROTO_TCP, not 0: asyncio only sets TCP_NODELAY on accepted sockets of a TCP
    # protocol, and without it every response waits ~40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if os.name != "nt":  # on Windows SO_REUSEADDR would let two servers share a port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock
