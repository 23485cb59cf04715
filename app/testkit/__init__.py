"""The testers' kit: drive the real app against a sandbox from pytest with pytest-qt.

Installed with the app's `test` extra, the pytest plugin (app/testkit/plugin.py, entry point
`pytest11`) gives every test the `fieldclient_*` fixtures; the classes here are what they
return. README.md, "Testing a Microbizz set-up with pytest-qt", is the guide; examples/ holds
a test to start from.

The fixtures' names and parameters and the public methods of these classes are a public API:
a change keeps the old name working for at least one minor release, warning with a
`DeprecationWarning` that names the new one (the pattern is in the README).
"""

from app.testkit.pages import Box, FailedCall, Indicators, MainPage, Outbox
from app.testkit.running_app import FieldClientApp, SyncFailed
from app.testkit.sandbox import Sandbox, SandboxOptions

__all__ = [
    "Box",
    "FailedCall",
    "FieldClientApp",
    "Indicators",
    "MainPage",
    "Outbox",
    "Sandbox",
    "SandboxOptions",
    "SyncFailed",
]
