"""Attachment files live and die with the message that names them: a rollback leaves none."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.db import OperationalError, transaction

from caredesk.channels.email.inbound import Outcome
from caredesk.channels.email.models import Mailbox, Quarantine
from caredesk.channels.email.tests.conftest import eml, ingest
from caredesk.lib.errors import CaredeskError
from caredesk.tickets.actions import do_receive_first_message
from caredesk.tickets.models import Message


def attachment_files() -> set[str]:
    """Every attachment file in storage (which other tests in this process share)."""
    found: set[str] = set()

    def walk(folder: str) -> None:
        if not default_storage.exists(folder):
            return
        folders, files = default_storage.listdir(folder)
        found.update(f"{folder}/{name}" for name in files)
        for name in folders:
            walk(f"{folder}/{name}")

    walk("email/attachments")
    return found


def fail_after_the_message_is_written(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> list[str]:
    """Make storing fail once the ticket message, with its attachment paths, was written."""
    written: list[str] = []

    def receive_then_fail(**kwargs: Any) -> Message:
        message = do_receive_first_message(**kwargs)
        written.extend(a["path"] for a in message.attachments if "path" in a)
        assert written and all(default_storage.exists(path) for path in written)
        raise error

    monkeypatch.setattr(
        "caredesk.channels.email.inbound.do_receive_first_message", receive_then_fail
    )
    return written


def test_a_database_failure_after_the_attachments_were_saved_leaves_no_file(
    mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = attachment_files()
    written = fail_after_the_message_is_written(monkeypatch, OperationalError("database is locked"))
    with pytest.raises(OperationalError):
        ingest(eml("attachment_only.eml"), mailbox)
    assert written
    assert attachment_files() == before
    assert Message.objects.count() == 0


def test_a_refused_message_is_quarantined_whole_and_its_attachment_files_are_gone(
    mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = attachment_files()
    written = fail_after_the_message_is_written(monkeypatch, CaredeskError("refused"))
    result = ingest(eml("attachment_hostile_names.eml"), mailbox)
    assert result.outcome == Outcome.QUARANTINED  # the customer's words are kept, raw
    assert Quarantine.objects.get().raw_size > 0
    assert written and attachment_files() == before


def test_an_enclosing_transaction_that_rolls_back_later_takes_the_files_with_it(
    mailbox: Mailbox,
) -> None:
    before = attachment_files()
    with pytest.raises(RuntimeError), transaction.atomic():
        result = ingest(eml("attachment_only.eml"), mailbox)
        assert result.outcome == Outcome.STORED and attachment_files() - before
        raise RuntimeError("something after storing failed")
    assert attachment_files() == before


def test_a_stored_message_keeps_its_attachment_files(mailbox: Mailbox) -> None:
    before = attachment_files()
    with transaction.atomic():
        result = ingest(eml("attachment_only.eml"), mailbox)
    assert result.message is not None
    paths = {a["path"] for a in result.message.attachments}
    assert paths and attachment_files() - before == paths


@pytest.mark.django_db(transaction=True)
def test_with_real_commits_files_stay_for_committed_messages_and_go_with_rolled_back_ones(
    mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = attachment_files()
    stored = ingest(eml("attachment_rfc2231_filename.eml"), mailbox)
    assert stored.outcome == Outcome.STORED and stored.message is not None
    kept = {a["path"] for a in stored.message.attachments}
    assert kept and attachment_files() - before == kept

    fail_after_the_message_is_written(monkeypatch, OperationalError("disk I/O error"))
    with pytest.raises(OperationalError):
        ingest(eml("attachment_only.eml"), mailbox)
    assert attachment_files() - before == kept
    for path in kept:
        default_storage.delete(path)  # the in-memory storage outlives this test


@pytest.mark.django_db(transaction=True)
def test_files_of_a_committed_message_stay_when_an_earlier_on_commit_callback_fails(
    mailbox: Mailbox,
) -> None:
    """Django skips the rest of the on-commit queue then; the files must not read that as
    a rollback."""

    def fail() -> None:
        raise RuntimeError("an on-commit callback failed")

    before = attachment_files()
    with pytest.raises(RuntimeError, match="on-commit callback failed"), transaction.atomic():
        transaction.on_commit(fail)
        result = ingest(eml("attachment_only.eml"), mailbox)
    assert result.message is not None
    kept = {a["path"] for a in result.message.attachments}
    assert Message.objects.filter(pk=result.message.pk).exists()
    assert kept and attachment_files() - before == kept
    for path in kept:
        default_storage.delete(path)
