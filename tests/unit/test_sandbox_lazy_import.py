"""The sandbox loads only when it is started: the app against a real server never pays for
uvicorn, starlette and Faker (a third of a cold start)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SANDBOX_ONLY = ("app.sandbox", "uvicorn", "starlette", "faker")


def _loaded_after(statement: str) -> list[str]:
    """Which of SANDBOX_ONLY a fresh interpreter has loaded after running `statement`."""
    probe = f"import json, sys; {statement}; print(json.dumps(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    return sorted(set(json.loads(output)) & set(SANDBOX_ONLY))


def test_importing_the_composition_root_does_not_load_the_sandbox():
    assert _loaded_after("import app.composition, app.cli") == []


def test_starting_the_embedded_sandbox_loads_it():
    # The probe is sound: the same check sees the sandbox once the app asks for it.
    loaded = _loaded_after(
        "import tempfile, pathlib, app.composition as c; "
        "cm = c.embedded_sandbox(pathlib.Path(tempfile.mkdtemp()), scale=0.01); "
        "cm.__enter__(); cm.__exit__(None, None, None)"
    )
    assert loaded == sorted(SANDBOX_ONLY)
