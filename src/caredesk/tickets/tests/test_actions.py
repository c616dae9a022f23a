from __future__ import annotations

from collections.abc import Callable

import pytest

from caredesk.accounts.models import Team, User
from caredesk.audit.models import AuditEvent
from caredesk.customers.models import Customer
from caredesk.lib.errors import (
    CaredeskError,
    EmptyBody,
    HandoffNoteRequired,
    InvalidTransition,
    TicketClosed,
)
from caredesk.tickets.actions import (
    do_add_note,
    do_assign,
    do_close,
    do_open_ticket,
    do_receive_message,
    do_reopen,
    do_reply,
    do_set_priority,
    do_set_status,
    do_set_tags,
    do_solve,
    do_transfer,
)
from caredesk.tickets.models import Handoff, Message, Status, Ticket, Visibility


def audit_actions(ticket: Ticket) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type="ticket", object_id=ticket.pk)
        .order_by("created_at", "id")
        .values_list("action", flat=True)
    )


def test_it_opens_a_ticket_with_the_customers_first_message(
    ticket: Ticket, carmen: Customer
) -> None:
    assert ticket.status == Status.NEW
    message = ticket.messages.get()
    assert message.from_customer and message.author_customer == carmen
    assert ticket.waiting_since == message.created_at
    assert audit_actions(ticket) == ["open_ticket"]


def test_it_refuses_a_ticket_with_an_empty_body_and_writes_nothing(carmen: Customer) -> None:
    with pytest.raises(EmptyBody):
        do_open_ticket(customer=carmen, channel="email", subject="Hi", body_text="   \n ")
    assert Ticket.objects.count() == 0 and Message.objects.count() == 0


def test_it_refuses_an_unknown_channel(carmen: Customer) -> None:
    with pytest.raises(CaredeskError, match="Unknown channel"):
        do_open_ticket(customer=carmen, channel="pigeon", subject="Hi", body_text="Hello")
    assert Ticket.objects.count() == 0


def test_a_subject_falls_back_to_the_first_line_of_the_body(carmen: Customer) -> None:
    ticket = do_open_ticket(
        customer=carmen, channel="chat", subject="", body_text="\n\nMy card was charged twice\nhelp"
    )
    assert ticket.subject == "My card was charged twice"


def test_it_sanitizes_html_before_storing_it(carmen: Customer) -> None:
    ticket = do_open_ticket(
        customer=carmen,
        channel="email",
        subject="Hi",
        body_text="Hello",
        body_html='<p onclick="x()">Hello<script>alert(1)</script><img src="https://t.example/p.gif"></p>',
    )
    html = ticket.messages.get().body_html
    assert "script" not in html and "onclick" not in html and "t.example" not in html
    assert "Hello" in html


def test_a_reply_answers_the_customer_and_records_the_first_response(
    ticket: Ticket, alice: User
) -> None:
    message = do_reply(ticket=ticket, agent=alice, body_text="I've checked: it arrives tomorrow.")
    ticket.refresh_from_db()
    assert message.visibility == Visibility.PUBLIC and message.author_agent == alice
    assert ticket.status == Status.OPEN
    assert ticket.first_response_at == message.created_at
    assert ticket.waiting_since is None
    assert audit_actions(ticket) == ["open_ticket", "reply"]


def test_a_later_reply_keeps_the_first_response_time(ticket: Ticket, alice: User) -> None:
    first = do_reply(ticket=ticket, agent=alice, body_text="Looking now.")
    do_reply(ticket=ticket, agent=alice, body_text="Found it.")
    ticket.refresh_from_db()
    assert ticket.first_response_at == first.created_at


def test_it_refuses_an_empty_reply(ticket: Ticket, alice: User) -> None:
    with pytest.raises(EmptyBody):
        do_reply(ticket=ticket, agent=alice, body_text="")
    assert ticket.messages.count() == 1
    assert audit_actions(ticket) == ["open_ticket"]


