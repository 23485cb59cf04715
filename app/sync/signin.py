"""Signing in and out of an account: the checks before anything is kept, and what signing out
removes. One piece for `fieldclient login` / `logout` and the app's set-up wizard and account
menu, so the command line and the window refuse the same things with the same sentences.

The caller holds the data folder (`FolderLock`): the app holds it for its whole run, a command
for its own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.api import Client, Command, Credentials
from app.core.errors import EnvelopeRefused, FieldClientError, TransportError
from app.db import Store
from app.db.outbox import ensure_nothing_unsent
from app.db.store import DATABASE_FILE
from app.sync.account import Account, AccountStore, BadEndpoint, SecretsUnavailable, check_endpoint
from app.sync.provisioning import (
    CODE_SERVICE_ENV,
    BadCode,
    CodeExchange,
    CodeRefused,
    Provisioned,
    normalise_code,
)

# A login check is one small request: a technician waiting at the wizard should not wait long.
CHECK_TIMEOUT_SECONDS = 20.0


class SignInRefused(RuntimeError):
    """The address, the server or the data folder said no: the message is the one sentence to
    show; nothing was kept."""


async def check_login(account: Account, credentials: Credentials) -> None:
    """One request the server answers only for a valid login (the first one a sync sends).

    SignInRefused with one sentence for a bad address, a refused login, a server not reached
    or one that does not answer as Microbizz.
    """
    try:
        check_endpoint(account.endpoint)
    except BadEndpoint as refused:
        raise SignInRefused(str(refused)) from None
    client = Client(account.endpoint, credentials, timeout=CHECK_TIMEOUT_SECONDS)
    try:
        await client.send([Command("GetMobileAppSettings")])
    except EnvelopeRefused as refused:
        raise SignInRefused(f"The server did not accept the login: {refused.server_message}."
                            ) from None
    except TransportError as error:
        if error.status_code == 404:  # a web server, but no Microbizz endpoint at that path
            raise SignInRefused(f"Nothing answers as Microbizz at {account.endpoint} (HTTP "
                                "404): check the whole server address, path included."
                                ) from None
        raise SignInRefused(f"{error}; nothing was saved.") from None
    except FieldClientError as error:
        raise SignInRefused(
            f"{account.endpoint} does not answer as a Microbizz server ({error})."
        ) from None
    finally:
        await client.aclose()


async def sign_in(
    data_dir: Path, account: Account, *, password: str, apikey: str,
    accounts: AccountStore | None = None,
) -> None:
    """Check the login with the server, then keep it: the secrets in the OS keyring, the rest in
    the data folder. A folder signed in as someone else must be signed out of first.

    `accounts`: where to keep it (the OS keyring unless given). SignInRefused when anything
    says no; a secret half-written to the keyring is removed again.
    """
    accounts = accounts or AccountStore(data_dir)
    saved = accounts.load()
    if saved is not None and saved != account:
        raise SignInRefused(
            f"{data_dir} is signed in as {saved.username} on {saved.contract}: sign out first."
        )
    await check_login(account, Credentials(account.contract, apikey, account.username, password))
    try:
        accounts.save(account, password=password, apikey=apikey)
    except SecretsUnavailable as unavailable:
        accounts.forget(account)  # whichever secret did get in goes again
        raise SignInRefused(str(unavailable)) from None


async def renew_password(account: Account, accounts: AccountStore, password: str) -> Credentials:
    """The office changed the password: check the new one with the server, then keep it in
    place of the old one (the API key stays). Returns the credentials to send from now on.

    SignInRefused with one sentence when the server or the keyring says no; nothing changed.
    """
    if not password:
        raise SignInRefused("Enter the new password.")
    try:
        credentials = replace(accounts.credentials(account), password=password)
    except SecretsUnavailable as unavailable:
        raise SignInRefused(str(unavailable)) from None
    await check_login(account, credentials)
    try:
        accounts.save(account, password=password, apikey=credentials.apikey)
    except SecretsUnavailable as unavailable:
        raise SignInRefused(str(unavailable)) from None
    return credentials


def sign_out(data_dir: Path, *, doing: str = "sign out") -> None:
    """Forget the account and delete the local data, unless changes still wait to be sent:
    then `UnsentChanges` lists them (saying what was asked: `doing`) and nothing is touched.

    The store must not be open elsewhere in this process: the app closes its own first.
    """
    if (data_dir / DATABASE_FILE).exists():
        store = Store.in_dir(data_dir)
        try:
            ensure_nothing_unsent(store, doing)
        finally:
            store.close()
    accounts = AccountStore(data_dir)
    account = accounts.load()
    if account is not None:
        accounts.forget(account)
    # the database, its WAL and shared memory (the folder's lock file stays: it is held)
    for path in data_dir.glob(f"{DATABASE_FILE}*"):
        path.unlink()


class AccountSetup:
    """What the set-up wizard may do, without Qt: check an account with its server and keep
    it for one data folder. The wizard gets this, never the keyring or the wire."""

    def __init__(self, data_dir: Path, accounts: AccountStore | None = None, *,
                 codes: CodeExchange | None = None) -> None:
        """`codes`: where configuration codes are exchanged (None: none is set up here)."""
        self.data_dir = data_dir
        self._accounts = accounts or AccountStore(data_dir)
        self._codes = codes

    @property
    def takes_codes(self) -> bool:
        return self._codes is not None

    async def exchange_code(self, code: str) -> Provisioned:
        """The account a configuration code stands for; SignInRefused with the sentence to
        show when the code is malformed, unknown, or cannot be exchanged here."""
        if self._codes is None:
            raise SignInRefused(
                "No configuration-code service is set up on this computer "
                f"({CODE_SERVICE_ENV}): enter the details by hand, or ask your office.")
        try:
            return await self._codes.exchange(normalise_code(code))
        except (BadCode, CodeRefused) as refused:
            raise SignInRefused(str(refused)) from None

    def saved(self) -> Account | None:
        """The account kept in the folder (its secrets may still be missing)."""
        return self._accounts.load()

    async def sign_in(
        self, endpoint: str, contract: str, username: str, *, password: str, apikey: str
    ) -> Account:
        """The account, checked and kept; SignInRefused with the sentence to show otherwise."""
        try:
            account = Account(check_endpoint(endpoint), contract.strip(), username.strip())
        except BadEndpoint as refused:
            raise SignInRefused(str(refused)) from None
        await sign_in(self.data_dir, account, password=password, apikey=apikey.strip(),
                      accounts=self._accounts)
        return account
