from __future__ import annotations

import pytest

from caredesk.accounts.models import User
from caredesk.audit.models import AuditEvent
from caredesk.customers.actions import (
    do_add_identity,
    do_create_customer,
    do_merge_customers,
    find_or_create_customer,
)
from caredesk.customers.models import Customer, Identity
from caredesk.lib.errors import CaredeskError, IdentityTaken, InvalidIdentity
from caredesk.tickets.actions import do_open_ticket
from caredesk.tickets.models import Ticket


def test_one_person_writing_by_email_then_chat_is_one_customer(carmen: Customer) -> None:
    do_add_identity(customer=carmen, kind="chat", value="visitor-77")
    assert find_or_create_customer(kind="email", value="Carmen@Example.com ") == carmen
    assert find_or_create_customer(kind="chat", value="visitor-77") == carmen
    assert Customer.objects.count() == 1


def test_an_unknown_identity_makes_a_new_customer(db: None) -> None:
    customer = find_or_create_customer(kind="phone", value="+44 20 7946 0958", name="Pat")
    assert customer.identities.get().value == "+442079460958"


def test_it_refuses_an_identity_already_owned_by_another_customer(carmen: Customer) -> None:
    dan = do_create_customer(name="Dan", identities=[("phone", "+1 555 010 0199")])
    with pytest.raises(IdentityTaken, match="merge"):
        do_add_identity(customer=dan, kind="email", value="carmen@example.com")
    assert list(dan.identities.values_list("kind", flat=True)) == ["phone"]


def test_creating_a_customer_with_a_taken_identity_writes_nothing(carmen: Customer) -> None:
    with pytest.raises(IdentityTaken):
        do_create_customer(
            name="Impostor", identities=[("chat", "v-1"), ("email", "carmen@example.com")]
        )
    assert Customer.objects.count() == 1
    assert not Identity.objects.filter(value="v-1").exists()


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("email", "not-an-address"),
        ("phone", "12"),
        ("social", "two words"),
        ("fax", "123"),
        ("email", ""),
    ],
)
def test_it_refuses_a_malformed_identity(carmen: Customer, kind: str, value: str) -> None:
    with pytest.raises(InvalidIdentity):
        do_add_identity(customer=carmen, kind=kind, value=value)
    assert carmen.identities.count() == 1


def test_merging_moves_identities_and_tickets_and_keeps_a_pointer(
    carmen: Customer, adam: User
) -> None:
    chat_self = do_create_customer(name="", identities=[("chat", "visitor-9")])
    other_ticket = do_open_ticket(
        customer=chat_self, channel="chat", subject="", body_text="hello?"
    )
    survivor = do_merge_customers(source=chat_self, target=carmen, actor=adam)
    assert survivor == carmen
    assert set(carmen.identities.values_list("kind", flat=True)) == {"email", "chat"}
    assert Ticket.objects.get(pk=other_ticket.pk).customer == carmen
    chat_self.refresh_from_db()
    assert chat_self.merged_into == carmen
    assert AuditEvent.objects.filter(action="merge_customers", actor=adam).count() == 1
    assert find_or_create_customer(kind="chat", value="visitor-9") == carmen


def test_merging_into_itself_or_twice_is_refused(carmen: Customer, adam: User) -> None:
    with pytest.raises(CaredeskError):
        do_merge_customers(source=carmen, target=carmen, actor=adam)
    other = do_create_customer(name="Other")
    do_merge_customers(source=other, target=carmen, actor=adam)
    with pytest.raises(CaredeskError, match="already merged"):
        do_merge_customers(source=other, target=carmen, actor=adam)
