"""A mailbox's IMAP password is kept encrypted, shown to nobody, and survives key rotation."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from caredesk.accounts.models import User
from caredesk.channels.email.models import Mailbox
from caredesk.channels.email.tasks import poll_imap_mailbox
from caredesk.conftest import PASSWORD
from caredesk.lib.encryption import SecretUnreadable

SECRET = "correct horse battery staple"
FIRST_KEY = "first-key-0123456789abcdefghijklmnopqrstuv"
SECOND_KEY = "second-key-0123456789abcdefghijklmnopqrstu"


def stored_row(mailbox: Mailbox) -> tuple[Any, ...]:
    """The mailbox's row as the database holds it, every column."""
    table = connection.ops.quote_name(Mailbox._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [mailbox.pk])
        row = cursor.fetchone()
    assert row is not None
    return tuple(row)


def with_password(mailbox: Mailbox, password: str = SECRET) -> Mailbox:
    mailbox.set_imap_password(password)
    mailbox.save()
    return Mailbox.objects.get(pk=mailbox.pk)


def test_the_password_comes_back_from_the_database_as_it_was_set(mailbox: Mailbox) -> None:
    assert with_password(mailbox).decrypt_imap_password() == SECRET
    assert with_password(mailbox, "pässwörd ✓").decrypt_imap_password() == "pässwörd ✓"


def test_no_column_of_the_row_holds_the_password_in_plain_text(mailbox: Mailbox) -> None:
    with_password(mailbox)
    row = stored_row(mailbox)
    assert not any(SECRET in str(value) for value in row)
    assert Mailbox.objects.get(pk=mailbox.pk).imap_password_encrypted in row


def test_the_column_refuses_a_value_that_is_not_encrypted(mailbox: Mailbox) -> None:
    with pytest.raises(ValueError, match="holds only encrypted values"):
        Mailbox.objects.filter(pk=mailbox.pk).update(imap_password_encrypted=SECRET)
    mailbox.imap_password_encrypted = SECRET
    with pytest.raises(ValueError, match="holds only encrypted values"):
        mailbox.save()


def test_an_empty_password_is_stored_as_no_password(mailbox: Mailbox) -> None:
    mailbox = with_password(mailbox, "")
    assert not mailbox.has_imap_password and mailbox.decrypt_imap_password() == ""


def test_a_password_under_a_key_that_is_gone_fails_with_an_error_naming_the_mailbox(
    mailbox: Mailbox, settings: Any
) -> None:
    settings.CAREDESK_ENCRYPTION_KEY = FIRST_KEY
    with_password(mailbox)
    settings.CAREDESK_ENCRYPTION_KEY = SECOND_KEY
    with pytest.raises(SecretUnreadable, match=r"mailbox help@shop\.example cannot be read"):
        Mailbox.objects.get(pk=mailbox.pk).decrypt_imap_password()


def test_the_task_records_an_unreadable_password_on_the_mailbox_instead_of_failing(
    mailbox: Mailbox, settings: Any
) -> None:
    mailbox.imap_host = "imap.shop.example"  # never reached: decryption comes first
    settings.CAREDESK_ENCRYPTION_KEY = FIRST_KEY
    with_password(mailbox)
    settings.CAREDESK_ENCRYPTION_KEY = SECOND_KEY
    assert poll_imap_mailbox.call(mailbox.pk) == {"fetched": 0, "moved": 0}
    mailbox.refresh_from_db()
    assert "help@shop.example cannot be read" in mailbox.imap_last_error


def test_after_a_key_change_old_keys_decrypt_until_every_secret_is_reencrypted(
    mailbox: Mailbox, settings: Any
) -> None:
    settings.CAREDESK_ENCRYPTION_KEY = FIRST_KEY
    before = with_password(mailbox).imap_password_encrypted
    settings.CAREDESK_ENCRYPTION_KEY = SECOND_KEY
    settings.CAREDESK_ENCRYPTION_OLD_KEYS = [FIRST_KEY]
    assert Mailbox.objects.get(pk=mailbox.pk).decrypt_imap_password() == SECRET

    out = io.StringIO()
    call_command("reencrypt_secrets", stdout=out)

    assert "email_channel.Mailbox.imap_password_encrypted: 1 re-encrypted" in out.getvalue()
    settings.CAREDESK_ENCRYPTION_OLD_KEYS = []
    mailbox = Mailbox.objects.get(pk=mailbox.pk)
    assert mailbox.imap_password_encrypted != before
    assert mailbox.decrypt_imap_password() == SECRET


def test_reencrypting_names_the_secrets_it_cannot_read_and_moves_the_others(
    mailbox: Mailbox, settings: Any
) -> None:
    settings.CAREDESK_ENCRYPTION_KEY = FIRST_KEY
    lost = with_password(Mailbox(address="lost@shop.example"))
    settings.CAREDESK_ENCRYPTION_KEY = SECOND_KEY
    settings.CAREDESK_ENCRYPTION_OLD_KEYS = ["a-third-key-0123456789abcdefghijklmnopq"]
    with_password(mailbox)
    err = io.StringIO()

    with pytest.raises(CommandError, match="1 secret"):
        call_command("reencrypt_secrets", stdout=io.StringIO(), stderr=err)

    assert "lost@shop.example" in err.getvalue()
    assert Mailbox.objects.get(pk=lost.pk).imap_password_encrypted == lost.imap_password_encrypted
    settings.CAREDESK_ENCRYPTION_OLD_KEYS = []
    assert Mailbox.objects.get(pk=mailbox.pk).decrypt_imap_password() == SECRET


