"""Keeping raw messages and attachments in Django's default storage."""

from __future__ import annotations

import hashlib
import mimetypes
import re
import unicodedata
import uuid
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from caredesk.channels.email.parsing import Attachment

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
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(raw))
        return saved
    return name


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
    """Save each attachment under the size limit; list every one, saved or not."""
    limit: int = settings.CAREDESK_EMAIL_MAX_ATTACHMENT_BYTES
    stored: list[dict[str, Any]] = []
    day = timezone.now().strftime("%Y/%m/%d")
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
        stored.append(entry)
    return stored
