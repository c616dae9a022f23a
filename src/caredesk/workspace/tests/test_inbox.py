from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caredesk.accounts.models import Team, User
from caredesk.tickets.actions import do_assign, do_set_status, do_set_tags
from caredesk.tickets.models import Ticket
from caredesk.workspace.tests.conftest import UPSET

INBOX = reverse("workspace:inbox")


def _ids(response: object) -> list[int]:
    return [t.pk for t in response.context["page"].object_list]  # type: ignore[attr-defined]


def test_each_view_holds_the_right_tickets(
    login: Callable[[User], Client],
    alice: User,
    bob: User,
    make_ticket: Callable[..., Ticket],
) -> None:
    mine = make_ticket()
    do_assign(ticket=mine, assignee=alice, actor=alice)
    bobs = make_ticket()
    do_assign(ticket=bobs, assignee=bob, actor=bob)
    loose = make_ticket()
    waiting = make_ticket()
    do_set_status(ticket=waiting, status="pending", actor=alice)
    client = login(alice)

    assert _ids(client.get(INBOX)) == [mine.pk]
    assert set(_ids(client.get(INBOX, {"view": "unassigned"}))) == {loose.pk}
    assert set(_ids(client.get(INBOX, {"view": "team"}))) == {mine.pk, bobs.pk, loose.pk}
    assert _ids(client.get(INBOX, {"view": "waiting"})) == [waiting.pk]
    counts = client.get(INBOX).context["counts"]
    assert counts == {"mine": 1, "unassigned": 1, "team": 3, "waiting": 1}


def test_all_is_offered_to_leads_only(
    login: Callable[[User], Client], alice: User, lena: User, make_ticket: Callable[..., Ticket]
) -> None:
    make_ticket()
    agent_view = login(alice).get(INBOX, {"view": "all"})
    assert agent_view.context["query"].view == "mine"
    assert b"?view=all" not in agent_view.content
    lead_view = login(lena).get(INBOX, {"view": "all"})
    assert lead_view.context["query"].view == "all"
    assert len(_ids(lead_view)) == 1


def test_an_outsider_does_not_see_another_teams_tickets(
    login: Callable[[User], Client], olga: User, make_ticket: Callable[..., Ticket]
) -> None:
    make_ticket()
    assert login(olga).get(INBOX, {"view": "unassigned"}).context["page"].paginator.count == 0


def test_filters_narrow_the_inbox(
    login: Callable[[User], Client],
    alice: User,
    billing: Team,
    make_ticket: Callable[..., Ticket],
) -> None:
    calm = make_ticket("How do I reset my password?", channel="chat", priority="low")
    upset = make_ticket(UPSET, priority="urgent")
    do_set_tags(ticket=upset, tags=["refund"], actor=alice)
    do_assign(ticket=calm, assignee=alice, actor=alice)
    client = login(alice)
    team = {"view": "team"}

    def only(**params: str) -> list[int]:
        return _ids(client.get(INBOX, {**team, **params}))

    assert only(channel="chat") == [calm.pk]
    assert only(priority="urgent") == [upset.pk]
    assert only(stakes="financial") == [upset.pk]
    assert only(effort="repeat_contact") == [upset.pk]
    assert only(tag="refund") == [upset.pk]
    assert only(agent=str(alice.pk)) == [calm.pk]
    assert only(agent="none") == [upset.pk]
    assert only(emotion=calm.care_emotion) == [calm.pk] or calm.care_emotion == upset.care_emotion
    assert upset.pk in only(intensity="medium") + only(intensity="high")
    assert only(status="solved") == []
    assert set(only(status="new")) == {calm.pk, upset.pk}
    assert set(only(emotion="nonsense")) == {calm.pk, upset.pk}  # unknown values are ignored


def test_needs_care_first_puts_stakes_and_repeat_contact_on_top(
    login: Callable[[User], Client], alice: User, make_ticket: Callable[..., Ticket]
) -> None:
    calm = make_ticket("How do I change my delivery address?")
    upset = make_ticket(UPSET)
    client = login(alice)
    assert _ids(client.get(INBOX, {"view": "team"})) == [calm.pk, upset.pk]  # oldest waiting first
    assert _ids(client.get(INBOX, {"view": "team", "sort": "care"})) == [upset.pk, calm.pk]


def test_rows_show_customer_subject_snippet_waiting_time_and_badges(
    login: Callable[[User], Client], alice: User, make_ticket: Callable[..., Ticket]
) -> None:
    upset = make_ticket(UPSET, subject="Charged twice")
    html = login(alice).get(INBOX, {"view": "team"}).content.decode()
    assert str(upset.customer) in html
    assert "Charged twice" in html
    assert "This is the third time I" in html
    assert "waiting just now" in html
    assert "Money at stake" in html and "Contacted before" in html
    assert f"badge emo emo-{upset.care_emotion}" in html


def test_pages_hold_25_rows_and_count_them_all(
    login: Callable[[User], Client], alice: User, make_ticket: Callable[..., Ticket]
) -> None:
    for _ in range(27):
        make_ticket(read=False)
    client = login(alice)
    first = client.get(INBOX, {"view": "team"})
    assert len(_ids(first)) == 25
    assert first.context["page"].paginator.count == 27
    assert "Page 1 of 2" in first.content.decode()
    assert len(_ids(client.get(INBOX, {"view": "team", "page": "2"}))) == 2


def test_an_htmx_filter_request_gets_only_the_results(
    login: Callable[[User], Client], alice: User, make_ticket: Callable[..., Ticket]
) -> None:
    make_ticket()
    response = login(alice).get(
        INBOX, {"view": "team"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="inbox-results"
    )
    html = response.content.decode()
    assert "<html" not in html and "Question" in html


def test_the_inbox_query_count_does_not_grow_with_rows(
    login: Callable[[User], Client], alice: User, make_ticket: Callable[..., Ticket]
) -> None:
    client = login(alice)

    def queries_for_inbox() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(INBOX, {"view": "team", "sort": "care"}).status_code == 200
        return len(captured)

    for _ in range(2):
        ticket = make_ticket(UPSET)
        do_set_tags(ticket=ticket, tags=["refund", "vip"], actor=alice)
    few = queries_for_inbox()
    for _ in range(12):
        ticket = make_ticket(UPSET)
        do_set_tags(ticket=ticket, tags=["refund"], actor=alice)
        do_assign(ticket=ticket, assignee=alice, actor=alice)
    assert queries_for_inbox() == few
    assert few <= 9
