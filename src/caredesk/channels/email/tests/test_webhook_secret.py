"""A mailbox's webhook secret is kept encrypted, shown to nobody, and still opens the webhook."""

from __future__ import annotations

import io
import logging
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from caredesk.accounts.models import User
from caredesk.channels.email.models import Mailbox
from caredesk.channels.email.tests.conftest import WEBHOOK_SECRET, eml
from caredesk.channels.email.tests.test_mailbox_password import (
    FIRST_KEY,
    SECOND_KEY,
    admin_client,
    change_url,
    form_data,
    stored_row,
)
from caredesk.channels.email.tests.test_webhook import post
from caredesk.lib.encryption import SecretUnreadable
from caredesk.tickets.models import Message

SECRET = "a-webhook-secret-nobody-may-read"


def with_secret(mailbox: Mailbox, secret: str = SECRET) -> Mailbox:
    mailbox.set_webhook_secret(secret)
    mailbox.save()
    return Mailbox.objects.get(pk=mailbox.pk)


def test_the_secret_comes_back_from_the_database_as_it_was_set(mailbox: Mailbox) -> None:
    mailbox = with_secret(mailbox)
    assert mailbox.has_webhook_secret and mailbox.webhook_secret_matches(SECRET)
    assert not mailbox.webhook_secret_matches(SECRET + "x")
    assert not mailbox.webhook_secret_matches("")
    assert with_secret(mailbox, "sécret ✓").webhook_secret_matches("sécret ✓")


def test_no_column_of_the_row_holds_the_secret_in_plain_text(mailbox: Mailbox) -> None:
    mailbox = with_secret(mailbox)
    row = stored_row(mailbox)
    assert not any(SECRET in str(value) for value in row)
    assert mailbox.webhook_secret_encrypted in row


def test_the_column_refuses_a_secret_that_is_not_encrypted(mailbox: Mailbox) -> None:
    with pytest.raises(ValueError, match="holds only encrypted values"):
        Mailbox.objects.filter(pk=mailbox.pk).update(webhook_secret_encrypted=SECRET)


def test_an_empty_secret_is_stored_as_none_and_matches_nothing(mailbox: Mailbox) -> None:
    mailbox = with_secret(mailbox, "")
    assert mailbox.webhook_secret_encrypted == ""
    assert not mailbox.has_webhook_secret and not mailbox.webhook_secret_matches("")


# --------------------------------------------------------------------------- webhook


def test_the_webhook_takes_the_new_secret_and_refuses_the_old_one(mailbox: Mailbox) -> None:
    mailbox = with_secret(mailbox)
    client = Client()
    refused = post(client, mailbox, eml("gmail_new_question.eml"), secret=WEBHOOK_SECRET)
    assert refused.status_code == 403
    assert post(client, mailbox, eml("gmail_new_question.eml"), secret=SECRET).status_code == 201


