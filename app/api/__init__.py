"""The Microbizz JSON command API over httpx (no Qt).

`Client.send()` posts an envelope of commands and returns typed results; every failure is one
of the errors in `app.core.errors`. The shapes the public docs leave open are written down in
`app.api.shapes`, next to the commands that use them.
"""

from app.api.client import Client
from app.api.envelope import Command, CommandResult, Credentials, Response

__all__ = ["Client", "Command", "CommandResult", "Credentials", "Response"]
