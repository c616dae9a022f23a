"""`caredesk reencrypt_secrets`: encrypt every stored secret again with the current key.

Run it after setting a new CAREDESK_ENCRYPTION_KEY (with the previous one in
CAREDESK_ENCRYPTION_OLD_KEYS); once it reports no unreadable value, the old keys can go.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import models

from caredesk.lib.encryption import EncryptedSecretField, SecretUnreadable, reencrypt_secret


def encrypted_fields() -> list[tuple[type[models.Model], str]]:
    """Every (model, field name) that holds encrypted secrets, in every installed app."""
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, EncryptedSecretField)
    ]


class Command(BaseCommand):
    help = "Encrypt every secret stored in the database again with CAREDESK_ENCRYPTION_KEY."

    def handle(self, *args: Any, **options: Any) -> None:
        unreadable: list[str] = []
        for model, name in encrypted_fields():
            done = 0
            rows = model._default_manager.exclude(**{name: ""}).values_list("pk", name)
            for pk, token in rows.iterator():
                try:
                    fresh = reencrypt_secret(token)
                except SecretUnreadable as error:
                    row = model._default_manager.get(pk=pk)
                    unreadable.append(f"{model._meta.label} {row} (id {pk}), {name}: {error}")
                    continue
                # Only if nobody changed it meanwhile; a new value is already current.
                done += model._default_manager.filter(pk=pk, **{name: token}).update(
                    **{name: fresh}
                )
            self.stdout.write(f"{model._meta.label}.{name}: {done} re-encrypted")
        if unreadable:
            for line in unreadable:
                self.stderr.write(line)
            raise CommandError(
                f"{len(unreadable)} secret(s) could not be decrypted with any configured key "
                "and were left as they are"
            )