def test_a_secret_under_a_key_that_is_gone_answers_503_and_logs_the_mailbox(
    mailbox: Mailbox, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    settings.CAREDESK_ENCRYPTION_KEY = FIRST_KEY
    mailbox = with_secret(mailbox)
    settings.CAREDESK_ENCRYPTION_KEY = SECOND_KEY
    with pytest.raises(SecretUnreadable, match=r"mailbox help@shop\.example cannot be read"):
        mailbox.webhook_secret_matches(SECRET)

    client = Client()
    with caplog.at_level(logging.ERROR, logger="caredesk.channels.email.views"):
        missing = post(client, mailbox, eml("gmail_new_question.eml"), secret="")
        assert missing.status_code == 403 and not caplog.records  # refused before decrypting
        response = post(client, mailbox, eml("gmail_new_question.eml"), secret=SECRET)

    assert response.status_code == 503 and "try again" in response.json()["error"]
    assert "webhook secret of mailbox help@shop.example cannot be read" in caplog.text
    assert SECRET not in caplog.text
    assert Message.objects.count() == 0


def test_after_a_key_change_reencrypting_moves_the_secret_and_the_webhook_still_opens(
    mailbox: Mailbox, settings: Any
) -> None:
    settings.CAREDESK_ENCRYPTION_KEY = FIRST_KEY
    before = with_secret(mailbox).webhook_secret_encrypted
    settings.CAREDESK_ENCRYPTION_KEY = SECOND_KEY
    settings.CAREDESK_ENCRYPTION_OLD_KEYS = [FIRST_KEY]
    out = io.StringIO()

    call_command("reencrypt_secrets", stdout=out)

    assert "email_channel.Mailbox.webhook_secret_encrypted: 1 re-encrypted" in out.getvalue()
    settings.CAREDESK_ENCRYPTION_OLD_KEYS = []
    mailbox = Mailbox.objects.get(pk=mailbox.pk)
    assert mailbox.webhook_secret_encrypted != before
    assert post(Client(), mailbox, eml("gmail_new_question.eml"), secret=SECRET).status_code == 201


# ----------------------------------------------------------------------------- admin


def test_the_admin_never_shows_the_stored_secret(adam: User, mailbox: Mailbox) -> None:
    mailbox = with_secret(mailbox)
    page = admin_client(adam).get(change_url(mailbox))
    assert page.status_code == 200
    assert SECRET.encode() not in page.content
    assert mailbox.webhook_secret_encrypted.encode() not in page.content
    assert b'type="password" name="webhook_secret"' in page.content
    assert b"A secret is stored" in page.content


def test_saving_the_admin_form_with_a_blank_secret_keeps_the_stored_one(
    adam: User, mailbox: Mailbox
) -> None:
    mailbox = with_secret(mailbox)
    response = admin_client(adam).post(change_url(mailbox), form_data(mailbox, from_name="Help"))
    assert response.status_code == 302
    mailbox = Mailbox.objects.get(pk=mailbox.pk)
    assert mailbox.from_name == "Help" and mailbox.webhook_secret_matches(SECRET)


def test_a_secret_typed_in_the_admin_replaces_the_stored_one_encrypted(
    adam: User, mailbox: Mailbox
) -> None:
    data = form_data(mailbox, webhook_secret="  a-new-webhook-secret  ")
    assert admin_client(adam).post(change_url(mailbox), data).status_code == 302
    mailbox = Mailbox.objects.get(pk=mailbox.pk)
    assert mailbox.webhook_secret_matches("a-new-webhook-secret")  # stripped, as before
    assert not mailbox.webhook_secret_matches(WEBHOOK_SECRET)
    assert not any("a-new-webhook-secret" in str(value) for value in stored_row(mailbox))


def test_a_mailbox_added_in_the_admin_keeps_its_secret_encrypted(
    adam: User, mailbox: Mailbox
) -> None:
    data = form_data(mailbox, address="billing@shop.example", webhook_secret=SECRET)
    response = admin_client(adam).post("/admin/email_channel/mailbox/add/", data)
    assert response.status_code == 302
    added = Mailbox.objects.get(address="billing@shop.example")
    assert added.webhook_secret_matches(SECRET)
    assert not any(SECRET in str(value) for value in stored_row(added))


def test_the_admin_can_forget_the_stored_secret_which_turns_the_webhook_off(
    adam: User, mailbox: Mailbox
) -> None:
    client = admin_client(adam)
    both = client.post(
        change_url(mailbox),
        form_data(mailbox, webhook_secret="x", forget_webhook_secret="on"),
    )
    assert both.status_code == 200 and b"not both" in both.content
    response = client.post(change_url(mailbox), form_data(mailbox, forget_webhook_secret="on"))
    assert response.status_code == 302
    mailbox = Mailbox.objects.get(pk=mailbox.pk)
    assert not mailbox.has_webhook_secret
    assert post(Client(), mailbox, eml("gmail_new_question.eml")).status_code == 404


# ------------------------------------------------------------------------- migration

BEFORE = ("email_channel", "0002_mailbox_imap_password_encrypted")
AFTER = ("email_channel", "0003_mailbox_webhook_secret_encrypted")


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_secrets_stored_in_plain_text_and_back() -> None:
    encrypted = with_secret(Mailbox(address="new@shop.example"), "written encrypted")
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    old_mailbox = executor.loader.project_state([BEFORE]).apps.get_model("email_channel", "Mailbox")
    assert old_mailbox.objects.get(pk=encrypted.pk).webhook_secret == "written encrypted"
    plain = old_mailbox.objects.create(address="old@shop.example", webhook_secret=SECRET)
    old_mailbox.objects.create(address="none@shop.example", webhook_secret="")

    executor = MigrationExecutor(connection)
    executor.migrate([AFTER])
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())  # and any later migration

    mailbox = Mailbox.objects.get(pk=plain.pk)
    assert mailbox.webhook_secret_matches(SECRET)
    assert not any(SECRET in str(value) for value in stored_row(mailbox))
    assert Mailbox.objects.get(pk=encrypted.pk).webhook_secret_matches("written encrypted")
    assert not Mailbox.objects.get(address="none@shop.example").has_webhook_secret
