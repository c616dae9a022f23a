"""Turning raw RFC 5322 bytes into plain values, tolerant of what real mail clients send.

Nothing here touches the database. Every step checks a `Deadline`, so a message built
to be slow to parse stops with `ParseTimeout` instead of stalling its mailbox.
"""

from __future__ import annotations

import email.policy
import hashlib
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.feedparser import BytesFeedParser
from email.header import decode_header
from email.message import Message as MimeMessage
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from caredesk.channels.email.htmltext import html_to_text

MAX_PARTS = 500
MAX_DEPTH = 20
FEED_CHUNK = 64 * 1024
_ID = re.compile(r"<([^<>\s]{1,900})>")
_SURROGATE_ESCAPE = re.compile("[\udc80-\udcff]")


class ParseTimeout(Exception):
    pass


class Unparseable(Exception):
    pass


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends_at = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.ends_at:
            raise ParseTimeout(f"parsing took longer than {self.seconds:g} s")


@dataclass
class Attachment:
    name: str
    content_type: str
    data: bytes
    content_id: str = ""
    inline: bool = False


@dataclass
class ParsedEmail:
    mime: MimeMessage
    message_id: str
    has_message_id: bool
    in_reply_to: list[str]
    references: list[str]
    from_address: str
    from_name: str
    to: list[str]
    cc: list[str]
    reply_to: list[str]
    subject: str
    date: datetime | None
    text: str
    html: str
    attachments: list[Attachment] = field(default_factory=list)
    is_report: bool = False

    def header(self, name: str) -> str:
        return header_text(self.mime, name)

    def all_headers(self, name: str) -> list[str]:
        return header_values(self.mime, name)


# ---------------------------------------------------------------------------- headers


def clean_text(value: str) -> str:
    """Text without the surrogates the parser uses for raw 8-bit header bytes, or NULs.

    Headers are meant to be ASCII; clients that send raw UTF-8 (or Latin-1) anyway
    arrive here as surrogate escapes, which no database accepts.
    """
    if _SURROGATE_ESCAPE.search(value):
        value = decode_bytes(value.encode("utf-8", errors="surrogateescape"), None)
    return value.replace("\x00", "")


def decode_words(raw: str) -> str:
    """RFC 2047 encoded words to text, surviving unknown charsets and bad encodings."""
    raw = clean_text(raw)
    if "=?" not in raw:
        return " ".join(raw.split())
    try:
        pieces = decode_header(raw)
    except Exception:
        return " ".join(raw.split())
    out: list[str] = []
    for chunk, charset in pieces:
        if isinstance(chunk, str):
            out.append(chunk)
        else:
            out.append(decode_bytes(chunk, charset))
    # decode_header keeps the whitespace between an encoded word and plain text
    return " ".join(clean_text("".join(out)).split())


def header_values(mime: MimeMessage, name: str) -> list[str]:
    values: list[str] = []
    name = name.lower()
    for key, raw in mime.raw_items():
        if key.lower() != name:
            continue
        values.append(decode_words(str(raw)))
    return values


def header_text(mime: MimeMessage, name: str) -> str:
    values = header_values(mime, name)
    return values[0] if values else ""


def _raw_header(mime: MimeMessage, name: str) -> str:
    name = name.lower()
    for key, raw in mime.raw_items():
        if key.lower() == name:
            return clean_text(str(raw))
    return ""


def message_ids(value: str) -> list[str]:
    """The <ids> in a Message-ID, In-Reply-To or References header, in order, deduplicated."""
    seen: list[str] = []
    for found in _ID.findall(value):
        msgid = f"<{found}>"
        if msgid not in seen:
            seen.append(msgid)
    return seen


def normalize_message_id(value: str) -> str:
    ids = message_ids(value)
    if ids:
        msgid = ids[0]
    else:
        bare = "".join(value.split())
        msgid = f"<{bare}>" if bare and "@" in bare and len(bare) < 900 else ""
    if len(msgid) > 490:
        msgid = "<" + hashlib.sha256(msgid.encode()).hexdigest() + "@long-message-id>"
    return msgid


def addresses(mime: MimeMessage, *names: str) -> list[tuple[str, str]]:
    """(display name, lower-cased address) pairs from address headers; junk skipped."""
    raw_values = [_raw_header_all(mime, name) for name in names]
    found: list[tuple[str, str]] = []
    for values in raw_values:
        for value in values:
            for display, address in getaddresses([value]):
                address = address.strip().strip("<>").lower()
                if "@" not in address or " " in address or len(address) > 320:
                    continue
                pair = (decode_words(display), address)
                if all(existing[1] != address for existing in found):
                    found.append(pair)
    return found


def _raw_header_all(mime: MimeMessage, name: str) -> list[str]:
    values = []
    name = name.lower()
    for key, raw in mime.raw_items():
        if key.lower() == name:
            # Names may be RFC 2047-encoded; addresses never are, so decode first.
            values.append(decode_words(str(raw)))
    return values


def sender(mime: MimeMessage) -> tuple[str, str]:
    found = addresses(mime, "from")
    if found:
        return found[0]
    # A From header without a parseable address; try the envelope-ish fallbacks.
    for name in ("sender", "return-path", "reply-to"):
        found = addresses(mime, name)
        if found:
            return found[0]
    display, address = parseaddr(_raw_header(mime, "from"))
    return decode_words(display), address.lower() if "@" in address else ""


# ---------------------------------------------------------------------------- bodies

