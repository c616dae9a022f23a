"""The Django admin works for every model, and a team lead can use it."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from caredesk.accounts.models import User
from caredesk.conftest import PASSWORD
from caredesk.tickets.models import Ticket


def admin_changelists() -> list[str]:
    return [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
        if model._meta.app_label in {"accounts", "audit", "customers", "tickets"}
    ]


def test_every_caredesk_model_has_an_admin_page_that_renders(
    client: Client, adam: User, ticket: Ticket
) -> None:
    client.login(username="adam", password=PASSWORD)
    pages = admin_changelists()
    assert len(pages) >= 8
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
    detail = client.get(reverse("admin:tickets_ticket_change", args=[ticket.pk]))
    assert detail.status_code == 200
    assert "Order 1234 has not arrived" in detail.content.decode()


def test_a_lead_can_work_tickets_and_customers_in_the_admin(
    client: Client, lena: User, ticket: Ticket
) -> None:
    client.login(username="lena", password=PASSWORD)
    assert client.get(reverse("admin:tickets_ticket_changelist")).status_code == 200
    assert client.get(reverse("admin:customers_customer_changelist")).status_code == 200
    assert client.get(reverse("admin:tickets_ticket_change", args=[ticket.pk])).status_code == 200
    # ... but not the desk's configuration
    assert client.get(reverse("admin:accounts_user_add")).status_code == 403


def test_a_plain_agent_has_no_admin(client: Client, alice: User) -> None:
    client.login(username="alice", password=PASSWORD)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("path", ["/login/"])
def test_the_sign_in_page_renders(client: Client, db: None, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert b'name="username"' in response.content and b"Sign in" in response.content


def test_signing_in_lands_on_the_desk(client: Client, alice: User) -> None:
    response = client.post("/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    home = client.get(response["Location"])
    assert home.status_code == 302  # on to the workspace


def test_a_wrong_password_is_refused_with_a_message(client: Client, alice: User) -> None:
    response = client.post("/login/", {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert b"did not match" in response.content
