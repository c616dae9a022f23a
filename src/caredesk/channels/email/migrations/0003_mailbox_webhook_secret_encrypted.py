"""Webhook secrets encrypted at rest: add the encrypted column, fill it, drop the plain one."""

from typing import Any

from django.db import migrations

import caredesk.lib.encryption


def encrypt_plain_secrets(apps: Any, schema_editor: Any) -> None:
    Mailbox = apps.get_model("email_channel", "Mailbox")
    for mailbox in Mailbox.objects.using(schema_editor.connection.alias).exclude(webhook_secret=""):
        mailbox.webhook_secret_encrypted = caredesk.lib.encryption.encrypt_secret(
            mailbox.webhook_secret
        )
        mailbox.save(update_fields=["webhook_secret_encrypted"])


def decrypt_to_plain_secrets(apps: Any, schema_editor: Any) -> None:
    Mailbox = apps.get_model("email_channel", "Mailbox")
    queryset = Mailbox.objects.using(schema_editor.connection.alias)
    for mailbox in queryset.exclude(webhook_secret_encrypted=""):
        try:
            plain = caredesk.lib.encryption.decrypt_secret(mailbox.webhook_secret_encrypted)
        except caredesk.lib.encryption.SecretUnreadable as error:
            raise RuntimeError(
                f"The webhook secret of mailbox {mailbox.address} cannot be read: {error}"
            ) from error
        if len(plain) > 200:
            raise RuntimeError(
                f"The webhook secret of mailbox {mailbox.address} is longer than the 200 "
                "characters the unencrypted column holds"
            )
        mailbox.webhook_secret = plain
        mailbox.save(update_fields=["webhook_secret"])


class Migration(migrations.Migration):
    dependencies = [
        ("email_channel", "0002_mailbox_imap_password_encrypted"),
    ]

    operations = [
        migrations.AddField(
            model_name="mailbox",
            name="webhook_secret_encrypted",
            field=caredesk.lib.encryption.EncryptedSecretField(
                blank=True, default="", editable=False
            ),
        ),
        migrations.RunPython(encrypt_plain_secrets, decrypt_to_plain_secrets),
        migrations.RemoveField(
            model_name="mailbox",
            name="webhook_secret",
        ),
    ]
