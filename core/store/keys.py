"""The secrets that open a workspace and the one-time codes that move it to another browser.

Only hashes are ever stored: sha256 of a secret (an access key), of a transfer code, of a client address.
"""

from __future__ import annotations

import hashlib
import re
import secrets

# secrets.token_urlsafe(32): 32 random bytes (256 bits) in 43 characters of URL-safe base64.
SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")

# Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand is not misread.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8  # 40 bits: enough for a code that lives 10 minutes and is used once
CODE_SECONDS = 600
_CODE_READS_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})  # Crockford's decoding of look-alikes


def new_secret() -> str:
    """A new workspace secret: 256 random bits, matching SECRET_PATTERN."""
    return secrets.token_urlsafe(32)


def key_hash(secret: str) -> str:
    """The access key stored for a secret (sha256, hex); ValueError if it is not a well-formed secret."""
    if not isinstance(secret, str) or not SECRET_PATTERN.fullmatch(secret):
        raise ValueError("not a workspace secret")
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def address_hash(address: str) -> str:
    """The client address as the rate limit stores it (rows older than an hour are removed)."""
    return hashlib.sha256(b"nnx-address:" + address.encode("utf-8")).hexdigest()


def new_transfer_code() -> str:
    """A one-time transfer code: 8 characters of Crockford base32."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def code_hash(code: object) -> str | None:
    """The stored hash of a code as typed (any case, dashes and spaces ignored); None when it is malformed."""
    if not isinstance(code, str):
        return None
    cleaned = code.replace("-", "").replace(" ", "").upper().translate(_CODE_READS_AS)
    if len(cleaned) != CODE_LENGTH or any(character not in CODE_ALPHABET for character in cleaned):
        return None
    return hashlib.sha256(b"nnx-code:" + cleaned.encode("ascii")).hexdigest()
