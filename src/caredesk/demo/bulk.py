"""Fast inserts for generated rows: COPY on PostgreSQL, executemany elsewhere.

`bulk_create` spends most of its time compiling SQL and preparing each value; for a
million generated rows that is minutes. Here the caller hands over tuples already in
database form (datetimes through `adapt_datetime`, JSON as text) for the fields it
names; every other column gets the field's default.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models


def adapt_datetime(value: datetime | None) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


class Inserter:
    def __init__(self, model: type[models.Model], attnames: Sequence[str]) -> None:
        meta = model._meta
        by_attname = {field.attname: field for field in meta.concrete_fields}
        unknown = [name for name in attnames if name not in by_attname]
        if unknown:
            raise ValueError(f"{model.__name__} has no columns {unknown}")
        rest = [
            field
            for field in meta.concrete_fields
            if field.attname not in attnames and not field.primary_key
        ]
        self.defaults = tuple(
            field.get_db_prep_save(field.get_default(), connection) for field in rest
        )
        columns = [str(by_attname[name].column) for name in attnames] + [
            str(f.column) for f in rest
        ]
        quote = connection.ops.quote_name
        self.table = quote(meta.db_table)
        self.columns = ", ".join(quote(column) for column in columns)
        self.placeholders = ", ".join(["%s"] * len(columns))
        self.postgres = connection.vendor == "postgresql"

    def insert(self, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        defaults = self.defaults
        with connection.cursor() as cursor:
            if self.postgres:
                raw = cursor.cursor
                with raw.copy(f"COPY {self.table} ({self.columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row + defaults)
            else:
                cursor.executemany(
                    f"INSERT INTO {self.table} ({self.columns}) VALUES ({self.placeholders})",
                    [row + defaults for row in rows],
                )


def next_id(model: type[models.Model]) -> int:
    latest = model._default_manager.order_by("-pk").values_list("pk", flat=True).first()
    return int(latest or 0) + 1


def reset_sequences(*model_classes: type[models.Model]) -> None:
    """After inserting explicit ids, move PostgreSQL's id sequences past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_classes))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
