"""Environment variables the app reads, named here so that the command line's help can name
them before the modules that read them are imported."""

from __future__ import annotations

CODE_SERVICE_ENV = "FIELDCLIENT_CODE_SERVICE"  # where configuration codes are exchanged
