from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from caredesk.customers.models import Customer
from caredesk.lib.rows import insert, locked, statement_cursor, update
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


TRICKY_TEXT = "It's 100% broken: \\ backslash, 'quotes', %s and %(name)s, ünïcödé, ☕"


def test_a_statement_cursor_keeps_any_text_and_json_exactly(carmen: Customer) -> None:
    ticket = insert(new_ticket(carmen))
    message = insert(
        Message(
            ticket=ticket, author_kind="customer", author_customer=carmen, channel="email",
            body_text=TRICKY_TEXT, attachments=[{"name": TRICKY_TEXT, "size": 2**40}],
            created_at=AT,
        )
    )  # fmt: skip
    stored = Message.objects.get(pk=message.pk)
    assert stored.body_text == TRICKY_TEXT
    assert stored.attachments == [{"name": TRICKY_TEXT, "size": 2**40}]
    with statement_cursor() as cursor:
        cursor.execute(
            f"SELECT body_text FROM {Message._meta.db_table} WHERE body_text = %s AND id = %s",
            [TRICKY_TEXT, message.pk],
        )
        assert cursor.fetchone() == (TRICKY_TEXT,)
    assert stored.created_at == AT


def test_statements_on_a_statement_cursor_are_seen_by_query_capture_and_wrappers(
    carmen: Customer,
) -> None:
    seen: list[str] = []

    def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        seen.append(sql)
        return execute(sql, params, many, context)

    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(wrapper):
        insert(new_ticket(carmen))
        with statement_cursor() as cursor:
            cursor.execute("SELECT 1")
    assert len(captured) == 2 and len(seen) == 2
    assert captured[0]["sql"].startswith("INSERT INTO") and seen[1] == "SELECT 1"


def test_a_failing_statement_raises_djangos_error_and_marks_the_transaction_for_rollback(
    carmen: Customer,
) -> None:
    ticket = insert(new_ticket(carmen))
    duplicate = Message(
        ticket=ticket, author_kind="customer", author_customer=carmen, channel="email",
        body_text="Twice", external_id="<same@x>", created_at=AT,
    )  # fmt: skip
    insert(duplicate)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.pk = None
        duplicate._state.adding = True
        insert(duplicate)
    assert Message.objects.filter(external_id="<same@x>").count() == 1
