"""Fixtures for the workspace tests, on top of the named people in caredesk/conftest.py."""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

import pytest
from django.test import Client

from caredesk.accounts.models import Team, User
from caredesk.customers.actions import do_create_customer
from caredesk.customers.models import Customer
from caredesk.tickets.actions import do_open_ticket, do_receive_message
from caredesk.tickets.care import do_record_care_reading
from caredesk.tickets.models import Message, Ticket

UPSET = (
    "This is the third time I'm writing! I was charged twice for my order and I need the "
    "money for rent by Friday. I already restarted the app and reinstalled it."
)


def read_all(ticket: Ticket) -> Ticket:
    """Run the care engine over the ticket's messages, as the task worker would."""
    for message in Message.objects.filter(ticket=ticket):
        do_record_care_reading(message=message)
    return Ticket.objects.get(pk=ticket.pk)


@pytest.fixture
def login() -> Callable[[User], Client]:
    def signed_in(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return signed_in


@pytest.fixture
def upset_ticket(carmen: Customer, support: Team) -> Ticket:
    """Carmen, charged twice and writing for the third time, on Support."""
    ticket = do_open_ticket(
        customer=carmen, channel="email", subject="Charged twice", body_text=UPSET, team=support
    )
    return read_all(ticket)


@pytest.fixture
def make_ticket(support: Team) -> Callable[..., Ticket]:
    counter = {"n": 0}

    def make(body: str = "Where is my order?", *, read: bool = True, **kwargs: Any) -> Ticket:
        counter["n"] += 1
        customer = kwargs.pop("customer", None) or do_create_customer(
            name=f"Customer {counter['n']}",
            identities=[("email", f"c{counter['n']}@example.com")],
        )
        kwargs.setdefault("team", support)
        ticket = do_open_ticket(
            customer=customer,
            channel=kwargs.pop("channel", "email"),
            subject=kwargs.pop("subject", f"Question {counter['n']}"),
            body_text=body,
            **kwargs,
        )
        return read_all(ticket) if read else ticket

    return make


def add_customer_message(ticket: Ticket, body: str) -> Message:
    message = do_receive_message(ticket=ticket, body_text=body)
    do_record_care_reading(message=message)
    return message


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Generator[None, Any, None]:
    outcome: Any = yield
    report = outcome.get_result()
    # Kept on the test item so the browser fixture can keep a screenshot of a failure.
    setattr(item, f"report_{report.when}", report)