def test_it_refuses_a_reply_to_a_closed_ticket_and_changes_nothing(
    ticket: Ticket, alice: User
) -> None:
    do_solve(ticket=ticket, actor=alice)
    do_close(ticket=ticket, actor=alice)
    with pytest.raises(TicketClosed, match="closed"):
        do_reply(ticket=ticket, agent=alice, body_text="One more thing")
    assert ticket.messages.count() == 1
    assert audit_actions(ticket) == ["open_ticket", "solve", "close"]


def test_a_note_is_internal(ticket: Ticket, alice: User) -> None:
    note = do_add_note(ticket=ticket, agent=alice, body_text="Carrier says Thursday.")
    assert note.is_internal
    ticket.refresh_from_db()
    assert ticket.first_response_at is None  # a note is no answer to the customer


def test_it_refuses_an_empty_note(ticket: Ticket, alice: User) -> None:
    with pytest.raises(EmptyBody):
        do_add_note(ticket=ticket, agent=alice, body_text=" ")
    assert ticket.messages.count() == 1


def test_it_reopens_a_solved_ticket_when_the_customer_replies(ticket: Ticket, alice: User) -> None:
    do_solve(ticket=ticket, actor=alice)
    do_receive_message(ticket=ticket, body_text="It still hasn't come.")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    assert ticket.reopen_count == 1
    assert ticket.waiting_since is not None


def test_a_message_to_a_closed_ticket_opens_a_linked_ticket(ticket: Ticket, alice: User) -> None:
    do_solve(ticket=ticket, actor=alice)
    do_close(ticket=ticket, actor=alice)
    message = do_receive_message(ticket=ticket, body_text="Hello again, new problem.")
    assert message.ticket_id != ticket.pk
    assert message.ticket.follow_up_of_id == ticket.pk
    assert message.ticket.status == Status.NEW
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED and ticket.messages.count() == 1


def test_a_customer_message_moves_a_pending_ticket_to_open(ticket: Ticket, alice: User) -> None:
    do_set_status(ticket=ticket, status=Status.PENDING, actor=alice)
    do_receive_message(ticket=ticket, body_text="Here is the photo.")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN


def test_the_same_external_message_twice_is_stored_once(ticket: Ticket) -> None:
    first = do_receive_message(ticket=ticket, body_text="Hi", external_id="<a@b>")
    second = do_receive_message(ticket=ticket, body_text="Hi", external_id="<a@b>")
    assert first.pk == second.pk
    assert ticket.messages.count() == 2


def test_it_refuses_an_empty_customer_message_and_changes_nothing(
    ticket: Ticket, alice: User
) -> None:
    do_solve(ticket=ticket, actor=alice)
    with pytest.raises(EmptyBody):
        do_receive_message(ticket=ticket, body_text="")
    ticket.refresh_from_db()
    assert ticket.status == Status.SOLVED and ticket.reopen_count == 0


def test_an_attachment_alone_is_a_message(ticket: Ticket) -> None:
    message = do_receive_message(
        ticket=ticket, body_text="", attachments=[{"name": "receipt.pdf", "size": 1200}]
    )
    assert message.attachments[0]["name"] == "receipt.pdf"


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ([Status.OPEN, Status.CLOSED], Status.CLOSED),  # only a solved ticket can close
        ([Status.SOLVED, Status.CLOSED], Status.OPEN),  # closed is final
        ([Status.SOLVED], Status.PENDING),  # reopen first
    ],
)
def test_it_refuses_an_illegal_status_transition(
    ticket: Ticket, alice: User, path: list[str], refused: str
) -> None:
    moves: dict[str, Callable[[], Ticket]] = {
        Status.OPEN: lambda: do_set_status(ticket=ticket, status=Status.OPEN, actor=alice),
        Status.PENDING: lambda: do_set_status(ticket=ticket, status=Status.PENDING, actor=alice),
        Status.SOLVED: lambda: do_solve(ticket=ticket, actor=alice),
        Status.CLOSED: lambda: do_close(ticket=ticket, actor=alice),
    }
    for status in path[:-1] if path[-1] == refused else path:
        moves[status]()
        ticket.refresh_from_db()
    before = audit_actions(ticket)
    status_before = Ticket.objects.get(pk=ticket.pk).status
    with pytest.raises(InvalidTransition):
        moves[refused]()
    assert Ticket.objects.get(pk=ticket.pk).status == status_before
    assert audit_actions(ticket) == before


