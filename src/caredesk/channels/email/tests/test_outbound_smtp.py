"""Agent replies and automatic messages sent through a real SMTP server (aiosmtpd)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from caredesk.accounts.models import User
from caredesk.channels.email.models import Direction, EmailMessage, Mailbox, Suppression
from caredesk.channels.email.tests.conftest import eml, ingest, mail
from caredesk.channels.email.tests.smtpserver import RecordingHandler, free_port, smtp_server
from caredesk.tickets.actions import do_add_system_message
from caredesk.tickets.models import Delivery, Message, Ticket

pytestmark = pytest.mark.mailserver


@pytest.fixture
def smtp(settings: Any) -> Iterator[RecordingHandler]:
    with smtp_server() as (handler, port):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_TIMEOUT = 5
        yield handler


@pytest.fixture
def ticket_by_email(mailbox: Mailbox) -> Ticket:
    result = ingest(eml("gmail_new_question.eml"), mailbox)
    assert result.ticket is not None
    return result.ticket


def test_an_agent_reply_goes_out_threaded_with_both_parts_and_the_mailbox_identity(
    smtp: RecordingHandler,
    ticket_by_email: Ticket,
    alice: User,
    reply: Callable[..., Message],
) -> None:
    message = reply(ticket_by_email, alice, "Hi Carmen,\n\nthe courier has it; it arrives today.")
    assert message.delivery == Delivery.SENT and message.delivery_error == ""
    [received] = smtp.received
    sent = received.message
    stored = EmailMessage.objects.get(ticket_message=message, direction=Direction.OUTBOUND)
    assert sent["Message-ID"] == stored.message_id
    assert sent["In-Reply-To"] == "<CAF4kq=Pp1Lx0gMb1xXn1uX3v_0a@mail.gmail.com>"
    assert "<CAF4kq=Pp1Lx0gMb1xXn1uX3v_0a@mail.gmail.com>" in sent["References"]
    assert sent["Subject"] == f"Re: Order 1234 has not arrived {ticket_by_email.token}"
    assert sent["From"] == "Shop Support <help@shop.example>"
    assert sent["Reply-To"] == "help@shop.example"
    assert received.rcpt_tos == ["carmen@example.com"]
    assert sent["Auto-Submitted"] is None
    plain = sent.get_body(preferencelist=("plain",))
    html = sent.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    plain_text = plain.get_content().replace("\r\n", "\n")
    assert "the courier has it" in plain_text
    assert "-- \nThe Shop support team" in plain_text
    assert "<p>Hi Carmen,</p>" in html.get_content()
    assert stored.sent_at is not None


def test_the_customers_answer_to_our_reply_threads_back(
    smtp: RecordingHandler,
    ticket_by_email: Ticket,
    mailbox: Mailbox,
    alice: User,
    reply: Callable[..., Message],
) -> None:
    reply(ticket_by_email, alice, "Could you send a photo of the label?")
    sent = smtp.received[0].message
    answer = mail(
        subject=str(sent["Subject"]).replace("Re:", "RE:"),
        message_id="<photo@example.com>",
        in_reply_to=str(sent["Message-ID"]),
        references=str(sent["References"]) + " " + str(sent["Message-ID"]),
    )
    assert ingest(answer, mailbox).ticket == ticket_by_email


def test_cc_participants_are_kept_on_the_reply(
    smtp: RecordingHandler, mailbox: Mailbox, alice: User, reply: Callable[..., Message]
) -> None:
    result = ingest(eml("cc_several_people.eml"), mailbox)
    assert result.ticket is not None
    reply(result.ticket, alice, "40 mugs it is.")
    [received] = smtp.received
    assert sorted(received.rcpt_tos) == [
        "carmen@example.com",
        "dave@example.com",
        "eve@example.org",
    ]
    assert "billing@shop.example" not in str(received.message["Cc"])


def test_an_automatic_acknowledgement_is_marked_auto_replied_and_sent_once_a_day(
    smtp: RecordingHandler, mailbox: Mailbox, committed: Callable[..., Any]
) -> None:
    mailbox.auto_acknowledge = True
    mailbox.save()
    first = committed(ingest, raw=eml("gmail_new_question.eml"), mailbox=mailbox)
    second = committed(
        ingest,
        raw=mail(subject="Another question", message_id="<second@example.com>"),
        mailbox=mailbox,
    )
    assert first.new_ticket and second.new_ticket
    [ack] = smtp.received
    assert ack.message["Auto-Submitted"] == "auto-replied"
    body = ack.message.get_body(("plain",))
    assert body is not None and first.ticket.token in body.get_content()


def test_a_refused_address_fails_at_once_with_the_servers_reason(
    smtp: RecordingHandler, ticket_by_email: Ticket, alice: User, reply: Callable[..., Message]
) -> None:
    smtp.refuse.add("carmen@example.com")
    message = reply(ticket_by_email, alice, "Hello?")
    assert message.delivery == Delivery.FAILED
    assert "550" in message.delivery_error and "carmen@example.com" in message.delivery_error


def test_an_unreachable_server_is_retried_then_marked_failed_with_the_reason(
    settings: Any, ticket_by_email: Ticket, alice: User, reply: Callable[..., Message]
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nothing listens there
    settings.EMAIL_TIMEOUT = 2
    message = reply(ticket_by_email, alice, "Hello?")
    assert message.delivery == Delivery.FAILED
    assert "ConnectionRefusedError" in message.delivery_error
    # One Message-ID for every attempt.
    assert EmailMessage.objects.filter(ticket_message=message).count() == 1


def test_a_permanent_bounce_fails_the_message_and_pauses_the_address(
    smtp: RecordingHandler,
    ticket_by_email: Ticket,
    mailbox: Mailbox,
    alice: User,
    reply: Callable[..., Message],
    committed: Callable[..., Any],
) -> None:
    message = reply(ticket_by_email, alice, "Here is the update.")
    sent_id = EmailMessage.objects.get(ticket_message=message).message_id
    bounce = eml("bounce_permanent_user_unknown.eml").replace(
        b"<caredesk.1.2.999@shop.example>", sent_id.encode()
    )
    result = ingest(bounce, mailbox)
    assert result.outcome == "delivery_report" and result.message == message
    message.refresh_from_db()
    assert message.delivery == Delivery.FAILED
    assert "5.1.1" in message.delivery_error and "User unknown" in message.delivery_error
    assert Suppression.objects.filter(address="carmen@example.com").exists()

    # Paused: neither agents' replies nor system notifications go out.
    later = reply(ticket_by_email, alice, "Are you there?")
    notice = committed(do_add_system_message, ticket=ticket_by_email, body_text="Survey", send=True)
    notice.refresh_from_db()
    for paused in (later, notice):
        assert paused.delivery == Delivery.FAILED and "paused" in paused.delivery_error
    assert len(smtp.received) == 1

    # The customer writing again shows the address works: mail resumes.
    ingest(mail(subject="I fixed my mailbox", message_id="<fixed@example.com>"), mailbox)
    assert not Suppression.objects.exists()


def test_a_delay_notice_keeps_the_message_sent_and_notes_the_delay(
    smtp: RecordingHandler,
    ticket_by_email: Ticket,
    mailbox: Mailbox,
    alice: User,
    reply: Callable[..., Message],
) -> None:
    message = reply(ticket_by_email, alice, "Here is the update.")
    sent_id = EmailMessage.objects.get(ticket_message=message).message_id
    delay = eml("bounce_delayed.eml").replace(b"<caredesk.1.2.999@shop.example>", sent_id.encode())
    assert ingest(delay, mailbox).outcome == "delivery_report"
    message.refresh_from_db()
    assert message.delivery == Delivery.SENT and "Delayed" in message.delivery_error
    assert not Suppression.objects.exists()
