"""A Microbizz-compatible server on loopback, with seeded Danish demo data and faults.

Used by `fieldclient --sandbox`, the tests and the benchmarks; see DESIGN.md, "Sandbox".
"""

from app.sandbox.credentials import SandboxCredentials
from app.sandbox.server import SandboxServer

__all__ = ["SandboxCredentials", "SandboxServer"]
