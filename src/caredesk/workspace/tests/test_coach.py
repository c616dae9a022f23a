from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caredesk.accounts.models import User
from caredesk.tickets.models import Message, Ticket

CARELESS = "Per our policy we can't refund after 30 days."
CARING = (
    "I'm so sorry you were charged twice, and that you've had to write three times. "
    "I've refunded the duplicate charge now; you'll see it within 2 days, before Friday. "
    "Since you already restarted and reinstalled the app, there's nothing else to do. "
    "Does that work for you?"
)


def _coach(client: Client, ticket: Ticket, body: str, kind: str = "reply") -> str:
    response = client.post(
        reverse("workspace:coach", args=[ticket.pk]), {"body": body, "kind": kind}
    )
    assert response.status_code == 200
    return response.content.decode()


def test_the_coach_flags_policy_first_with_its_words_highlighted(
    login: Callable[[User], Client], alice: User, upset_ticket: Ticket
) -> None:
    html = _coach(login(alice), upset_ticket, CARELESS)
    assert 'data-risk="policy_first"' in html
    assert "Leads with a rule or a refusal" in html
    assert 'class="risk risk-policy_first" title="Policy first">Per our policy</mark>' in html
    assert 'data-need="acknowledges_emotion" data-state="missing"' in html
    assert 'data-score="0"' in html


def test_a_caring_rewrite_turns_the_needs_done(
    login: Callable[[User], Client], alice: User, upset_ticket: Ticket
) -> None:
    html = _coach(login(alice), upset_ticket, CARING)
    assert 'data-need="acknowledges_emotion" data-state="done"' in html
    assert 'data-need="uses_context" data-state="done"' in html
    assert "data-risk=" not in html
    assert "Every need is met" in html


def test_the_coach_never_writes_a_message_and_skips_notes(
    login: Callable[[User], Client], alice: User, upset_ticket: Ticket
) -> None:
    client = login(alice)
    assert "coach reviews replies" in _coach(client, upset_ticket, CARELESS, kind="note")
    assert "reads your reply as you type" in _coach(client, upset_ticket, "   ")
    assert Message.objects.filter(ticket=upset_ticket).count() == 1


def test_the_coach_uses_a_fixed_number_of_queries(
    login: Callable[[User], Client], alice: User, upset_ticket: Ticket
) -> None:
    client = login(alice)
    _coach(client, upset_ticket, CARELESS)
    with CaptureQueriesContext(connection) as captured:
        _coach(client, upset_ticket, CARING)
    assert len(captured) <= 9
