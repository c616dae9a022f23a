from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from caredesk.accounts.models import User
from caredesk.tickets.models import Ticket
from caredesk.workspace.actions import desk_settings


def test_a_notice_shows_when_a_teammate_is_viewing_or_typing(
    login: Callable[[User], Client], alice: User, bob: User, ticket: Ticket
) -> None:
    alices, bobs = login(alice), login(bob)
    presence = reverse("workspace:presence", args=[ticket.pk])
    assert alices.post(presence).content.decode().strip() == ""
    bobs.get(reverse("workspace:ticket", args=[ticket.pk]))
    assert "Bob Teammate is viewing this ticket" in alices.post(presence).content.decode()
    bobs.post(reverse("workspace:coach", args=[ticket.pk]), {"body": "Hi Carmen", "kind": "reply"})
    assert "Bob Teammate is typing a reply" in alices.post(presence).content.decode()
    page = alices.get(reverse("workspace:ticket", args=[ticket.pk])).content.decode()
    assert "Bob Teammate is typing a reply" in page


def test_only_admins_change_the_desk_settings(
    login: Callable[[User], Client], lena: User, adam: User
) -> None:
    url = reverse("workspace:settings")
    assert login(lena).post(url, {"confirm_risky_replies": "on"}).status_code == 404
    assert desk_settings().confirm_risky_replies is False
    admin = login(adam)
    assert admin.get(url).status_code == 200
    admin.post(url, {"confirm_risky_replies": "on"})
    assert desk_settings().confirm_risky_replies is True
    admin.post(url, {})
    assert desk_settings().confirm_risky_replies is False
