"""Acting from the ticket page: good input changes the ticket, bad input changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse

from caredesk.accounts.models import Team, User
from caredesk.audit.models import AuditEvent
from caredesk.tickets.actions import do_close, do_solve
from caredesk.tickets.models import Handoff, Message, Ticket
from caredesk.workspace.actions import do_set_desk_settings


def _act(client: Client, ticket: Ticket, action: str, **data: str) -> Any:
    return client.post(reverse("workspace:ticket_action", args=[ticket.pk, action]), data)


def test_a_transfer_without_a_note_is_refused_and_changes_nothing(
    login: Callable[[User], Client], alice: User, bob: User, ticket: Ticket
) -> None:
    events = AuditEvent.objects.count()
    response = _act(login(alice), ticket, "transfer", to_agent=str(bob.pk), note="   ")
    assert response.status_code == 400
    assert "A transfer needs a handoff note" in response.content.decode()
    assert "Nothing was changed." in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.assignee_id is None and ticket.transfer_count == 0
    assert not Handoff.objects.exists()
    assert AuditEvent.objects.count() == events


def test_a_transfer_with_a_note_hands_the_ticket_over(
    login: Callable[[User], Client], alice: User, olga: User, billing: Team, ticket: Ticket
) -> None:
    response = _act(
        login(alice), ticket, "transfer", to_team=str(billing.pk), note="Double charge; refund."
    )
    # Alice no longer sees a Billing ticket, so she goes back to her inbox.
    assert response.status_code == 303
    assert response["Location"] == reverse("workspace:inbox")
    ticket.refresh_from_db()
    assert ticket.team == billing
    assert Handoff.objects.get().note == "Double charge; refund."


def test_a_reply_to_a_closed_ticket_is_refused_and_the_draft_is_kept(
    login: Callable[[User], Client], alice: User, ticket: Ticket
) -> None:
    do_solve(ticket=ticket, actor=alice)
    do_close(ticket=ticket, actor=alice)
    response = _act(login(alice), ticket, "reply", kind="reply", body="Any news on this?")
    html = response.content.decode()
    assert response.status_code == 400
    assert "a reply cannot be added to a closed ticket" in html
    assert "Any news on this?</textarea>" in html
    assert Message.objects.filter(ticket=ticket).count() == 1


def test_an_empty_reply_is_refused(
    login: Callable[[User], Client], alice: User, ticket: Ticket
) -> None:
    response = _act(login(alice), ticket, "reply", kind="reply", body="  ")
    assert response.status_code == 400
    assert "A message needs some text" in response.content.decode()
    assert Message.objects.filter(ticket=ticket).count() == 1


def test_reply_and_note_are_stored(
    login: Callable[[User], Client], alice: User, ticket: Ticket
) -> None:
    client = login(alice)
    response = _act(client, ticket, "reply", kind="reply", body="I've checked: it ships today.")
    assert response.status_code == 303
    _act(client, ticket, "reply", kind="note", body="Called the courier.")
    kinds = list(Message.objects.filter(ticket=ticket).values_list("author_kind", "visibility"))
    assert kinds == [("customer", "public"), ("agent", "public"), ("agent", "internal")]
    assert "Reply sent." in client.get(response["Location"]).content.decode()


def test_status_priority_tags_solve_and_reopen(
    login: Callable[[User], Client], alice: User, ticket: Ticket
) -> None:
    client = login(alice)
    _act(client, ticket, "status", status="pending")
    _act(client, ticket, "priority", priority="high")
    _act(client, ticket, "tags", tags="Shipping, late-order")
    ticket.refresh_from_db()
    assert (ticket.status, ticket.priority) == ("pending", "high")
    assert sorted(ticket.tags.values_list("name", flat=True)) == ["late-order", "shipping"]
    _act(client, ticket, "solve")
    ticket.refresh_from_db()
    assert ticket.status == "solved"
    _act(client, ticket, "reopen")
    ticket.refresh_from_db()
    assert ticket.status == "open"


def test_bad_values_are_refused_with_a_message(
    login: Callable[[User], Client], alice: User, ticket: Ticket
) -> None:
    client = login(alice)
    for action, data in [
        ("status", {"status": "closed"}),
        ("priority", {"priority": "whenever"}),
        ("tags", {"tags": "no/slashes"}),
        ("reopen", {}),
        ("assign", {"assignee": "999999"}),
        ("transfer", {"note": "to nowhere"}),
    ]:
        response = _act(client, ticket, action, **data)
        assert response.status_code == 400, action
        assert "Nothing was changed." in response.content.decode()
    ticket.refresh_from_db()
    assert (ticket.status, ticket.priority, ticket.assignee_id) == ("new", "normal", None)
    assert not ticket.tags.exists()
    assert _act(client, ticket, "explode").status_code == 404


def test_agents_take_tickets_and_only_leads_give_them_to_others(
    login: Callable[[User], Client], alice: User, bob: User, lena: User, ticket: Ticket
) -> None:
    response = _act(login(alice), ticket, "assign", assignee=str(bob.pk))
    assert response.status_code == 400
    assert "Only a team lead" in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.assignee_id is None
    _act(login(alice), ticket, "assign", assignee="me")
    ticket.refresh_from_db()
    assert ticket.assignee == alice
    _act(login(lena), ticket, "assign", assignee=str(bob.pk))
    ticket.refresh_from_db()
    assert ticket.assignee == bob
    response = _act(login(alice), ticket, "assign", assignee="")
    assert response.status_code == 400


def test_a_lead_cannot_assign_outside_their_teams(
    login: Callable[[User], Client], lena: User, olga: User, ticket: Ticket
) -> None:
    response = _act(login(lena), ticket, "assign", assignee=str(olga.pk))
    assert response.status_code == 400
    ticket.refresh_from_db()
    assert ticket.assignee_id is None


POLICY_FIRST = "Per our policy we can't refund after 30 days."


def test_send_anyway_is_asked_only_when_the_admin_turned_it_on(
    login: Callable[[User], Client], alice: User, adam: User, upset_ticket: Ticket
) -> None:
    client = login(alice)
    response = _act(client, upset_ticket, "reply", kind="reply", body=POLICY_FIRST)
    assert response.status_code == 303  # off by default: the coach never blocks
    do_set_desk_settings(actor=adam, confirm_risky_replies=True)
    response = _act(client, upset_ticket, "reply", kind="reply", body=POLICY_FIRST)
    assert response.status_code == 409
    assert "Send anyway" in response.content.decode()
    assert Message.objects.filter(ticket=upset_ticket, author_kind="agent").count() == 1
    response = _act(client, upset_ticket, "reply", kind="reply", body=POLICY_FIRST, confirmed="1")
    assert response.status_code == 303
    assert Message.objects.filter(ticket=upset_ticket, author_kind="agent").count() == 2


def test_a_caring_reply_is_not_held_for_confirmation(
    login: Callable[[User], Client], alice: User, adam: User, upset_ticket: Ticket
) -> None:
    do_set_desk_settings(actor=adam, confirm_risky_replies=True)
    body = (
        "I'm so sorry you were charged twice. I've refunded the duplicate; you'll see it by Friday."
    )
    response = _act(login(alice), upset_ticket, "reply", kind="reply", body=body)
    assert response.status_code == 303
