"""Plain data shared by every layer: object kinds, change sets, the clock and errors (no Qt)."""
