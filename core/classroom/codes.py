"""A class's join code, teacher key and recovery code, and the hashes stored in their place.

The join code is 8 characters of Crockford base32, read as keys.code_hash reads a transfer code. The
teacher key is a secret like a workspace's; the recovery code is 16 Crockford characters in 4 groups,
printable for the teacher's notes. The database holds only sha256 hashes, each with its own prefix so no
hash of one kind can stand for another.
"""

from __future__ import annotations

import hashlib
import secrets

from core.store import keys

RECOVERY_LENGTH = 16  # 80 bits: it never expires, so it is twice a join code's length
_READS_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_join_code() -> str:
    """8 random Crockford characters."""
    return "".join(secrets.choice(keys.CODE_ALPHABET) for _ in range(keys.CODE_LENGTH))


def join_code_hash(code: object) -> str | None:
    """The stored hash of a join code as typed (any case, dashes, spaces); None when malformed."""
    return keys.code_hash(code)


def teacher_key_hash(key: object) -> str | None:
    """The stored hash of a teacher key; None when it is not a well-formed secret."""
    if not isinstance(key, str) or not keys.SECRET_PATTERN.fullmatch(key):
        return None
    return hashlib.sha256(b"nnx-teacher:" + key.encode("ascii")).hexdigest()


def new_recovery_code() -> str:
    """Four groups of four Crockford characters, e.g. 7K2M-Q9XD-..."""
    raw = "".join(secrets.choice(keys.CODE_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return "-".join(raw[start:start + 4] for start in range(0, RECOVERY_LENGTH, 4))


def recovery_hash(code: object) -> str | None:
    """The stored hash of a recovery code as typed; None when malformed."""
    if not isinstance(code, str):
        return None
    cleaned = code.replace("-", "").replace(" ", "").upper().translate(_READS_AS)
    if len(cleaned) != RECOVERY_LENGTH or any(character not in keys.CODE_ALPHABET for character in cleaned):
        return None
    return hashlib.sha256(b"nnx-recovery:" + cleaned.encode("ascii")).hexdigest()
