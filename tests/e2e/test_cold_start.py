"""A start paints its window before it loads what only the network needs: httpx (and its TLS
context) comes with the first request, the sandbox (Faker) only with --sandbox. The window is
there sooner; the technician sees nothing else change (bench/cold_start.py has the figures)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NETWORK_ONLY = ("httpx", "httpcore")
SANDBOX_ONLY = ("app.sandbox", "faker", "uvicorn", "starlette")


def _loaded_when_painted(data_dir: Path) -> tuple[int, set[str]]:
    """The exit status of a start that quits once its window is painted, and the modules it
    had loaded by then."""
    argv = ["--data-dir", str(data_dir), "--server", "https://microbizz.invalid/api/endpoint.php",
            "--contract", "4711", "--username", "tekniker", "--quit-when-shown"]
    probe = ("import json, sys; from app.__main__ import main; "
             f"status = main({argv!r}); print(json.dumps([status, sorted(sys.modules)]))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FIELDCLIENT_PASSWORD": "secret",
           "FIELDCLIENT_APIKEY": "key"}
    finished = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=60, check=True)
    status, modules = json.loads(finished.stdout.splitlines()[-1])
    return status, set(modules)


def test_the_window_is_painted_before_httpx_or_the_sandbox_is_loaded(tmp_path):
    status, loaded = _loaded_when_painted(tmp_path)
    assert status == 0
    assert "app.views.main_window" in loaded  # the probe is sound: the window was there
    assert sorted(loaded & {*NETWORK_ONLY, *SANDBOX_ONLY}) == []
