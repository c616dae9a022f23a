from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from caredesk.accounts.models import Team, User
from caredesk.lib.errors import CaredeskError, NotAllowed
from caredesk.tickets.models import Ticket
from caredesk.workspace.actions import do_create_macro, fill_placeholders
from caredesk.workspace.models import Macro

WARM = (
    "Hi {customer.first_name}, I'm sorry the parcel is late. I've asked the courier to "
    "trace ticket {ticket.id} and I'll email you by tomorrow noon. Does that work?"
)


def test_placeholders_are_filled_and_unknown_braces_are_left_alone() -> None:
    text = fill_placeholders(
        "Hi {customer.first_name} {x.y} {nope}", {"customer.first_name": "Carmen"}
    )
    assert text == "Hi Carmen {x.y} {nope}"


def test_a_macro_with_an_unknown_placeholder_is_refused(lena: User) -> None:
    with pytest.raises(CaredeskError, match=r"Unknown placeholder \{customer.shoe_size\}"):
        do_create_macro(actor=lena, name="Bad", body="Hi {customer.shoe_size}", team=None)
    assert not Macro.objects.exists()


def test_only_leads_write_macros_for_everyone(alice: User, support: Team, billing: Team) -> None:
    with pytest.raises(NotAllowed):
        do_create_macro(actor=alice, name="Shared", body="Hello", team=None)
    with pytest.raises(NotAllowed):
        do_create_macro(actor=alice, name="Theirs", body="Hello", team=billing)
    assert do_create_macro(actor=alice, name="Ours", body="Hello", team=support).team == support


def test_the_macro_list_shows_each_macros_care_score(
    login: Callable[[User], Client], lena: User
) -> None:
    warm = do_create_macro(actor=lena, name="Late parcel", body=WARM, team=None)
    cold = do_create_macro(
        actor=lena, name="Refund refusal", body="Per our policy we can't refund that.", team=None
    )
    assert warm.care_score is not None and cold.care_score is not None
    assert warm.care_score > cold.care_score
    html = login(lena).get(reverse("workspace:macros")).content.decode()
    assert f">{warm.care_score}</span>" in html and f">{cold.care_score}</span>" in html


def test_a_macro_form_with_bad_input_keeps_what_was_typed(
    login: Callable[[User], Client], alice: User
) -> None:
    response = login(alice).post(
        reverse("workspace:macros"), {"name": "Mine", "body": "Hi", "team": ""}
    )
    assert response.status_code == 400
    assert "Only a team lead or an admin" in response.content.decode()
    assert 'value="Mine"' in response.content.decode()


def test_macros_are_offered_on_the_ticket_with_placeholders_filled(
    login: Callable[[User], Client], alice: User, lena: User, ticket: Ticket
) -> None:
    do_create_macro(actor=lena, name="Late parcel", body=WARM, team=None)
    html = login(alice).get(reverse("workspace:ticket", args=[ticket.pk])).content.decode()
    assert (
        f"Hi Carmen, I&#x27;m sorry the parcel is late. I&#x27;ve asked the courier to trace ticket {ticket.pk}"
        in html
    )


def test_editing_and_deleting_a_macro(login: Callable[[User], Client], lena: User) -> None:
    macro = do_create_macro(actor=lena, name="Old", body="Hello", team=None)
    client = login(lena)
    url = reverse("workspace:macro_edit", args=[macro.pk])
    client.post(url, {"name": "New", "body": WARM, "team": ""})
    macro.refresh_from_db()
    assert macro.name == "New" and macro.body == WARM
    client.post(url, {"name": "New", "body": WARM, "team": "", "delete": "1"})
    assert not Macro.objects.exists()
