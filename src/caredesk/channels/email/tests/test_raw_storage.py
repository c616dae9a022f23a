"""Raw messages on a disk (FileSystemStorage): kept once under their hash, never half-written."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings

from caredesk.channels.email.inbound import Outcome
from caredesk.channels.email.models import EmailMessage, Mailbox
from caredesk.channels.email.storage import read_raw, sha256_of, store_raw
from caredesk.channels.email.tests.conftest import ingest, mail

RAW = b"From: carmen@example.com\nSubject: Hello\n\nWhere is my order?\n"


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with override_settings(
        STORAGES={
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(tmp_path)},
            },
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        yield tmp_path


def files_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def test_a_raw_message_is_kept_byte_for_byte_under_its_hash(disk: Path) -> None:
    digest = sha256_of(RAW)
    name = store_raw(RAW)
    assert name == f"email/raw/{digest[:2]}/{digest[2:4]}/{digest}.eml"
    assert read_raw(name) == RAW
    assert files_under(disk) == [name]


def test_the_same_bytes_again_are_not_written_a_second_time(disk: Path) -> None:
    name = store_raw(RAW)
    first = (disk / name).stat()
    os.utime(disk / name, (first.st_atime - 7200, first.st_mtime - 7200))
    assert store_raw(RAW, digest=sha256_of(RAW)) == name
    again = (disk / name).stat()
    assert again.st_ino == first.st_ino  # not replaced by a new copy
    assert again.st_mtime >= first.st_mtime  # but marked in use, for the orphan sweep
    assert files_under(disk) == [name]


def test_a_write_that_fails_leaves_nothing_under_the_messages_name(
    disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        store_raw(RAW)
    assert files_under(disk) == []  # neither the message nor its temporary file
    monkeypatch.undo()
    name = store_raw(RAW)  # the next try stores it whole
    assert read_raw(name) == RAW


@override_settings(FILE_UPLOAD_PERMISSIONS=0o600, FILE_UPLOAD_DIRECTORY_PERMISSIONS=0o750)
def test_the_storages_file_and_folder_permissions_apply(disk: Path) -> None:
    name = store_raw(RAW)
    assert stat.S_IMODE((disk / name).stat().st_mode) == 0o600
    assert stat.S_IMODE((disk / "email" / "raw").stat().st_mode) == 0o750
    assert stat.S_IMODE((disk / name).parent.stat().st_mode) == 0o750


def test_an_inbound_email_on_disk_names_its_raw_source(disk: Path, mailbox: Mailbox) -> None:
    raw = mail(message_id="<disk@x>")
    result = ingest(raw, mailbox)
    assert result.outcome == Outcome.STORED
    email = EmailMessage.objects.get(ticket_message=result.message)
    assert (disk / email.raw_path).read_bytes() == raw
