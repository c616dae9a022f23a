"""IMAP passwords encrypted at rest: add the encrypted column, fill it, drop the plain one."""

from typing import Any

from django.db import migrations

import caredesk.lib.encryption


def encrypt_plain_passwords(apps: Any, schema_editor: Any) -> None:
    Mailbox = apps.get_model("email_channel", "Mailbox")
    for mailbox in Mailbox.objects.using(schema_editor.connection.alias).exclude(imap_password=""):
        mailbox.imap_password_encrypted = caredesk.lib.encryption.encrypt_secret(
            mailbox.imap_password
        )
        mailbox.save(update_fields=["imap_password_encrypted"])


def decrypt_to_plain_passwords(apps: Any, schema_editor: Any) -> None:
    Mailbox = apps.get_model("email_channel", "Mailbox")
    queryset = Mailbox.objects.using(schema_editor.connection.alias)
    for mailbox in queryset.exclude(imap_password_encrypted=""):
        try:
            plain = caredesk.lib.encryption.decrypt_secret(mailbox.imap_password_encrypted)
        except caredesk.lib.encryption.SecretUnreadable as error:
            raise RuntimeError(
                f"The IMAP password of mailbox {mailbox.address} cannot be read: {error}"
            ) from error
        if len(plain) > 250:
            raise RuntimeError(
                f"The IMAP password of mailbox {mailbox.address} is longer than the 250 "
                "characters the unencrypted column holds"
            )
        mailbox.imap_password = plain
        mailbox.save(update_fields=["imap_password"])


class Migration(migrations.Migration):
    dependencies = [
        ("email_channel", "0001_mailboxes_email_messages_quarantine"),
    ]

    operations = [
        migrations.AddField(
            model_name="mailbox",
            name="imap_password_encrypted",
            field=caredesk.lib.encryption.EncryptedSecretField(
                blank=True, default="", editable=False
            ),
        ),
        migrations.RunPython(encrypt_plain_passwords, decrypt_to_plain_passwords),
        migrations.RemoveField(
            model_name="mailbox",
            name="imap_password",
        ),
    ]
