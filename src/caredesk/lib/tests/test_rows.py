from __future__ import annotations

from datetime import UTC, datetime

import pytest

from caredesk.customers.models import Customer
from caredesk.lib.rows import insert, locked, update
from caredesk.tickets.models import Message, Ticket

AT = datetime(2025, 3, 17, 10, 0, tzinfo=UTC)


def columns(ticket: Ticket) -> dict[str, object]:
    values = Ticket.objects.filter(pk=ticket.pk).values().get()
    return {name: value for name, value in values.items() if name != "id"}


def new_ticket(customer: Customer) -> Ticket:
    return Ticket(
        subject="Order 1234", customer=customer, channel="email", created_at=AT,
        updated_at=AT, last_message_at=AT,
    )  # fmt: skip


def test_insert_writes_the_row_create_writes_and_marks_the_object_saved(
    carmen: Customer,
) -> None:
    created = Ticket.objects.create(
        subject="Order 1234", customer=carmen, channel="email", created_at=AT,
        updated_at=AT, last_message_at=AT,
    )  # fmt: skip
    inserted = insert(new_ticket(carmen))
    assert inserted.pk is not None and inserted.pk != created.pk
    assert not inserted._state.adding
    assert columns(inserted) == columns(created)
    message = insert(
        Message(
            ticket=inserted, author_kind="customer", author_customer=carmen, channel="email",
            body_text="Where is it?", attachments=[{"name": "a.pdf"}], created_at=AT,
        )
    )  # fmt: skip
    assert Message.objects.get(pk=message.pk).attachments == [{"name": "a.pdf"}]


def test_update_writes_only_the_fields_it_names(carmen: Customer) -> None:
    ticket = insert(new_ticket(carmen))
    ticket.status = "open"
    ticket.subject = "changed here, not written"
    update(ticket, fields=["status"])
    ticket.refresh_from_db()
    assert ticket.status == "open" and ticket.subject == "Order 1234"


def test_locked_reads_the_whole_row_with_its_types(carmen: Customer) -> None:
    ticket = insert(new_ticket(carmen))
    row = locked(Ticket, ticket.pk)
    assert row.created_at == AT and row.customer_id == carmen.pk and row.care_attention == 0.0
    with pytest.raises(Ticket.DoesNotExist):
        locked(Ticket, ticket.pk + 1000)


def test_insert_refuses_an_unsaved_related_object(carmen: Customer) -> None:
    with pytest.raises(ValueError, match="unsaved related object 'customer'"):
        insert(new_ticket(Customer(name="Not saved", created_at=AT)))
    assert not Ticket.objects.exists()
