"""The four identifiers a Microbizz request must carry, the demo contract's values, and the
configuration code that stands for them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class SandboxCredentials:
    contract: str
    apikey: str
    username: str
    password: str

    def accept(self, envelope: Mapping[str, Any]) -> bool:
        """Whether the envelope logs in; the contract may come as a number or a string."""
        return (
            str(envelope.get("contract")) == self.contract
            and envelope.get("apikey") == self.apikey
            and envelope.get("username") == self.username
            and envelope.get("password") == self.password
        )


DEMO_CREDENTIALS = SandboxCredentials(
    contract="4711",
    apikey="1111-2222-3333-4444-5555-6666",
    username="tekniker@demo.dk",
    password="demo-password",
)

# fits the app's XXXX-XXX form; the sandbox's configuration-code route answers DEMO_CREDENTIALS
DEMO_CONFIGURATION_CODE = "DEMO-471"
