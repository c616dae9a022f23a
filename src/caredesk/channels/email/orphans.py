"""Removing the files a crash left behind in the email channel's storage.

An attachment file is saved inside the transaction that stores its message and deleted
again if that rolls back, and a raw message is written to a temporary `.part` file that
is renamed into place; a process killed at the wrong moment leaves a file that no row
names, or a `.part` file. This sweep finds both on a FileSystemStorage, in one walk of
the folders the channel writes, and removes those older than the grace period (a
younger one may belong to a message being stored right now). It never follows a link.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
import uuid
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage

from caredesk.channels.email.models import DeliveryReport, EmailMessage, Quarantine
from caredesk.tickets.models import Message

logger = logging.getLogger(__name__)

ATTACHMENTS = "email/attachments"  # email/attachments/<day>/<uuid hex>/<name>
RAW = "email/raw"  # email/raw/<aa>/<bb>/<sha256>.eml
TEMPORARY_SUFFIX = ".part"
# More files than this that no row names, and more than half of those checked, look like
# the wrong database (an empty one, another desk's) rather than a crash: they are kept.
MASS_REMOVAL_FLOOR = 20
ROWS_PER_FETCH = 2000


@dataclass
class OrphanFiles:
    """What one sweep found, as storage names."""

    dry_run: bool = False
    temporary: list[str] = field(default_factory=list)  # stray `.part` files
    unnamed: list[str] = field(default_factory=list)  # files no row names
    checked: int = 0  # files past the grace period that a row may name
    removed: list[str] = field(default_factory=list)  # none in a dry run
    failed: list[str] = field(default_factory=list)
    links: int = 0  # links found in storage, never followed nor removed
    skipped: str = ""  # why the sweep looked at nothing
    refused: str = ""  # why the unnamed files were kept


def do_remove_orphan_files(
    *, dry_run: bool = False, force: bool = False, grace: timedelta | None = None
) -> OrphanFiles:
    """Remove the stray `.part` files and the attachment and raw-message files that no
    row names, of those older than `grace` (CAREDESK_ORPHAN_GRACE_SECONDS).

    Safe to run in several workers at once and beside inbound mail. `force` removes the
    unnamed files even when they are most of those checked (after many tickets were
    deleted); otherwise that many are kept and the reason is logged as an error.
    """
    found = OrphanFiles(dry_run=dry_run)
    storage = default_storage
    if not isinstance(storage, FileSystemStorage):
        kind = f"{type(storage).__module__}.{type(storage).__qualname__}"
        found.skipped = f"the default storage is {kind}, not a FileSystemStorage"
        logger.info("orphan file sweep skipped: %s", found.skipped)
        return found
    if grace is None:
        grace = timedelta(seconds=settings.CAREDESK_ORPHAN_GRACE_SECONDS)
    cutoff = time.time() - grace.total_seconds()
    root = os.path.realpath(storage.location)

    attachments: dict[str, str] = {}
    raw: dict[str, str] = {}
    paths: dict[str, str] = {}
    for folder, kept in ((ATTACHMENTS, attachments), (RAW, raw)):
        for name, path in _files_older_than(cutoff, root=root, folder=folder, found=found):
            if name.endswith(TEMPORARY_SUFFIX):
                found.temporary.append(name)
                paths[name] = path
            else:
                kept[name] = path
    found.checked = len(attachments) + len(raw)
    if attachments:
        for name in _attachment_names_in_use(attachments.keys()):
            del attachments[name]
    if raw:
        for name in _raw_names_in_use(raw.keys()):
            del raw[name]
    paths.update(attachments)
    paths.update(raw)
    found.unnamed = sorted([*attachments, *raw])
    found.temporary.sort()

    if (
        not force
        and len(found.unnamed) > MASS_REMOVAL_FLOOR
        and len(found.unnamed) * 2 > found.checked
    ):
        found.refused = (
            f"{len(found.unnamed)} of the {found.checked} files checked are named by no row, "
            "too many for a crash to have left; is this the right database? "
            "`caredesk clean_orphan_files --dry-run` lists them, --force removes them"
        )
        logger.error("orphan file sweep kept the unnamed files: %s", found.refused)
    if dry_run:
        return found

    for name in found.temporary:
        _remove(name, paths[name], cutoff=cutoff, found=found, why="a stray temporary file")
    if not found.refused:
        for name in found.unnamed:
            _remove(name, paths[name], cutoff=cutoff, found=found, why="named by no row")
    if found.removed or found.failed:
        logger.info(
            "orphan file sweep: removed %d file(s), %d could not be removed",
            len(found.removed),
            len(found.failed),
        )
    return found


def _files_older_than(
    cutoff: float, *, root: str, folder: str, found: OrphanFiles
) -> Iterator[tuple[str, str]]:
    """(storage name, path) of each plain file under `folder` last written before `cutoff`.

    One pass over the folder tree; links (to files or folders, inside or outside the
    storage) are counted and neither followed nor listed.
    """
    top = os.path.join(root, *folder.split("/"))
    if os.path.realpath(top) != top:
        if os.path.lexists(top):
            found.links += 1
            logger.warning("orphan file sweep: %s is or lies behind a link; not followed", top)
        return
    pending = [(top, folder)]
    while pending:
        directory, prefix = pending.pop()
        try:
            entries = list(os.scandir(directory))
        except FileNotFoundError:  # removed meanwhile
            continue
        except OSError:
            logger.warning("orphan file sweep: cannot read %s", directory, exc_info=True)
            continue
        for entry in entries:
            name = f"{prefix}/{entry.name}"
            try:
                if entry.is_symlink():
                    found.links += 1
                    logger.info("orphan file sweep: %s is a link; not followed", name)
                elif entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, name))
                elif (
                    entry.is_file(follow_symlinks=False)
                    and entry.stat(follow_symlinks=False).st_mtime < cutoff
                ):
                    yield name, entry.path
            except FileNotFoundError:  # removed meanwhile
                continue


def _attachment_names_in_use(candidates: AbstractSet[str]) -> set[str]:
    """Those of `candidates` that a ticket message names as an attachment.

    The names sit in each message's JSON list, which no index covers, so the messages
    that have attachments are read once, in batches, rather than once per file.
    """
    in_use: set[str] = set()
    rows = Message.objects.exclude(attachments=[]).values_list("attachments", flat=True)
    for attachments in rows.iterator(chunk_size=ROWS_PER_FETCH):
        for attachment in attachments if isinstance(attachments, list) else ():
            path = attachment.get("path") if isinstance(attachment, dict) else None
            if isinstance(path, str) and path in candidates:
                in_use.add(path)
    return in_use


def _raw_names_in_use(candidates: AbstractSet[str]) -> set[str]:
    """Those of `candidates` that an email, quarantine or delivery report row names."""
    in_use: set[str] = set()
    for model in (EmailMessage, Quarantine, DeliveryReport):
        rows = model._default_manager.exclude(raw_path="").values_list("raw_path", flat=True)
        in_use.update(
            name for name in rows.iterator(chunk_size=ROWS_PER_FETCH) if name in candidates
        )
    return in_use


def _remove(name: str, path: str, *, cutoff: float, found: OrphanFiles, why: str) -> None:
    """Remove the file at `path`, unless it was touched since `cutoff`.

    Storing a raw message whose file exists touches that file and then saves the row
    naming it. The file is first renamed aside, so such a store either touched it before
    (and it is put back) or finds it gone and writes it again. A crash between the two
    steps leaves a `.part` file, which a later sweep removes.
    """
    aside = f"{path}.{uuid.uuid4().hex}{TEMPORARY_SUFFIX}"
    try:
        os.rename(path, aside)
        if os.lstat(aside).st_mtime >= cutoff:
            os.replace(aside, path)  # the same bytes, if a store wrote them again meanwhile
            logger.info("orphan file sweep kept %s: a message took it up meanwhile", name)
            return
        os.unlink(aside)
    except FileNotFoundError:  # removed by another worker's sweep
        return
    except OSError:
        found.failed.append(name)
        logger.warning("orphan file sweep could not remove %s", name, exc_info=True)
        return
    found.removed.append(name)
    logger.info("orphan file sweep removed %s: %s", name, why)
    if name.startswith(f"{ATTACHMENTS}/") and name.count("/") == 6:
        with contextlib.suppress(OSError):  # the message's own folder, if now empty
            os.rmdir(os.path.dirname(path))
