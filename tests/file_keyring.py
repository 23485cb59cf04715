"""A keyring backend for the command-line tests' separate processes: secrets in one JSON file
named by FIELDCLIENT_TEST_KEYRING (outside the data folder), so a login in one process is found
by the sync in the next, as the OS keyring would be. Chosen the way keyring documents it:
PYTHON_KEYRING_BACKEND=tests.file_keyring.FileKeyring."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

PATH_ENV = "FIELDCLIENT_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    priority = 0  # only when named

    @property
    def _path(self) -> Path:
        return Path(os.environ[PATH_ENV])

    def _secrets(self) -> dict[str, str]:
        return json.loads(self._path.read_text()) if self._path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._path.write_text(json.dumps({**self._secrets(), f"{service}/{username}": password}))

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._secrets()
        secrets.pop(f"{service}/{username}", None)
        self._path.write_text(json.dumps(secrets))
