"""The account the app syncs as: endpoint, contract and username in the data folder,
password and API key in the OS keyring only (never in the database, logs or screenshots)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import keyring
import keyring.errors
import orjson
from keyring.backend import KeyringBackend

from app.api import Credentials
from app.core.data_folder import ACCOUNT_FILE

KEYRING_SERVICE = "fieldclient"
# plain HTTP only to this machine: the embedded sandbox and a tester's local server
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class BadEndpoint(ValueError):
    """An endpoint the password must not be sent to: the message says what would do."""


def check_endpoint(url: str) -> str:
    """`url` when it is an HTTPS address (HTTP only to this machine), else BadEndpoint.

    Checked before any request: the envelope carries the password, so a typo must not send it
    in clear text or to something that is not a web server.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise BadEndpoint(f"{url!r} is not a server address: write it as https://host/path.")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS:
        raise BadEndpoint(f"{url} is not encrypted: use its https:// address, so the password "
                          "is not sent in clear text.")
    return url.strip()


@dataclass(frozen=True, slots=True)
class Account:
    endpoint: str
    contract: str
    username: str

    @property
    def keyring_user(self) -> str:
        return f"{self.endpoint}|{self.contract}|{self.username}"


class SecretsUnavailable(RuntimeError):
    """No usable OS keyring, or no secrets saved for the account."""


class AccountStore:
    """Reads and writes the account; `backend` lets the sandbox keep its demo secrets in memory."""

    def __init__(self, data_dir: Path, backend: KeyringBackend | None = None) -> None:
        self._path = data_dir / ACCOUNT_FILE
        self._backend = backend

    def load(self) -> Account | None:
        if not self._path.exists():
            return None
        raw = orjson.loads(self._path.read_bytes())
        return Account(raw["endpoint"], raw["contract"], raw["username"])

    def save(self, account: Account, *, password: str, apikey: str) -> None:
        self._keyring_call("set_password", account.keyring_user + "#password", password)
        self._keyring_call("set_password", account.keyring_user + "#apikey", apikey)
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._path.write_bytes(
            orjson.dumps(
                {"endpoint": account.endpoint, "contract": account.contract,
                 "username": account.username},
                option=orjson.OPT_INDENT_2,
            )
        )

    def forget(self, account: Account) -> None:
        """Log out: the secrets leave the keyring and the account file goes."""
        for secret in ("#password", "#apikey"):
            with contextlib.suppress(SecretsUnavailable):  # nothing kept, nothing to delete
                self._keyring_call("delete_password", account.keyring_user + secret)
        self._path.unlink(missing_ok=True)

    def credentials(self, account: Account) -> Credentials:
        password = self._keyring_call("get_password", account.keyring_user + "#password")
        apikey = self._keyring_call("get_password", account.keyring_user + "#apikey")
        if password is None or apikey is None:
            raise SecretsUnavailable(
                f"No password saved for {account.username}; sign in again."
            )
        return Credentials(account.contract, apikey, account.username, password)

    def _keyring_call(self, method: str, user: str, *value: str) -> str | None:
        target = self._backend if self._backend is not None else keyring
        try:
            result: str | None = getattr(target, method)(KEYRING_SERVICE, user, *value)
            return result
        except keyring.errors.KeyringError as error:
            raise SecretsUnavailable(
                f"The system keyring is not available ({error}); the password cannot be kept."
            ) from None


class MemoryKeyring(KeyringBackend):
    """Secrets for this process only: the embedded sandbox's throwaway demo credentials."""

    priority = 0  # never chosen automatically

    def __init__(self) -> None:
        super().__init__()
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._secrets.pop((service, username), None)
