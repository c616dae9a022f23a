"""Reading and writing single rows from statements built once, for the busiest paths.

The ORM builds each statement anew on every call, and on the paths that store every
incoming message that took longer than the database took to run it. These functions do
what `Model.objects.create()`, `select_for_update().get(pk=...)` and
`save(update_fields=...)` do, from statements cached per model. They send no
`pre_save`/`post_save` signals, so use them only for models that nothing listens to.
`statement_cursor()` is the cursor they run on; other statements built once for the
same paths use it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.db.models import Field, Model

M = TypeVar("M", bound=Model)


def insert(obj: M) -> M:
    """Insert `obj` (a new, unsaved object) as one row; returns it, saved."""
    # As save() does: an unsaved related object would silently become a NULL key.
    obj._prepare_related_fields_for_save(operation_name="insert")  # type: ignore[attr-defined]
    db = _database()
    sql, fields = _insert_statement(type(obj), db.vendor)
    values = [field.get_db_prep_save(field.pre_save(obj, True), db) for field in fields]
    # As save() does: a failure inside a transaction marks it for rollback.
    with transaction.mark_for_rollback_on_error(db.alias), statement_cursor() as cursor:
        cursor.execute(sql, values)
        obj.pk = cursor.fetchone()[0]
    obj._state.adding = False
    obj._state.db = db.alias
    return obj


def update(obj: Model, *, fields: Sequence[str]) -> None:
    """Write these fields of a saved `obj` to its row."""
    db = _database()
    sql, model_fields = _update_statement(type(obj), tuple(fields), db.vendor)
    values = [field.get_db_prep_save(field.pre_save(obj, False), db) for field in model_fields]
    with transaction.mark_for_rollback_on_error(db.alias), statement_cursor() as cursor:
        cursor.execute(sql, [*values, obj.pk])


def locked(model: type[M], pk: int) -> M:
    """The row `pk`, locked for the rest of the transaction where the database can lock
    one row (elsewhere the transaction's write lock covers it). Raises DoesNotExist."""
    for obj in model._default_manager.raw(_locked_statement(model, _database().vendor), [pk]):
        return obj
    raise model.DoesNotExist(f"{model.__name__} {pk} does not exist")  # type: ignore[attr-defined]


def statement_cursor() -> CursorWrapper:
    """A cursor for statements built once; use it as a context manager, like any cursor.

    On PostgreSQL the values travel apart from the statement (server-side binding, what
    the `server_side_binding` database option gives every cursor): psycopg no longer
    quotes each value and splices it into the SQL text, which for a message's text and
    its JSON columns cost more than the rest of sending the statement. Nothing is
    prepared on the server (Django leaves that off so that connection poolers work).
    Elsewhere it is the usual cursor. It is Django's cursor wrapper either way, so
    execute wrappers, query capture and error translation see every statement.
    """
    db = _database()
    backend = _postgresql_backend() if db.vendor == "postgresql" else None
    if backend is None:
        return db.cursor()
    # What BaseDatabaseWrapper.cursor() and the backend's create_cursor() do, with the
    # server-binding cursor class.
    db.close_if_health_check_failed()
    db.ensure_connection()
    with db.wrap_database_errors:
        connection = db.connection
        cursor = backend.ServerBindingCursor(connection)
        timestamps = connection.adapters.get_loader(backend.TIMESTAMPTZ_OID, backend.Format.TEXT)
        if db.timezone != timestamps.timezone:
            backend.register_tzloader(db.timezone, cursor)
        wrapper: CursorWrapper = db._prepare_cursor(cursor)  # type: ignore[attr-defined]
        return wrapper


@lru_cache(maxsize=1)
def _postgresql_backend() -> Any:
    """Django's PostgreSQL backend module on psycopg 3; None on psycopg 2."""
    from django.db.backends.postgresql import base
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    return base if is_psycopg3 else None


def _database() -> BaseDatabaseWrapper:
    # The wrapper itself: every attribute read through the `connection` proxy looks the
    # connection up again, which added up to a measurable share of an insert.
    return connections[DEFAULT_DB_ALIAS]


def _quote(name: str | None) -> str:
    assert name
    return _database().ops.quote_name(name)


# In each cache `vendor` only keys it: each database quotes names its own way.


@lru_cache(maxsize=64)
def _insert_statement(model: type[Model], vendor: str) -> tuple[str, list[Field[Any, Any]]]:
    meta = model._meta
    if not _database().features.can_return_columns_from_insert:
        raise NotImplementedError(f"{vendor} cannot return the new row's key from an INSERT")
    assert meta.pk is not None
    fields = [
        field
        for field in meta.local_concrete_fields
        if field is not meta.auto_field and not field.generated
    ]
    columns = ", ".join(_quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = (
        f"INSERT INTO {_quote(meta.db_table)} ({columns}) VALUES ({placeholders})"
        f" RETURNING {_quote(meta.pk.column)}"
    )
    return sql, fields


@lru_cache(maxsize=64)
def _update_statement(
    model: type[Model], names: tuple[str, ...], vendor: str
) -> tuple[str, list[Field[Any, Any]]]:
    meta = model._meta
    assert meta.pk is not None
    fields = []
    for name in names:
        field = meta.get_field(name)
        assert isinstance(field, Field) and field.concrete and not field.primary_key
        fields.append(field)
    assignments = ", ".join(f"{_quote(field.column)} = %s" for field in fields)
    sql = f"UPDATE {_quote(meta.db_table)} SET {assignments} WHERE {_quote(meta.pk.column)} = %s"
    return sql, fields


@lru_cache(maxsize=64)
def _locked_statement(model: type[Model], vendor: str) -> str:
    meta = model._meta
    assert meta.pk is not None
    columns = ", ".join(_quote(field.column) for field in meta.concrete_fields)
    lock = " FOR UPDATE" if _database().features.has_select_for_update else ""
    return (
        f"SELECT {columns} FROM {_quote(meta.db_table)} WHERE {_quote(meta.pk.column)} = %s{lock}"
    )
