"""The sync engine, its plan, and the models of sync state (asyncio, no Qt)."""
