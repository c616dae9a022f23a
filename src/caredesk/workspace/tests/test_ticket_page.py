from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caredesk.accounts.models import Team, User
from caredesk.customers.models import Customer
from caredesk.tickets.actions import (
    do_add_note,
    do_open_ticket,
    do_reply,
    do_solve,
    do_transfer,
)
from caredesk.tickets.models import Ticket
from caredesk.workspace.tests.conftest import add_customer_message, read_all


def _page(client: Client, ticket: Ticket) -> str:
    response = client.get(reverse("workspace:ticket", args=[ticket.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_customer_messages_show_their_reading_with_the_evidence_highlighted(
    login: Callable[[User], Client], alice: User, upset_ticket: Ticket
) -> None:
    html = _page(login(alice), upset_ticket)
    assert '<mark class="ev ev-stakes" title="Money at stake">charged twice</mark>' in html
    assert 'title="Contacted before">third time I&#x27;m writing</mark>' in html
    assert "Intensity" in html


def test_notes_look_different_and_handoffs_show_where_they_happened(
    login: Callable[[User], Client],
    alice: User,
    bob: User,
    upset_ticket: Ticket,
) -> None:
    do_add_note(ticket=upset_ticket, agent=alice, body_text="Checked the ledger: two charges.")
    do_transfer(ticket=upset_ticket, actor=alice, note="Refund the duplicate.", to_agent=bob)
    do_reply(ticket=upset_ticket, agent=bob, body_text="I've refunded the duplicate charge.")
    html = _page(login(alice), upset_ticket)
    note_at = html.index("Checked the ledger")
    handoff_at = html.index("Refund the duplicate.")
    reply_at = html.index("I&#x27;ve refunded the duplicate charge.")
    assert note_at < handoff_at < reply_at
    assert "msg-note" in html and "Internal note · not sent" in html
    assert 'class="handoff"' in html


def test_the_customer_panel_tells_the_story_so_far(
    login: Callable[[User], Client],
    alice: User,
    carmen: Customer,
    support: Team,
    upset_ticket: Ticket,
) -> None:
    older = do_open_ticket(
        customer=carmen, channel="chat", subject="Old question", body_text="Hi", team=support
    )
    do_solve(ticket=older, actor=alice)
    other_open = do_open_ticket(
        customer=carmen, channel="chat", subject="Another open one", body_text="Hi", team=support
    )
    html = _page(login(alice), upset_ticket)
    assert "carmen@example.com" in html
    assert "Customer since" in html
    assert html.index("Another open one") < html.index("Old question")  # open first
    assert f"#{other_open.pk}" in html
    assert "Already tried" in html
    assert "I already restarted the app and reinstalled it." in html
    assert "What they told us" in html and "charged twice" in html
    assert "How they have felt" in html and "<svg" in html


def test_the_handoff_note_is_prefilled_with_the_story(
    login: Callable[[User], Client], alice: User, upset_ticket: Ticket
) -> None:
    response = login(alice).get(reverse("workspace:ticket", args=[upset_ticket.pk]))
    note = response.context["handoff_note"]
    assert "Charged twice" in note
    assert "Already tried: I already restarted the app and reinstalled it." in note


def test_the_ticket_page_query_count_does_not_grow_with_messages(
    login: Callable[[User], Client], alice: User, bob: User, upset_ticket: Ticket
) -> None:
    client = login(alice)
    url = reverse("workspace:ticket", args=[upset_ticket.pk])

    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    queries_for_page()  # the first visit also creates the presence row
    few = queries_for_page()
    for n in range(6):
        add_customer_message(upset_ticket, f"Still nothing, day {n}. I tried again.")
        do_reply(ticket=upset_ticket, agent=alice, body_text=f"I'm on it, update {n}.")
        do_add_note(ticket=upset_ticket, agent=alice, body_text=f"note {n}")
    do_transfer(ticket=upset_ticket, actor=alice, note="over to Bob", to_agent=bob)
    read_all(upset_ticket)
    assert queries_for_page() == few
