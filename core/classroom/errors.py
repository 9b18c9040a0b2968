"""What the class layer raises; every one is a ClassError, so a page catches one name."""

from __future__ import annotations


class ClassError(Exception):
    """Any refusal of the class layer."""


class WrongKey(ClassError):
    """A teacher operation without this class's teacher key (missing, wrong, or a learner's secret)."""

    def __init__(self):
        super().__init__("not this class's teacher key")


class NotFound(ClassError):
    """No such class, member or shared run (or the learner is not a member)."""


class Refused(ClassError):
    """Not allowed; `reason` says why ("locked", "ended", "nickname", "too_fast", ...), `fields` say more
    (the values a page's message names, e.g. {"limit": 200})."""

    def __init__(self, reason: str, **fields):
        self.reason, self.fields = reason, fields
        extra = ", ".join(f"{name}={value!r}" for name, value in fields.items())
        super().__init__(f"refused: {reason}" + (f" ({extra})" if extra else ""))


class TooManyAttempts(ClassError):
    """This address tried more than `limit` join codes in the last minute."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"more than {limit} join attempts a minute from one address")
