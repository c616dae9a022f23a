"""The inbound-mail webhook: a shared secret, a raw message body, clear 4xx on bad input."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from caredesk.channels.email.models import Mailbox, Quarantine
from caredesk.channels.email.tests.conftest import WEBHOOK_SECRET as SECRET
from caredesk.channels.email.tests.conftest import eml
from caredesk.channels.email.views import SECRET_HEADER
from caredesk.tickets.models import Message, Ticket


@pytest.fixture
def browser() -> Client:
    return Client(enforce_csrf_checks=True)  # the webhook must not need a CSRF token


def post(client: Client, mailbox: Mailbox, body: bytes, secret: str = SECRET, **extra: str):  # type: ignore[no-untyped-def]
    headers = {SECRET_HEADER: secret} if secret else {}
    return client.post(
        reverse("email:inbound-webhook", args=[mailbox.pk]),
        data=body,
        content_type=extra.pop("content_type", "message/rfc822"),
        headers=headers | extra,
    )


def test_a_raw_message_with_the_secret_is_stored(browser: Client, mailbox: Mailbox) -> None:
    response = post(browser, mailbox, eml("gmail_new_question.eml"))
    assert response.status_code == 201
    body = response.json()
    assert body["outcome"] == "stored" and body["new_ticket"] is True
    assert Ticket.objects.get().pk == body["ticket"]
    again = post(browser, mailbox, eml("gmail_new_question.eml"))
    assert again.status_code == 200 and again.json()["outcome"] == "duplicate"


def test_the_secret_may_come_as_a_bearer_token(browser: Client, mailbox: Mailbox) -> None:
    response = post(
        browser, mailbox, eml("gmail_new_question.eml"), secret="", Authorization=f"Bearer {SECRET}"
    )
    assert response.status_code == 201


def test_an_unparseable_message_is_quarantined_not_refused(
    browser: Client, mailbox: Mailbox
) -> None:
    response = post(browser, mailbox, eml("from_without_address.eml"))
    assert response.status_code == 200 and response.json()["outcome"] == "quarantined"
    assert Quarantine.objects.count() == 1


@pytest.mark.parametrize(
    ("secret", "body", "content_type", "status", "words"),
    [
        ("wrong-secret", b"From: a@b.example\n\nhi", "message/rfc822", 403, "secret"),
        ("", b"From: a@b.example\n\nhi", "message/rfc822", 403, "secret"),
        (SECRET, b"", "message/rfc822", 400, "empty"),
        (SECRET, b"   \n", "message/rfc822", 400, "empty"),
        (SECRET, b'{"json": "not mail"}', "message/rfc822", 400, "header"),
        (SECRET, b"just some words", "text/plain", 400, "header"),
        (SECRET, b"From: a@b.example\n\nhi", "multipart/form-data; boundary=x", 415, "raw message"),
        (SECRET, b"From: a@b.example\n\nhi", "application/json", 415, "raw message"),
    ],
)
def test_bad_requests_get_a_clear_error_and_change_nothing(
    browser: Client,
    mailbox: Mailbox,
    secret: str,
    body: bytes,
    content_type: str,
    status: int,
    words: str,
) -> None:
    response = post(browser, mailbox, body, secret=secret, content_type=content_type)
    assert response.status_code == status
    assert words in response.json()["error"]
    assert Message.objects.count() == 0 and Quarantine.objects.count() == 0


def test_a_message_over_the_size_limit_is_refused_with_413(
    browser: Client, mailbox: Mailbox, settings: object
) -> None:
    settings.CAREDESK_EMAIL_MAX_MESSAGE_BYTES = 1000  # type: ignore[attr-defined]
    response = post(browser, mailbox, b"From: a@b.example\n\n" + b"x" * 2000)
    assert response.status_code == 413
    assert Message.objects.count() == 0


def test_only_post_is_allowed(browser: Client, mailbox: Mailbox) -> None:
    response = browser.get(reverse("email:inbound-webhook", args=[mailbox.pk]))
    assert response.status_code == 405


def test_a_mailbox_without_a_webhook_secret_takes_no_webhook_mail(
    browser: Client, mailbox: Mailbox
) -> None:
    mailbox.set_webhook_secret("")
    mailbox.save()
    response = post(browser, mailbox, eml("gmail_new_question.eml"), secret="")
    assert response.status_code == 404
    missing = browser.post(
        "/channels/email/inbound/9999/", data=b"x", content_type="message/rfc822"
    )
    assert missing.status_code == 404
