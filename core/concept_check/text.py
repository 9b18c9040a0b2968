"""Text of the concept check (two forms of ten questions, before and after the lessons)."""

TEXT: dict[str, tuple[str, str]] = {}
