"""Reads worth naming for the email channel."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from django.db.models import Field, Model

from caredesk.channels.email.models import EmailMessage, Suppression
from caredesk.customers.models import Customer, Identity, IdentityKind
from caredesk.lib.rows import statement_cursor


@dataclass(frozen=True)
class ArrivalFacts:
    """What storing one inbound email needs to know before it writes anything."""

    # The ticket message stored for this Message-ID before, if any.
    stored_message_id: int | None
    # The customer who owns the sender's address (None when nobody does yet), with only
    # `id`, `name` and `merged_into_id` loaded; the rest loads on first access.
    customer: Customer | None
    # Whether mail to the sender is paused because it bounced.
    suppressed: bool


def arrival_facts(*, message_id: str, sender: str) -> ArrivalFacts:
    """The duplicate check, the sender's customer and their mail pause, in one statement.

    `sender` is the normalised address, as `find_customer` takes it.
    """
    with statement_cursor() as cursor:
        cursor.execute(
            _arrival_sql(connection.vendor), [message_id, sender, IdentityKind.EMAIL.value, sender]
        )
        stored_message_id, suppressed, customer_id, merged_into_id, name = cursor.fetchone()
    customer = None
    if customer_id is not None:
        customer = Customer.from_db(
            connection.alias, ["id", "name", "merged_into_id"], [customer_id, name, merged_into_id]
        )
    return ArrivalFacts(
        stored_message_id=stored_message_id, customer=customer, suppressed=bool(suppressed)
    )


def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model: type[Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, Field) and field.column
    return connection.ops.quote_name(field.column)


@lru_cache(maxsize=4)
def _arrival_sql(vendor: str) -> str:
    """`vendor` only keys the cache: each database quotes names its own way.

    Written by hand: the ORM cannot ask for one row whatever matches, and building the
    three look-ups through it took longer than the database took to run them.
    """
    return (
        "SELECT"
        f" (SELECT e.{_column(EmailMessage, 'ticket_message')} FROM {_table(EmailMessage)} e"
        f" WHERE e.{_column(EmailMessage, 'message_id')} = %s"
        f" ORDER BY e.{_column(EmailMessage, 'id')} LIMIT 1),"
        f" EXISTS (SELECT 1 FROM {_table(Suppression)} s"
        f" WHERE s.{_column(Suppression, 'address')} = %s),"
        f" c.{_column(Customer, 'id')}, c.{_column(Customer, 'merged_into')},"
        f" c.{_column(Customer, 'name')}"
        " FROM (SELECT 1 AS one) arrival"
        f" LEFT JOIN {_table(Identity)} i ON i.{_column(Identity, 'kind')} = %s"
        f" AND i.{_column(Identity, 'value')} = %s"
        f" LEFT JOIN {_table(Customer)} c ON c.{_column(Customer, 'id')}"
        f" = i.{_column(Identity, 'customer')}"
    )
