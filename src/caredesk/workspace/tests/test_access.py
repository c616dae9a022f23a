from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from caredesk.accounts.models import User
from caredesk.tickets.models import Message, Ticket


def test_an_agent_cannot_open_another_teams_ticket_by_url(
    login: Callable[[User], Client], olga: User, ticket: Ticket
) -> None:
    client = login(olga)
    assert client.get(reverse("workspace:ticket", args=[ticket.pk])).status_code == 404
    coach = client.post(reverse("workspace:coach", args=[ticket.pk]), {"body": "hello"})
    assert coach.status_code == 404


def test_an_outsider_cannot_act_on_another_teams_ticket_and_nothing_changes(
    login: Callable[[User], Client], olga: User, ticket: Ticket
) -> None:
    client = login(olga)
    url = reverse("workspace:ticket_action", args=[ticket.pk, "reply"])
    assert client.post(url, {"body": "Hello from Billing"}).status_code == 404
    solve = reverse("workspace:ticket_action", args=[ticket.pk, "solve"])
    assert client.post(solve).status_code == 404
    ticket.refresh_from_db()
    assert ticket.status == "new"
    assert Message.objects.filter(ticket=ticket).count() == 1


def test_teammates_leads_and_admins_can_open_the_ticket(
    login: Callable[[User], Client], alice: User, bob: User, lena: User, adam: User, ticket: Ticket
) -> None:
    for person in (alice, bob, lena, adam):
        response = login(person).get(reverse("workspace:ticket", args=[ticket.pk]))
        assert response.status_code == 200, person


def test_a_ticket_id_that_does_not_exist_is_a_404(
    login: Callable[[User], Client], adam: User
) -> None:
    assert login(adam).get(reverse("workspace:ticket", args=[999999])).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client: Client, ticket: Ticket) -> None:
    response = client.get(reverse("workspace:inbox"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    response = client.get(reverse("workspace:ticket", args=[ticket.pk]))
    assert response.status_code == 302


def test_home_lands_on_the_inbox(login: Callable[[User], Client], alice: User) -> None:
    response = login(alice).get("/")
    assert response["Location"] == reverse("workspace:inbox")
