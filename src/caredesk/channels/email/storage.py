"""Keeping raw messages and attachments in Django's default storage."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import mimetypes
import os
import re
import unicodedata
import uuid
import weakref
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone
from django.utils._os import safe_makedirs

from caredesk.channels.email.parsing import Attachment

logger = logging.getLogger(__name__)

_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"/\\|?*]+")
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}
MAX_NAME_CHARS = 120


def sha256_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def store_raw(raw: bytes, *, digest: str | None = None) -> str:
    """Store the message bytes once, named by their hash; returns the storage name."""
    digest = digest or sha256_of(raw)
    name = f"email/raw/{digest[:2]}/{digest[2:4]}/{digest}.eml"
    if default_storage.__class__ is FileSystemStorage:  # the lazy proxy reports its target
        _store_file_once(default_storage, name, raw)
        return name
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(raw))
        return saved
    return name


def _store_file_once(storage: Any, name: str, data: bytes) -> None:
    """`name` in a FileSystemStorage holding `data`, unless a file of that name exists.

    Every message takes this path, and `exists()` then `save()` checked the name twice,
    locked the file and created its folders through several layers each time. The data
    is written to a temporary file beside it and renamed into place, so the name never
    holds a partial file: a crash mid-write leaves no raw message that looks stored, only
    a `.part` file, which the orphan sweep removes.
    The folder and file permissions are the storage's own, as `save()` applies them.
    """
    path = storage.path(name)
    try:
        # The same hash: the same bytes, stored before. Touching the file tells the orphan
        # sweep (orphans.py) that a message is about to name it again, even if no row
        # does yet; the sweep sets a file aside before its last look at that time.
        os.utime(path)
        return
    except FileNotFoundError:
        pass
    except OSError:  # not ours to touch (another owner): stored all the same
        if os.path.exists(path):
            return
    temporary = f"{path}.{uuid.uuid4().hex}.part"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(temporary, flags, 0o666)
    except FileNotFoundError:  # the first message in this folder
        directory_mode = storage.directory_permissions_mode
        if directory_mode is not None:
            safe_makedirs(os.path.dirname(path), directory_mode, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
        descriptor = os.open(temporary, flags, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            if storage.file_permissions_mode is not None:
                os.fchmod(handle.fileno(), storage.file_permissions_mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def read_raw(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        data: bytes = handle.read()
    return data


def safe_filename(name: str, content_type: str = "") -> str:
    """A file name that is safe on any disk and in any browser, keeping its extension."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]  # no directories, either kind
    name = _UNSAFE.sub("_", name)
    name = " ".join(name.split()).strip(" .")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    extension = re.sub(r"[^\w]", "", extension)[:10]
    if stem.lower() in _RESERVED:
        stem = "_" + stem
    if not stem:
        stem = "attachment"
    if not extension:
        guessed = mimetypes.guess_extension(content_type or "") or ""
        extension = guessed.lstrip(".")
    stem = stem[: MAX_NAME_CHARS - len(extension) - 1]
    return f"{stem}.{extension}" if extension else stem


def store_attachments(attachments: list[Attachment]) -> list[dict[str, Any]]:
    """Save each attachment under the size limit; list every one, saved or not.

    Called inside the transaction that saves the rows naming the files: if it rolls
    back, the files are deleted again, so no file outlives the message it belonged to.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise TransactionManagementError(
            "store_attachments() runs inside the transaction that saves the message"
        )
    limit: int = settings.CAREDESK_EMAIL_MAX_ATTACHMENT_BYTES
    stored: list[dict[str, Any]] = []
    saved: list[str] = []
    day = timezone.now().strftime("%Y/%m/%d")
    try:
        for attachment in attachments:
            name = safe_filename(attachment.name, attachment.content_type)
            entry: dict[str, Any] = {
                "name": name,
                "content_type": attachment.content_type,
                "size": len(attachment.data),
            }
            if attachment.content_id:
                entry["content_id"] = attachment.content_id
            if attachment.inline:
                entry["inline"] = True
            if len(attachment.data) > limit:
                entry["skipped"] = (
                    f"larger than the {limit:,}-byte limit; kept inside the stored raw message"
                )
            else:
                path = f"email/attachments/{day}/{uuid.uuid4().hex}/{name}"
                entry["path"] = default_storage.save(path, ContentFile(attachment.data))
                saved.append(entry["path"])
            stored.append(entry)
    except BaseException:
        _delete_files(tuple(saved), connection.alias)
        raise
    if saved:
        connection.on_commit(_FilesOfOpenTransaction(saved, connection.alias).keep, robust=True)
    return stored


class _FilesOfOpenTransaction:
    """Deletes its files unless the transaction that saved them commits.

    Django has no rollback hook, but it keeps a transaction's on-commit callbacks in one
    queue: it calls them after the commit, and drops them uncalled when the transaction
    (or the savepoint they were queued in) rolls back, or when the connection closes
    mid-transaction. This object lives only in that queue, so when it is dropped without
    `keep` having run, the rows naming the files are gone and CPython's reference count
    deletes the files at once.
    """

    def __init__(self, names: list[str], alias: str) -> None:
        self._finalizer = weakref.finalize(self, _delete_files, tuple(names), alias)
        self._finalizer.atexit = False

    def keep(self) -> None:
        self._finalizer.detach()


def _delete_files(names: tuple[str, ...], alias: str) -> None:
    if transaction.get_connection(alias).autocommit:  # not get_autocommit(): no reconnect
        # Dropped after the commit: an earlier on-commit callback raised and Django gave
        # up on the rest of the queue. The rows are there, so the files stay.
        logger.warning("kept %d attachment file(s) whose on-commit mark was skipped", len(names))
        return
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:  # a rollback must go on; the name is in the log
            logger.exception("could not delete the attachment %s of a rolled-back message", name)
