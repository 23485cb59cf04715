"""The app's log file, in the data folder's `logs/`, for support to ask for.

Rotating, so a field laptop that runs for months keeps a few megabytes, not gigabytes. It
receives what the root logger passes (the level is the technician's choice in Settings); the
app logs no secrets (passwords and API keys are never formatted into a message), so the file
can be sent as it is.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 4


def log_file_path(data_dir: Path) -> Path:
    return data_dir / "logs" / "fieldclient.log"


@contextlib.contextmanager
def log_file(data_dir: Path) -> Iterator[Path]:
    """Log to the folder's file while the block runs (the folder may be thrown away after)."""
    path = log_file_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as error:  # a read-only folder: the app runs on without its log file
        logging.getLogger(__name__).warning("No log file in %s: %s", path.parent, error)
        yield path
        return
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        handler.close()


def current_log_file() -> Path | None:
    """The file this run logs to (About shows it); None when it logs to no file."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return None
