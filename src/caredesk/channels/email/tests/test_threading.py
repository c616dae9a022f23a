"""Which ticket a reply lands on: references, tokens, subjects, and who is asking."""

from __future__ import annotations

from collections.abc import Callable

from caredesk.accounts.models import User
from caredesk.channels.email.models import Direction, EmailMessage, Mailbox
from caredesk.channels.email.tests.conftest import eml, ingest, mail
from caredesk.tickets.actions import do_close, do_solve
from caredesk.tickets.models import AuthorKind, Message, Status, Ticket


def open_by_email(mailbox: Mailbox) -> Ticket:
    result = ingest(eml("gmail_new_question.eml"), mailbox)
    assert result.ticket is not None and result.new_ticket
    return result.ticket


def outbound_id(message: Message) -> str:
    return EmailMessage.objects.get(ticket_message=message, direction=Direction.OUTBOUND).message_id


def test_a_reply_to_our_message_threads_by_in_reply_to(
    mailbox: Mailbox, alice: User, reply: Callable[..., Message]
) -> None:
    ticket = open_by_email(mailbox)
    answered = reply(ticket, alice, "It is on its way.")
    answer = mail(
        subject="something else entirely",
        message_id="<r1@example.com>",
        in_reply_to=outbound_id(answered),
    )
    result = ingest(answer, mailbox)
    assert result.outcome == "stored" and result.ticket == ticket
    assert result.reason == "threaded by reference"


def test_a_reply_threads_by_references_when_in_reply_to_is_unknown(
    mailbox: Mailbox, alice: User, reply: Callable[..., Message]
) -> None:
    ticket = open_by_email(mailbox)
    answered = reply(ticket, alice, "It is on its way.")
    answer = mail(
        message_id="<r2@example.com>",
        in_reply_to="<somewhere-else@example.com>",
        references=f"{outbound_id(answered)} <somewhere-else@example.com>",
    )
    assert ingest(answer, mailbox).ticket == ticket


def test_a_token_threads_when_the_sender_takes_part(mailbox: Mailbox) -> None:
    ticket = open_by_email(mailbox)
    answer = mail(subject=f"Re: anything {ticket.token}", message_id="<t1@example.com>")
    result = ingest(answer, mailbox)
    assert result.ticket == ticket and result.reason == "threaded by token"


def test_a_stranger_quoting_a_token_gets_their_own_ticket(mailbox: Mailbox) -> None:
    ticket = open_by_email(mailbox)
    stranger = mail(
        sender="Mallory <mallory@example.net>",
        subject=f"Re: {ticket.subject} {ticket.token}",
        message_id="<m1@example.net>",
    )
    result = ingest(stranger, mailbox)
    assert result.ticket is not None and result.ticket != ticket and result.new_ticket
    assert ticket.messages.count() == 1
    assert ticket.token not in result.ticket.subject


def test_a_stranger_answering_a_customers_message_id_gets_their_own_ticket(
    mailbox: Mailbox,
) -> None:
    ticket = open_by_email(mailbox)
    stranger = mail(
        sender="Mallory <mallory@example.net>",
        message_id="<m2@example.net>",
        in_reply_to="<CAF4kq=Pp1Lx0gMb1xXn1uX3v_0a@mail.gmail.com>",
    )
    result = ingest(stranger, mailbox)
    assert result.ticket != ticket
    assert ticket.messages.count() == 1


def test_an_outlook_reply_without_in_reply_to_threads_by_its_prefixed_subject(
    mailbox: Mailbox,
) -> None:
    ticket = open_by_email(mailbox)
    result = ingest(eml("outlook_reply_without_in_reply_to.eml"), mailbox)
    assert result.ticket == ticket and result.reason == "threaded by subject"
    assert result.message is not None
    assert result.message.body_text.startswith("Still nothing today.")


def test_fwd_aw_and_re_prefixes_all_thread(mailbox: Mailbox) -> None:
    ticket = open_by_email(mailbox)
    for number, prefix in enumerate(["Fwd: ", "AW: ", "RE: Re: ", "WG: ", "SV: "]):
        answer = mail(subject=f"{prefix}Order 1234 has not arrived", message_id=f"<p{number}@x>")
        assert ingest(answer, mailbox).ticket == ticket, prefix
    assert ticket.messages.count() == 6