_FALLBACK_CHARSETS = ("utf-8", "cp1252", "latin-1")


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Bytes to text with the declared charset if it works, else the likeliest one.

    Mail often declares the wrong charset (us-ascii holding UTF-8, utf-8 holding
    Windows-1252) or one Python does not know; latin-1 at the end never fails.
    """
    tried: list[str] = []
    if charset:
        name = charset.strip().strip('"').lower()
        if name in {"us-ascii", "ascii", "ansi_x3.4-1968"}:
            name = "utf-8"  # ascii is a subset; 8-bit bytes under it are almost always UTF-8
        tried.append(name)
    for candidate in [*tried, *_FALLBACK_CHARSETS]:
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")  # pragma: no cover  (latin-1 cannot fail)


def _payload_bytes(part: MimeMessage) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if isinstance(payload, bytes):
        return payload
    raw = part.get_payload()
    if isinstance(raw, str):
        return raw.encode("utf-8", errors="replace")
    return b""


def _part_text(part: MimeMessage) -> str:
    text = decode_bytes(_payload_bytes(part), part.get_content_charset())
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _filename(part: MimeMessage) -> str:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if not name:
        ctype_name = part.get_param("name")
        name = ctype_name if isinstance(ctype_name, str) else None
    return decode_words(name) if name else ""


def _content_id(part: MimeMessage) -> str:
    raw = _raw_header(part, "content-id").strip()
    return raw.strip("<>").strip() if raw else ""


def _disposition(part: MimeMessage) -> str:
    raw = _raw_header(part, "content-disposition")
    return raw.split(";", 1)[0].strip().lower()


def _walk(
    part: MimeMessage, deadline: Deadline, depth: int = 0, counter: list[int] | None = None
) -> list[MimeMessage]:
    counter = counter if counter is not None else [0]
    counter[0] += 1
    deadline.check()
    if counter[0] > MAX_PARTS:
        raise Unparseable(f"more than {MAX_PARTS} MIME parts")
    if depth > MAX_DEPTH:
        raise Unparseable(f"MIME parts nested deeper than {MAX_DEPTH}")
    if part.is_multipart():
        leaves: list[MimeMessage] = []
        payload = part.get_payload()
        for child in payload if isinstance(payload, list) else []:
            if isinstance(child, MimeMessage):
                leaves.extend(_walk(child, deadline, depth + 1, counter))
        return leaves
    return [part]


def _extract(mime: MimeMessage, deadline: Deadline) -> tuple[str, str, list[Attachment]]:
    plain: list[str] = []
    html: list[str] = []
    attachments: list[Attachment] = []
    for part in _walk(mime, deadline):
        deadline.check()
        ctype = part.get_content_type()
        if ctype.startswith("multipart/"):
            ctype = "text/plain"  # a multipart without a usable boundary: its text is all there is
        disposition = _disposition(part)
        name = _filename(part)
        content_id = _content_id(part)
        if disposition != "attachment" and not name:
            if ctype == "text/plain":
                plain.append(_part_text(part))
                continue
            if ctype == "text/html":
                html.append(_part_text(part))
                continue
        data = _payload_bytes(part)
        if not data and not name:
            continue
        inline = bool(content_id) and (disposition != "attachment") and ctype.startswith("image/")
        attachments.append(
            Attachment(
                name=name,
                content_type=clean_text(ctype)[:200],
                data=data,
                content_id=content_id,
                inline=inline,
            )
        )
    return "\n\n".join(t for t in plain if t.strip()), "\n".join(html), attachments


def parse_email(raw: bytes, *, deadline: Deadline) -> ParsedEmail:
    """Parse one message. Raises ParseTimeout or Unparseable; never anything else on purpose."""
    if not isinstance(raw, bytes | bytearray):
        raise Unparseable("the message is not bytes")
    parser = BytesFeedParser(policy=email.policy.compat32)
    for start in range(0, len(raw), FEED_CHUNK):
        deadline.check()
        parser.feed(bytes(raw[start : start + FEED_CHUNK]))
    mime = parser.close()
    if not mime.keys():
        raise Unparseable("no header section: this is not an RFC 5322 message")

    from_name, from_address = sender(mime)
    raw_id = _raw_header(mime, "message-id")
    message_id = normalize_message_id(raw_id)
    has_message_id = bool(message_id)
    if not message_id:
        # Without one, identical bytes still count as one message.
        message_id = "<" + hashlib.sha256(bytes(raw)).hexdigest() + "@no-message-id.caredesk>"
    references = message_ids(" ".join(_raw_header_all(mime, "references")))
    in_reply_to = message_ids(" ".join(_raw_header_all(mime, "in-reply-to")))

    date: datetime | None
    try:
        date = parsedate_to_datetime(_raw_header(mime, "date"))
        if date.tzinfo is None:
            date = date.replace(tzinfo=UTC)
    except Exception:
        date = None

    text, html, attachments = _extract(mime, deadline)
    if not text.strip() and html.strip():
        text = html_to_text(html, deadline=deadline.check)
    return ParsedEmail(
        mime=mime,
        message_id=message_id,
        has_message_id=has_message_id,
        in_reply_to=in_reply_to,
        references=references,
        from_address=from_address,
        from_name=from_name[:200],
        to=[address for _, address in addresses(mime, "to")],
        cc=[address for _, address in addresses(mime, "cc")],
        reply_to=[address for _, address in addresses(mime, "reply-to")],
        subject=header_text(mime, "subject")[:1000],
        date=date,
        text=text,
        html=html,
        attachments=attachments,
        is_report=mime.get_content_type() == "multipart/report",
    )
