"""Named people for every test, built through the real actions.

- alice: an agent on the Support team;   bob: her teammate
- olga: an agent on the Billing team (an outsider to Support's tickets)
- lena: the lead of Support;             adam: a desk admin
- carmen: a customer who writes by email
"""

from __future__ import annotations

import pytest

from caredesk.accounts.actions import do_create_agent, do_create_team
from caredesk.accounts.models import Role, Team, User
from caredesk.customers.actions import do_create_customer
from caredesk.customers.models import Customer
from caredesk.tickets.actions import do_open_ticket
from caredesk.tickets.models import Ticket

PASSWORD = "correct horse battery staple"


@pytest.fixture
def support(db: None) -> Team:
    return do_create_team(name="Support")


@pytest.fixture
def billing(db: None) -> Team:
    return do_create_team(name="Billing")


@pytest.fixture
def alice(support: Team) -> User:
    return do_create_agent(
        username="alice", password=PASSWORD, first_name="Alice", last_name="Agent", teams=[support]
    )


@pytest.fixture
def bob(support: Team) -> User:
    return do_create_agent(
        username="bob", password=PASSWORD, first_name="Bob", last_name="Teammate", teams=[support]
    )


@pytest.fixture
def olga(billing: Team) -> User:
    return do_create_agent(
        username="olga", password=PASSWORD, first_name="Olga", last_name="Outsider", teams=[billing]
    )


@pytest.fixture
def lena(support: Team) -> User:
    return do_create_agent(
        username="lena", password=PASSWORD, first_name="Lena", last_name="Lead",
        role=Role.LEAD, teams=[support],
    )  # fmt: skip


@pytest.fixture
def adam(db: None) -> User:
    return do_create_agent(
        username="adam", password=PASSWORD, first_name="Adam", last_name="Admin", role=Role.ADMIN
    )


@pytest.fixture
def carmen(db: None) -> Customer:
    return do_create_customer(name="Carmen Customer", identities=[("email", "carmen@example.com")])


@pytest.fixture
def ticket(carmen: Customer, support: Team) -> Ticket:
    """Carmen's open question to the Support team."""
    return do_open_ticket(
        customer=carmen,
        channel="email",
        subject="Order 1234 has not arrived",
        body_text="Hi, my order 1234 was due on the 3rd and still hasn't arrived. Can you check?",
        team=support,
    )