# ----------------------------------------------------------------------------- admin


def admin_client(user: User) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def form_data(mailbox: Mailbox, **changes: Any) -> dict[str, Any]:
    """What the admin's change form posts for `mailbox` as it is, with `changes`."""
    data: dict[str, Any] = {
        "address": mailbox.address,
        "from_name": mailbox.from_name,
        "signature": mailbox.signature,
        "team": mailbox.team_id or "",
        "auto_acknowledge_text": mailbox.auto_acknowledge_text,
        "auto_acknowledge_hours": mailbox.auto_acknowledge_hours,
        "webhook_secret": "",
        "imap_host": "imap.shop.example",
        "imap_port": mailbox.imap_port,
        "imap_security": mailbox.imap_security,
        "imap_username": "help",
        "imap_password": "",
        "imap_folder": mailbox.imap_folder,
        "imap_processed_folder": mailbox.imap_processed_folder,
    }
    if mailbox.is_active:
        data["is_active"] = "on"
    data.update(changes)
    return data


def change_url(mailbox: Mailbox) -> str:
    return f"/admin/email_channel/mailbox/{mailbox.pk}/change/"


def test_the_admin_never_shows_the_stored_password(adam: User, mailbox: Mailbox) -> None:
    mailbox = with_password(mailbox)
    page = admin_client(adam).get(change_url(mailbox))
    assert page.status_code == 200
    assert SECRET.encode() not in page.content
    assert mailbox.imap_password_encrypted.encode() not in page.content
    assert b'type="password" name="imap_password"' in page.content
    assert b"A password is stored" in page.content


def test_saving_the_admin_form_with_a_blank_password_keeps_the_stored_one(
    adam: User, mailbox: Mailbox
) -> None:
    mailbox = with_password(mailbox)
    response = admin_client(adam).post(change_url(mailbox), form_data(mailbox, from_name="Help"))
    assert response.status_code == 302
    mailbox = Mailbox.objects.get(pk=mailbox.pk)
    assert mailbox.from_name == "Help" and mailbox.decrypt_imap_password() == SECRET


def test_a_password_typed_in_the_admin_replaces_the_stored_one_encrypted(
    adam: User, mailbox: Mailbox
) -> None:
    mailbox = with_password(mailbox)
    data = form_data(mailbox, imap_password="  a new one  ")
    assert admin_client(adam).post(change_url(mailbox), data).status_code == 302
    mailbox = Mailbox.objects.get(pk=mailbox.pk)
    assert mailbox.decrypt_imap_password() == "  a new one  "
    assert not any("a new one" in str(value) for value in stored_row(mailbox))


def test_a_mailbox_added_in_the_admin_keeps_its_password_encrypted(
    adam: User, mailbox: Mailbox
) -> None:
    data = form_data(mailbox, address="billing@shop.example", imap_password=SECRET)
    response = admin_client(adam).post("/admin/email_channel/mailbox/add/", data)
    assert response.status_code == 302
    added = Mailbox.objects.get(address="billing@shop.example")
    assert added.decrypt_imap_password() == SECRET
    assert not any(SECRET in str(value) for value in stored_row(added))


def test_the_admin_can_forget_the_stored_password(adam: User, mailbox: Mailbox) -> None:
    mailbox = with_password(mailbox)
    client = admin_client(adam)
    both = client.post(
        change_url(mailbox),
        form_data(mailbox, imap_password="x", forget_imap_password="on"),
    )
    assert both.status_code == 200 and b"not both" in both.content
    response = client.post(change_url(mailbox), form_data(mailbox, forget_imap_password="on"))
    assert response.status_code == 302
    assert not Mailbox.objects.get(pk=mailbox.pk).has_imap_password


# ------------------------------------------------------------------------- migration

BEFORE = ("email_channel", "0001_mailboxes_email_messages_quarantine")
AFTER = ("email_channel", "0002_mailbox_imap_password_encrypted")


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_passwords_stored_in_plain_text_and_back() -> None:
    encrypted = with_password(Mailbox(address="new@shop.example"), "written encrypted")
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    old_mailbox = executor.loader.project_state([BEFORE]).apps.get_model("email_channel", "Mailbox")
    assert old_mailbox.objects.get(pk=encrypted.pk).imap_password == "written encrypted"
    plain = old_mailbox.objects.create(address="old@shop.example", imap_password=SECRET)

    executor = MigrationExecutor(connection)
    executor.migrate([AFTER])
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())  # and any later migration

    mailbox = Mailbox.objects.get(pk=plain.pk)
    assert mailbox.decrypt_imap_password() == SECRET
    assert not any(SECRET in str(value) for value in stored_row(mailbox))
    assert Mailbox.objects.get(pk=encrypted.pk).decrypt_imap_password() == "written encrypted"
