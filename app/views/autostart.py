"""Start with Windows: the desktop half of the background-sync permission.

On Windows the app adds itself to the current user's Run key when the technician allows
background sync and removes itself when they decline; other desktops have their own session
managers and are left alone.
"""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QSettings

RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"
ENTRY = "FieldClient"


def start_with_windows(enabled: bool) -> None:
    if sys.platform != "win32":
        return
    run = QSettings(RUN_KEY, QSettings.Format.NativeFormat)
    if enabled:
        run.setValue(ENTRY, subprocess.list2cmdline([sys.executable, "-m", "app"]))
    else:
        run.remove(ENTRY)
    run.sync()
