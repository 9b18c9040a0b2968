"""Text of the design and sketch pages' prompts (predict first, then see)."""

TEXT: dict[str, tuple[str, str]] = {}
