"""Normalising identity values so the same address or number always matches itself."""

from __future__ import annotations

import re

from caredesk.customers.models import IdentityKind
from caredesk.lib.errors import InvalidIdentity

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\"]+$")
_PHONE_KEEP = re.compile(r"[^\d+]")
_HANDLE = re.compile(r"^@?[\w.\-:/]{1,200}$")


def normalize_identity(kind: str, value: str) -> str:
    """The canonical form of an identity value; raises InvalidIdentity when it is not one."""
    if kind not in IdentityKind.values:
        raise InvalidIdentity(f"Unknown identity kind {kind!r}.")
    if not isinstance(value, str) or not value.strip():
        raise InvalidIdentity(f"An identity of kind {kind} needs a value.")
    value = value.strip()
    if kind == IdentityKind.EMAIL:
        value = value.lower()
        if len(value) > 320 or not _EMAIL.match(value):
            raise InvalidIdentity(f"{value!r} is not an email address.")
        return value
    if kind == IdentityKind.PHONE:
        digits = _PHONE_KEEP.sub("", value)
        if digits.count("+") > 1 or ("+" in digits and not digits.startswith("+")):
            raise InvalidIdentity(f"{value!r} is not a phone number.")
        if not 6 <= len(digits.lstrip("+")) <= 15:
            raise InvalidIdentity(f"{value!r} is not a phone number.")
        return digits
    if kind == IdentityKind.SOCIAL:
        value = value.lower()
        if not _HANDLE.match(value):
            raise InvalidIdentity(f"{value!r} is not a social handle.")
        return value if value.startswith("@") or ":" in value else "@" + value
    if len(value) > 200:
        raise InvalidIdentity("A chat visitor id is at most 200 characters.")
    return value