def test_solve_reopen_and_close_record_their_timestamps(ticket: Ticket, alice: User) -> None:
    do_solve(ticket=ticket, actor=alice)
    ticket.refresh_from_db()
    assert ticket.solved_at is not None
    do_reopen(ticket=ticket, actor=alice)
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN and ticket.reopen_count == 1
    do_solve(ticket=ticket, actor=alice)
    do_close(ticket=ticket, actor=alice)
    ticket.refresh_from_db()
    assert ticket.closed_at is not None
    assert audit_actions(ticket) == ["open_ticket", "solve", "reopen", "solve", "close"]


def test_reopen_refuses_a_ticket_that_is_not_solved(ticket: Ticket, alice: User) -> None:
    with pytest.raises(InvalidTransition, match="Only a solved ticket"):
        do_reopen(ticket=ticket, actor=alice)


def test_assign_gives_the_ticket_to_an_agent(ticket: Ticket, alice: User, lena: User) -> None:
    do_assign(ticket=ticket, assignee=alice, actor=lena)
    ticket.refresh_from_db()
    assert ticket.assignee == alice
    event = AuditEvent.objects.get(action="assign")
    assert (
        event.actor == lena
        and event.before["assignee"] is None
        and event.after["assignee"] == alice.pk
    )


def test_assign_refuses_an_inactive_agent(ticket: Ticket, bob: User, lena: User) -> None:
    bob.is_active = False
    bob.save()
    with pytest.raises(CaredeskError, match="not an active agent"):
        do_assign(ticket=ticket, assignee=bob, actor=lena)
    ticket.refresh_from_db()
    assert ticket.assignee is None


def test_transfer_moves_the_ticket_and_keeps_the_handoff_note(
    ticket: Ticket, alice: User, olga: User, billing: Team
) -> None:
    do_assign(ticket=ticket, assignee=alice, actor=alice)
    handoff = do_transfer(
        ticket=ticket,
        actor=alice,
        to_agent=olga,
        to_team=billing,
        note="Charged twice for order 1234; she already sent the bank statement.",
    )
    ticket.refresh_from_db()
    assert ticket.assignee == olga and ticket.team == billing and ticket.transfer_count == 1
    assert handoff.from_agent == alice and handoff.note.startswith("Charged twice")


@pytest.mark.parametrize("note", ["", "   ", None])
def test_transfer_refuses_a_missing_handoff_note(
    ticket: Ticket, alice: User, billing: Team, note: str
) -> None:
    with pytest.raises(HandoffNoteRequired):
        do_transfer(ticket=ticket, actor=alice, to_team=billing, note=note)
    ticket.refresh_from_db()
    assert ticket.team is not None and ticket.team.name == "Support" and ticket.transfer_count == 0
    assert not Handoff.objects.exists()


def test_transfer_refuses_an_agent_outside_the_target_team(
    ticket: Ticket, alice: User, bob: User, billing: Team
) -> None:
    with pytest.raises(CaredeskError, match="not a member"):
        do_transfer(ticket=ticket, actor=alice, to_agent=bob, to_team=billing, note="over to you")
    assert not Handoff.objects.exists()


def test_priority_and_tags_change_with_an_audit_row(ticket: Ticket, alice: User) -> None:
    do_set_priority(ticket=ticket, priority="urgent", actor=alice)
    do_set_tags(ticket=ticket, tags=["Late Delivery", "courier"], actor=alice)
    ticket.refresh_from_db()
    assert ticket.priority == "urgent"
    assert sorted(ticket.tags.values_list("name", flat=True)) == ["courier", "late-delivery"]
    assert audit_actions(ticket)[-2:] == ["set_priority", "set_tags"]


def test_bad_priority_and_bad_tags_are_refused(ticket: Ticket, alice: User) -> None:
    with pytest.raises(CaredeskError):
        do_set_priority(ticket=ticket, priority="whenever", actor=alice)
    with pytest.raises(CaredeskError):
        do_set_tags(ticket=ticket, tags=["ok", "not ok!"], actor=alice)
    ticket.refresh_from_db()
    assert ticket.priority == "normal" and not ticket.tags.exists()
