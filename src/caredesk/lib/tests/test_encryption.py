"""Stored secrets: authenticated encryption, keys from settings, SECRET_KEY as the fallback."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.checks import Tags, run_checks
from django.core.exceptions import ImproperlyConfigured

from caredesk.lib.encryption import (
    SecretUnreadable,
    check_key,
    decrypt_secret,
    encrypt_secret,
    looks_encrypted,
    reencrypt_secret,
)

KEY = "a-dedicated-key-0123456789abcdefghijklmnop"


def test_a_secret_encrypts_to_a_different_token_each_time_and_decrypts_back() -> None:
    first, second = encrypt_secret("hunter2"), encrypt_secret("hunter2")
    assert first != second and looks_encrypted(first) and "hunter2" not in first
    assert decrypt_secret(first) == decrypt_secret(second) == "hunter2"


def test_a_changed_token_is_refused_not_misread() -> None:
    token = encrypt_secret("hunter2")
    changed = token[:-6] + ("AAAAAA" if not token.endswith("AAAAAA") else "BBBBBB")
    with pytest.raises(SecretUnreadable):
        decrypt_secret(changed)
    with pytest.raises(SecretUnreadable):
        decrypt_secret("not a token at all")


def test_secrets_written_under_the_secret_key_fallback_stay_readable_with_a_dedicated_key(
    settings: Any,
) -> None:
    settings.CAREDESK_ENCRYPTION_KEY = ""
    token = encrypt_secret("hunter2")
    settings.CAREDESK_ENCRYPTION_KEY = KEY
    assert decrypt_secret(token) == "hunter2"
    fresh = reencrypt_secret(token)
    settings.SECRET_KEY = "another-secret-key-0123456789abcdefghijklmnopq"
    assert decrypt_secret(fresh) == "hunter2"
    with pytest.raises(SecretUnreadable):
        decrypt_secret(token)


def test_a_short_key_stops_start_up_with_the_variable_named() -> None:
    with pytest.raises(ImproperlyConfigured, match="CAREDESK_ENCRYPTION_KEY must be at least"):
        check_key("CAREDESK_ENCRYPTION_KEY", "too-short")
    assert check_key("CAREDESK_ENCRYPTION_KEY", KEY) == KEY


def security_check_ids(*, deploy: bool) -> set[str | None]:
    messages = run_checks(tags=[Tags.security], include_deployment_checks=deploy)
    return {message.id for message in messages}


def test_the_deploy_check_warns_only_for_production_without_a_dedicated_key(
    settings: Any,
) -> None:
    settings.DEBUG = False
    settings.CAREDESK_ENCRYPTION_KEY = ""
    assert "caredesk.W001" in security_check_ids(deploy=True)
    assert "caredesk.W001" not in security_check_ids(deploy=False)
    settings.CAREDESK_ENCRYPTION_KEY = KEY
    assert "caredesk.W001" not in security_check_ids(deploy=True)
    settings.CAREDESK_ENCRYPTION_KEY = ""
    settings.DEBUG = True
    assert "caredesk.W001" not in security_check_ids(deploy=True)
