"""Files a crash left behind are removed once they are old; nothing a row names, ever."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from caredesk.channels.email import orphans
from caredesk.channels.email import tasks as email_tasks
from caredesk.channels.email.inbound import Outcome
from caredesk.channels.email.models import Mailbox
from caredesk.channels.email.orphans import MASS_REMOVAL_FLOOR, do_remove_orphan_files
from caredesk.channels.email.storage import sha256_of, store_raw
from caredesk.channels.email.tests.conftest import eml, ingest
from caredesk.tickets.tasks import run_repairs_until, worker_repairs

DAY = "email/attachments/2025/03/17"
ORPHAN = f"{DAY}/0123456789abcdef0123456789abcdef/invoice.pdf"
RAW = b"From: carmen@example.com\nSubject: Hello\n\nWhere is my order?\n"


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    media = tmp_path / "media"
    media.mkdir()
    with override_settings(
        STORAGES={
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(media)},
            },
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        CAREDESK_ORPHAN_GRACE_SECONDS=3600,
    ):
        yield media


def write(folder: Path, name: str, *, hours_old: float = 48, data: bytes = b"%PDF") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    age(path, hours=hours_old)
    return path


def age(path: Path, *, hours: float = 48) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then), follow_symlinks=False)


def age_everything(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            age(path)


def stored_files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def test_an_old_attachment_file_no_message_names_is_removed_with_its_folder(
    disk: Path, db: None
) -> None:
    orphan = write(disk, ORPHAN)

    found = do_remove_orphan_files()

    assert found.removed == [ORPHAN]
    assert not orphan.exists() and not orphan.parent.exists()
    assert orphan.parent.parent.exists()  # the day's folder stays, for the day's mail


def test_the_attachments_and_raw_source_of_a_stored_message_are_kept(
    disk: Path, mailbox: Mailbox
) -> None:
    result = ingest(eml("attachment_only.eml"), mailbox)
    assert result.outcome == Outcome.STORED and result.message is not None
    named = [a["path"] for a in result.message.attachments if "path" in a]
    assert named
    before = stored_files(disk)
    write(disk, ORPHAN)
    age_everything(disk)

    found = do_remove_orphan_files()

    assert found.removed == [ORPHAN]
    assert found.checked == len(before) + 1
    assert stored_files(disk) == before
    assert all((disk / path).exists() for path in named)


def test_a_young_file_no_row_names_yet_is_left_to_the_message_being_stored(
    disk: Path, db: None
) -> None:
    young = write(disk, ORPHAN, hours_old=0.5)

    found = do_remove_orphan_files()

    assert found.removed == [] and found.checked == 0
    assert young.exists()


def test_an_old_temporary_file_is_removed_and_a_young_one_kept(disk: Path, db: None) -> None:
    digest = sha256_of(RAW)
    folder = f"email/raw/{digest[:2]}/{digest[2:4]}"
    old = write(disk, f"{folder}/{digest}.eml.{'a' * 32}.part", data=RAW[:10])
    young = write(disk, f"{folder}/{digest}.eml.{'b' * 32}.part", data=RAW[:10], hours_old=0)

    found = do_remove_orphan_files()

    assert found.removed == [str(old.relative_to(disk))]
    assert not old.exists() and young.exists()


def test_an_old_raw_message_no_row_names_is_removed_and_a_quarantined_one_kept(
    disk: Path, mailbox: Mailbox
) -> None:
    result = ingest(b"\x00\xff not an email at all", mailbox)
    assert result.outcome == Outcome.QUARANTINED and result.quarantine is not None
    quarantined = disk / result.quarantine.raw_path
    orphan = store_raw(RAW)  # a crash came before the message's row was saved
    age_everything(disk)

    found = do_remove_orphan_files()

    assert found.removed == [orphan]
    assert quarantined.exists() and not (disk / orphan).exists()


def test_an_old_raw_message_stored_again_before_its_row_is_saved_is_kept(
    disk: Path, db: None
) -> None:
    name = store_raw(RAW)  # stored, then a crash
    age_everything(disk)

    assert store_raw(RAW) == name  # the same message fetched again; its row comes next
    found = do_remove_orphan_files()

    assert found.removed == []
    assert (disk / name).read_bytes() == RAW


def test_a_raw_message_stored_again_while_the_sweep_looks_is_put_back(
    disk: Path, db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = store_raw(RAW)
    age_everything(disk)

    def no_row_names_it_yet(candidates: object) -> set[str]:
        assert store_raw(RAW) == name  # another worker, between the look-up and the removal
        return set()

    monkeypatch.setattr(orphans, "_raw_names_in_use", no_row_names_it_yet)
    found = do_remove_orphan_files()

    assert found.unnamed == [name] and found.removed == []
    assert stored_files(disk) == [name]
    assert (disk / name).read_bytes() == RAW


def test_a_dry_run_lists_what_it_would_remove_and_removes_nothing(disk: Path, db: None) -> None:
    orphan = write(disk, ORPHAN)
    part = write(disk, "email/raw/ab/cd/abcd.eml.0123.part")
    out = StringIO()

    call_command("clean_orphan_files", "--dry-run", stdout=out)

    assert orphan.exists() and part.exists()
    assert f"would remove {ORPHAN} (named by no row)" in out.getvalue()
    assert "would remove email/raw/ab/cd/abcd.eml.0123.part (a stray temporary file)" in (
        out.getvalue()
    )
    assert "2 file(s) would be removed (dry run)" in out.getvalue()


def test_the_command_removes_them_and_says_which(disk: Path, db: None) -> None:
    orphan = write(disk, ORPHAN)
    out = StringIO()

    call_command("clean_orphan_files", stdout=out)

    assert not orphan.exists()
    assert f"removed {ORPHAN} (named by no row)" in out.getvalue()
    assert "1 file(s) removed" in out.getvalue()


def test_links_are_neither_followed_nor_removed(
    disk: Path, tmp_path: Path, db: None, caplog: pytest.LogCaptureFixture
) -> None:
    outside = tmp_path / "outside"
    elsewhere = write(outside, "ffff/secret.pdf")
    (disk / DAY).mkdir(parents=True)
    (disk / DAY / "folder-link").symlink_to(outside / "ffff", target_is_directory=True)
    (disk / DAY / "file-link.pdf").symlink_to(elsewhere)
    age(disk / DAY / "file-link.pdf")

    with caplog.at_level(logging.INFO, logger="caredesk.channels.email.orphans"):
        found = do_remove_orphan_files()

    assert found.removed == [] and found.checked == 0 and found.links == 2
    assert elsewhere.exists()
    assert (disk / DAY / "folder-link").is_symlink() and (disk / DAY / "file-link.pdf").is_symlink()
    assert "file-link.pdf is a link; not followed" in caplog.text


def test_an_email_folder_that_is_a_link_is_not_walked(
    disk: Path, tmp_path: Path, db: None, caplog: pytest.LogCaptureFixture
) -> None:
    outside = tmp_path / "outside"
    elsewhere = write(outside, "attachments/2025/03/17/ffff/secret.pdf")
    (disk / "email").symlink_to(outside, target_is_directory=True)

    with caplog.at_level(logging.WARNING, logger="caredesk.channels.email.orphans"):
        found = do_remove_orphan_files()

    assert found.removed == [] and elsewhere.exists()
    assert "lies behind a link; not followed" in caplog.text


def test_when_most_files_look_orphaned_they_are_kept_unless_forced(disk: Path, db: None) -> None:
    # As if the worker ran against an empty database beside the real files.
    orphans = [
        write(disk, f"{DAY}/{index:032x}/file.pdf") for index in range(MASS_REMOVAL_FLOOR + 1)
    ]
    part = write(disk, "email/raw/ab/cd/abcd.eml.0123.part")

    with pytest.raises(CommandError, match="is this the right database"):
        call_command("clean_orphan_files", stdout=StringIO())

    assert all(orphan.exists() for orphan in orphans)
    assert not part.exists()  # a temporary file is never a message's
    call_command("clean_orphan_files", "--force", stdout=StringIO())
    assert not any(orphan.exists() for orphan in orphans)


def test_a_storage_not_on_a_disk_is_skipped_with_the_reason(
    db: None, caplog: pytest.LogCaptureFixture
) -> None:
    out = StringIO()
    with caplog.at_level(logging.INFO, logger="caredesk.channels.email.orphans"):
        call_command("clean_orphan_files", stdout=out)
    assert "not a FileSystemStorage" in out.getvalue()
    assert "orphan file sweep skipped: the default storage is" in caplog.text


class FakeTime(threading.Event):
    """A stop signal whose waits move a clock on instead of sleeping, until `until`."""

    def __init__(self, until: float) -> None:
        super().__init__()
        self.now = 0.0
        self.until = until

    def clock(self) -> float:
        return self.now

    def wait(self, timeout: float | None = None) -> bool:
        assert timeout is not None
        if self.now + timeout > self.until:
            return True
        self.now += timeout
        return False


@pytest.mark.django_db(transaction=True)  # the loop closes its connection, as a thread must
def test_the_worker_sweep_removes_orphaned_files_at_start_and_then_every_interval(
    monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.CAREDESK_READ_ON_ARRIVAL = False  # the unread sweep then needs no database
    settings.CAREDESK_CARE_SWEEP_SECONDS = 60
    settings.CAREDESK_ORPHAN_SWEEP_SECONDS = 3600
    time = FakeTime(until=3 * 3600 - 1)
    runs: list[float] = []
    monkeypatch.setattr(email_tasks, "do_remove_orphan_files", lambda: runs.append(time.now))

    repairs = worker_repairs()
    run_repairs_until(time, repairs=repairs, clock=time.clock)

    assert [(repair.name, interval) for repair, interval in repairs] == [
        ("unread customer messages", 60),
        ("orphaned email files", 3600),
    ]
    assert runs == [0, 3600, 7200]


def test_the_worker_runs_no_orphan_sweep_when_it_is_turned_off(settings: Any) -> None:
    settings.CAREDESK_ORPHAN_SWEEP_SECONDS = 0
    assert "orphaned email files" not in [repair.name for repair, _ in worker_repairs()]


@pytest.mark.django_db(transaction=True)  # the loop closes its connection, as a thread must
def test_the_worker_sweep_removes_an_orphaned_file_in_its_first_round(
    disk: Path, settings: Any
) -> None:
    settings.CAREDESK_READ_ON_ARRIVAL = False
    orphan = write(disk, ORPHAN)

    run_repairs_until(FakeTime(until=0), repairs=worker_repairs())

    assert not orphan.exists()
