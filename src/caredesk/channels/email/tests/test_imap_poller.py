"""Polling a real Dovecot IMAP server: UIDs, processed folder, TLS, and nothing lost."""

from __future__ import annotations

import imaplib
import io
import ssl
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import DatabaseError

from caredesk.channels.email import imap as imap_module
from caredesk.channels.email.imap import ImapError, poll_mailbox
from caredesk.channels.email.models import ImapSecurity, Mailbox, Quarantine
from caredesk.channels.email.tasks import poll_imap_mailbox
from caredesk.channels.email.tests.conftest import eml, mail
from caredesk.channels.email.tests.imapserver import PASSWORD, Dovecot, dovecot
from caredesk.tickets.models import Message, Ticket

pytestmark = pytest.mark.mailserver


@pytest.fixture(scope="module")
def dovecot_server() -> Iterator[Dovecot]:
    with dovecot() as running:
        yield running


@pytest.fixture
def server(dovecot_server: Dovecot) -> Dovecot:
    """The module's Dovecot, with a fresh user (and so fresh folders) for each test."""
    global USER
    USER = f"support-{uuid.uuid4().hex[:12]}"
    return dovecot_server


USER = "support"


def client(server: Dovecot) -> imaplib.IMAP4:
    connection = imaplib.IMAP4("127.0.0.1", server.port)
    connection.login(USER, PASSWORD)
    return connection


