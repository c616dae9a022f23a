"""Encryption at rest for the secrets caredesk keeps in its database (IMAP passwords,
webhook secrets).

Fernet: AES-128-CBC with an HMAC-SHA256 over the whole token, so a value that was
changed, or encrypted under a key we no longer have, is refused rather than misread.
Each configured key string is stretched by HKDF-SHA256 into a Fernet key, so any long
random string serves as a key.

- `CAREDESK_ENCRYPTION_KEY` encrypts; when it is empty, a key derived from
  `SECRET_KEY` does.
- Decryption tries that key, then `CAREDESK_ENCRYPTION_OLD_KEYS`, then `SECRET_KEY` and
  `SECRET_KEY_FALLBACKS`, so values written under the fallback stay readable after a
  dedicated key is set. `caredesk reencrypt_secrets` moves every value to the current key,
  after which old keys can be dropped.
- `check_encryption_key`, a deploy check, warns when a production server has no dedicated key.
"""

from __future__ import annotations

import base64
import binascii
import functools
from collections.abc import Iterable
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.checks import CheckMessage
from django.core.checks import Warning as CheckWarning
from django.core.exceptions import ImproperlyConfigured
from django.db import models

MIN_KEY_CHARS = 32
_HKDF_SALT = b"caredesk"
_HKDF_INFO = b"caredesk: secrets stored in the database, Fernet, v1"
_FERNET_VERSION = 0x80
_FERNET_MIN_BYTES = 1 + 8 + 16 + 16 + 32  # version, time, IV, one AES block, HMAC


class SecretUnreadable(Exception):
    """A stored secret did not decrypt with any configured key."""


def check_key(name: str, value: str) -> str:
    """`value` if it is long enough to be a key; else ImproperlyConfigured naming `name`."""
    if len(value) < MIN_KEY_CHARS:
        raise ImproperlyConfigured(
            f"{name} must be at least {MIN_KEY_CHARS} characters of random text, e.g. the "
            "output of: python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"
        )
    return value


@functools.lru_cache(maxsize=16)
def _fernet_key(key: str) -> bytes:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=_HKDF_SALT, info=_HKDF_INFO).derive(
        key.encode("utf-8")
    )
    return base64.urlsafe_b64encode(derived)


@functools.lru_cache(maxsize=4)
def _multi_fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(_fernet_key(key)) for key in keys])


def _configured_keys() -> tuple[str, ...]:
    """The encryption key first, then every key that may still decrypt, without repeats."""
    dedicated: str = settings.CAREDESK_ENCRYPTION_KEY
    old: Iterable[str] = settings.CAREDESK_ENCRYPTION_OLD_KEYS
    keys = [dedicated or settings.SECRET_KEY, *old, settings.SECRET_KEY]
    keys += [key for key in settings.SECRET_KEY_FALLBACKS if isinstance(key, str)]
    return tuple(dict.fromkeys(key for key in keys if key))


def check_encryption_key(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    """A warning when DEBUG is off and CAREDESK_ENCRYPTION_KEY is empty; registered with
    `manage.py check --deploy` by the email channel's app config."""
    if settings.DEBUG or settings.CAREDESK_ENCRYPTION_KEY:
        return []
    return [
        CheckWarning(
            "CAREDESK_ENCRYPTION_KEY is not set: the secrets stored in the database (IMAP "
            "passwords, webhook secrets) are encrypted with a key derived from SECRET_KEY, so "
            "they become unreadable if SECRET_KEY changes without the old value in "
            "SECRET_KEY_FALLBACKS.",
            hint=(
                "Set CAREDESK_ENCRYPTION_KEY to 32 or more random characters, e.g. from "
                "python3 -c 'import secrets; print(secrets.token_urlsafe(32))', keep it apart "
                "from SECRET_KEY and the database backups, restart, and run "
                "`caredesk reencrypt_secrets`."
            ),
            id="caredesk.W001",
        )
    ]


def encrypt_secret(plain: str) -> str:
    """The token to store for `plain`; "" stays "" (no secret set)."""
    if not plain:
        return ""
    return _multi_fernet(_configured_keys()).encrypt(plain.encode("utf-8")).decode("ascii")


def decrypt_secret(token: str) -> str:
    """The plain secret; SecretUnreadable when no configured key opens `token`."""
    if not token:
        return ""
    try:
        return _multi_fernet(_configured_keys()).decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError) as error:
        raise SecretUnreadable(
            "it does not decrypt with CAREDESK_ENCRYPTION_KEY, CAREDESK_ENCRYPTION_OLD_KEYS or "
            "SECRET_KEY: the key it was encrypted with is no longer configured, or the stored "
            "value was changed"
        ) from error


def reencrypt_secret(token: str) -> str:
    """`token` encrypted again under the current key; SecretUnreadable as for decrypting."""
    if not token:
        return ""
    try:
        return _multi_fernet(_configured_keys()).rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeError) as error:
        raise SecretUnreadable(
            "it does not decrypt with any configured key, so it cannot be re-encrypted"
        ) from error


def looks_encrypted(value: str) -> bool:
    """Whether `value` has the shape of a Fernet token (says nothing about its key)."""
    try:
        data = base64.urlsafe_b64decode(value.encode("ascii"))
    except (binascii.Error, UnicodeError, ValueError):
        return False
    return len(data) >= _FERNET_MIN_BYTES and data[0] == _FERNET_VERSION


class EncryptedSecretField(models.TextField):  # type: ignore[type-arg]
    """A column that holds only encrypted secrets (or "" for none).

    It neither encrypts nor decrypts by itself: the model encrypts on setting and
    decrypts where the secret is used, so a row with an unreadable secret still loads.
    Saving anything that is not a token fails, so plain text never reaches the column.
    `caredesk reencrypt_secrets` finds every such column.
    """

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value and not looks_encrypted(value):
            raise ValueError(
                f"{self.model.__name__}.{self.name} holds only encrypted values; "
                "encrypt the secret with caredesk.lib.encryption.encrypt_secret first"
            )
        return value
