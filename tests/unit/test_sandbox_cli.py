"""`python -m app.sandbox`: one JSON line with the URL, the credentials and the configuration
code with its service, served until SIGTERM."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_the_cli_prints_its_endpoint_serves_it_and_exits_cleanly(stop_signal):
    command = [sys.executable, "-m", "app.sandbox", "--port", "0", "--scale", "0.01", "--seed", "9"]
    with subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        try:
            line = json.loads(process.stdout.readline())
            assert set(line) == {"url", "contract", "apikey", "username", "password",
                                 "configuration_code", "code_service"}
            assert line["url"].startswith("http://127.0.0.1:")
            assert line["url"].endswith("/api/endpoint.php")
            envelope = {key: line[key] for key in ("contract", "apikey", "username", "password")}
            envelope["commands"] = [{"command": "Echo", "text": "cli"}]
            with httpx.Client(timeout=5) as client:
                answer = client.post(line["url"], data={"json": json.dumps(envelope)}).json()
            assert answer["results"] == [{"status": 1, "answer": "cli"}]
            exchanged = httpx.post(line["code_service"], json={"code": line["configuration_code"]})
            assert exchanged.json() == {key: line[key] for key in (
                "contract", "apikey", "username", "password")} | {"endpoint": line["url"]}
        finally:
            process.send_signal(stop_signal)
            assert process.wait(timeout=10) == 0
        assert process.stdout.read() == ""
