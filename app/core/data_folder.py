"""Where the local data lives, and whether an account was saved there: known before the
store, the keyring or the sync modules are imported, so that a start can paint its window
first (app/desktop.py)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import platformdirs

ACCOUNT_FILE = "account.json"  # the saved account (app/sync/account.py), secrets aside


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("FieldClient", "FieldClient"))


@contextlib.contextmanager
def data_folder(requested: Path | None, *, sandbox: bool) -> Iterator[Path]:
    """The data folder: as requested, else the user's; a throwaway one for a bare --sandbox.

    The embedded sandbox starts with fresh server data every run, so keeping the client's copy
    of a previous run would mix two servers' histories.
    """
    if requested is not None:
        yield requested
    elif sandbox:
        folder = Path(tempfile.mkdtemp(prefix="fieldclient-sandbox-"))
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    else:
        yield default_data_dir()


def has_saved_account(data_dir: Path) -> bool:
    """Whether a start on this folder will open the window on an account (its secrets may
    still turn out to be gone)."""
    return (data_dir / ACCOUNT_FILE).is_file()