def append(server: Dovecot, *messages: bytes, folder: str = "INBOX") -> None:
    connection = client(server)
    for raw in messages:
        connection.append(folder, None, None, raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    connection.logout()


def count(server: Dovecot, folder: str) -> int:
    connection = client(server)
    status, data = connection.select(f'"{folder}"', readonly=True)
    connection.logout()
    assert status == "OK"
    return int(data[0] or 0)


def configure(
    mailbox: Mailbox, server: Dovecot, *, imap_password: str = PASSWORD, **extra: Any
) -> Mailbox:
    mailbox.imap_host = "127.0.0.1"
    mailbox.imap_port = server.port
    mailbox.imap_security = ImapSecurity.NONE
    mailbox.imap_username = USER
    mailbox.set_imap_password(imap_password)
    for name, value in extra.items():
        setattr(mailbox, name, value)
    mailbox.save()
    return mailbox


def test_new_mail_becomes_tickets_and_moves_to_the_processed_folder(
    server: Dovecot, mailbox: Mailbox
) -> None:
    configure(mailbox, server)
    append(
        server,
        eml("gmail_new_question.eml"),
        eml("apple_mail_inline_image.eml"),
        eml("not_an_email_json.eml"),
    )
    result = poll_mailbox(mailbox)
    assert result.fetched == 3 and result.moved == 3
    assert [r.outcome for r in result.results] == ["stored", "stored", "quarantined"]
    assert Ticket.objects.count() == 2 and Quarantine.objects.count() == 1
    assert count(server, "INBOX") == 0 and count(server, "caredesk-processed") == 3
    mailbox.refresh_from_db()
    assert mailbox.imap_uidvalidity is not None and mailbox.imap_last_uid == 3
    assert mailbox.imap_last_error == ""

    append(server, mail(message_id="<later@example.com>", subject="Another thing"))
    again = poll_mailbox(mailbox)
    assert again.fetched == 1 and Ticket.objects.count() == 3


def test_without_a_processed_folder_mail_stays_and_is_not_read_twice(
    server: Dovecot, mailbox: Mailbox
) -> None:
    configure(mailbox, server, imap_processed_folder="")
    append(server, eml("gmail_new_question.eml"))
    assert poll_mailbox(mailbox).fetched == 1
    assert poll_mailbox(mailbox).fetched == 0
    assert count(server, "INBOX") == 1 and Message.objects.count() == 1


def test_a_new_uidvalidity_rereads_the_folder_without_duplicating(
    server: Dovecot, mailbox: Mailbox
) -> None:
    configure(mailbox, server, imap_processed_folder="")
    append(server, eml("gmail_new_question.eml"))
    poll_mailbox(mailbox)
    Mailbox.objects.filter(pk=mailbox.pk).update(imap_uidvalidity=1, imap_last_uid=99)
    mailbox.refresh_from_db()
    result = poll_mailbox(mailbox)
    assert [r.outcome for r in result.results] == ["duplicate"]
    assert Message.objects.count() == 1


def test_a_message_is_never_removed_before_it_is_stored(
    server: Dovecot, mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(mailbox, server)
    append(server, eml("gmail_new_question.eml"))

    def database_down(raw: bytes, *, mailbox: Mailbox) -> None:
        raise DatabaseError("the database went away")

    monkeypatch.setattr(imap_module, "process_inbound_email", database_down)
    with pytest.raises(DatabaseError):
        poll_mailbox(mailbox)
    assert count(server, "INBOX") == 1
    mailbox.refresh_from_db()
    assert mailbox.imap_last_uid == 0

    monkeypatch.undo()
    assert poll_mailbox(mailbox).fetched == 1
    assert count(server, "INBOX") == 0 and Message.objects.count() == 1


def test_a_wrong_password_is_recorded_on_the_mailbox(server: Dovecot, mailbox: Mailbox) -> None:
    configure(mailbox, server, imap_password="wrong")
    # The task records and swallows it, so one broken mailbox does not fail the worker.
    assert poll_imap_mailbox.call(mailbox.pk) == {"fetched": 0, "moved": 0}
    mailbox.refresh_from_db()
    assert "could not connect" in mailbox.imap_last_error


def test_the_poller_skips_a_mailbox_whose_password_cannot_be_decrypted_and_goes_on(
    server: Dovecot, mailbox: Mailbox, settings: Any
) -> None:
    settings.CAREDESK_ENCRYPTION_KEY = "a-key-that-will-be-lost-" + "x" * 16
    broken = Mailbox.objects.create(
        address="sales@shop.example", imap_host="127.0.0.1", imap_port=server.port
    )
    broken.set_imap_password("the sales password")
    broken.save()
    settings.CAREDESK_ENCRYPTION_KEY = "the-key-configured-now-" + "y" * 16
    configure(mailbox, server)
    append(server, mail(message_id="<after-the-broken-one@example.com>"))
    out, err = io.StringIO(), io.StringIO()

    call_command("email_poll", stdout=out, stderr=err)

    assert "sales@shop.example" in err.getvalue() and "cannot be read" in err.getvalue()
    broken.refresh_from_db()
    assert "The IMAP password of mailbox sales@shop.example cannot be read" in (
        broken.imap_last_error
    )
    assert "help@shop.example: 1 fetched" in out.getvalue()
    assert Message.objects.count() == 1


def test_polling_over_tls_verifies_the_servers_certificate(mailbox: Mailbox, settings: Any) -> None:
    with dovecot(tls=True) as server:
        configure(mailbox, server, imap_security=ImapSecurity.TLS)
        connection = imaplib.IMAP4_SSL(
            "127.0.0.1",
            server.port,
            ssl_context=ssl.create_default_context(cafile=str(server.cert)),
        )
        connection.login(USER, PASSWORD)
        connection.append(
            "INBOX", None, None, eml("gmail_new_question.eml").replace(b"\n", b"\r\n")
        )
        connection.logout()
        with pytest.raises(ImapError, match="CERTIFICATE_VERIFY_FAILED"):
            poll_mailbox(mailbox)  # a self-signed certificate is not trusted by default
        settings.CAREDESK_EMAIL_IMAP_CA_FILE = str(server.cert)
        assert poll_mailbox(mailbox).fetched == 1
    assert Message.objects.count() == 1


def test_without_dovecot_the_imap_tests_fail_with_the_install_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from caredesk.channels.email.tests import imapserver

    monkeypatch.setattr(imapserver, "dovecot_path", lambda: None)
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y dovecot-imapd"):
        imapserver._require_dovecot()