def test_the_same_subject_without_a_prefix_is_a_new_ticket(mailbox: Mailbox) -> None:
    ticket = open_by_email(mailbox)
    again = mail(subject="Order 1234 has not arrived", message_id="<new-question@example.com>")
    assert ingest(again, mailbox).ticket != ticket


def test_replies_to_one_bulk_message_stay_separate_per_sender(
    mailbox: Mailbox, alice: User, reply: Callable[..., Message]
) -> None:
    ticket = open_by_email(mailbox)
    bulk = reply(ticket, alice, "Our warehouse is closed on Friday.")
    bulk_id = outbound_id(bulk)
    replies = {}
    for person in ("dave@example.com", "eve@example.org"):
        first = mail(sender=person, message_id=f"<{person}.1>", in_reply_to=bulk_id)
        replies[person] = ingest(first, mailbox).ticket
    assert replies["dave@example.com"] != replies["eve@example.org"]
    assert ticket not in replies.values()
    # Each person's next answer to that same message goes to their own ticket.
    second = mail(sender="dave@example.com", message_id="<dave.2>", in_reply_to=bulk_id)
    assert ingest(second, mailbox).ticket == replies["dave@example.com"]


def test_a_reply_to_a_solved_ticket_reopens_it(
    mailbox: Mailbox, alice: User, reply: Callable[..., Message]
) -> None:
    ticket = open_by_email(mailbox)
    answered = reply(ticket, alice, "Delivered today.")
    do_solve(ticket=ticket, actor=alice)
    answer = mail(message_id="<again@example.com>", in_reply_to=outbound_id(answered))
    result = ingest(answer, mailbox)
    ticket.refresh_from_db()
    assert result.ticket == ticket and ticket.status == Status.OPEN and ticket.reopen_count == 1


def test_a_reply_to_a_closed_ticket_opens_a_new_linked_one(
    mailbox: Mailbox, alice: User, reply: Callable[..., Message]
) -> None:
    ticket = open_by_email(mailbox)
    answered = reply(ticket, alice, "Delivered today.")
    do_solve(ticket=ticket, actor=alice)
    do_close(ticket=ticket, actor=alice)
    answer = mail(message_id="<later@example.com>", in_reply_to=outbound_id(answered))
    result = ingest(answer, mailbox)
    assert result.ticket is not None and result.ticket != ticket and result.new_ticket
    assert result.ticket.follow_up_of == ticket


def test_a_cc_participant_replying_lands_on_the_ticket_as_themselves(mailbox: Mailbox) -> None:
    first = ingest(eml("cc_several_people.eml"), mailbox)
    assert first.ticket is not None
    answer = mail(
        sender="Dave Customer <dave@example.com>",
        message_id="<dave-reply@example.com>",
        in_reply_to="<cc.1@example.com>",
        cc="carmen@example.com",
    )
    result = ingest(answer, mailbox)
    assert result.ticket == first.ticket
    assert result.message is not None and result.message.author_customer is not None
    assert result.message.author_customer.primary_email == "dave@example.com"


def test_an_automatic_reply_to_a_ticket_is_kept_there_without_reopening_it(
    mailbox: Mailbox, alice: User, reply: Callable[..., Message]
) -> None:
    ticket = open_by_email(mailbox)
    answered = reply(ticket, alice, "Delivered today.")
    do_solve(ticket=ticket, actor=alice)
    out_of_office = mail(
        subject="Out of office",
        body="Away until Monday.",
        message_id="<ooo@example.com>",
        in_reply_to=outbound_id(answered),
        headers="Auto-Submitted: auto-replied",
    )
    result = ingest(out_of_office, mailbox)
    ticket.refresh_from_db()
    assert result.outcome == "attached" and ticket.status == Status.SOLVED
    assert result.message is not None and result.message.author_kind == AuthorKind.SYSTEM
    assert "Away until Monday." in result.message.body_text
