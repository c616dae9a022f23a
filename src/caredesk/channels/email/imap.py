"""Fetching a mailbox's new mail over IMAP and handing each message to the inbound function.

A message leaves the server folder only after `process_inbound_email` returned, that
is after its ticket message, delivery report or quarantine row was committed. UIDs are
remembered per folder and UIDVALIDITY, so a message kept in place is not read twice.
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import re
import ssl
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone

from caredesk.channels.email.inbound import InboundResult, process_inbound_email
from caredesk.channels.email.models import ImapSecurity, Mailbox
from caredesk.lib.encryption import SecretUnreadable

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
TIMEOUT_SECONDS = 60
_UIDVALIDITY = re.compile(rb"UIDVALIDITY (\d+)")


class ImapError(Exception):
    pass


@dataclass
class PollResult:
    fetched: int = 0
    results: list[InboundResult] = field(default_factory=list)
    moved: int = 0


def _tls_context() -> ssl.SSLContext:
    ca_file: str = settings.CAREDESK_EMAIL_IMAP_CA_FILE
    return ssl.create_default_context(cafile=ca_file or None)


def connect(mailbox: Mailbox) -> imaplib.IMAP4:
    password = mailbox.decrypt_imap_password()  # first, so an unreadable one opens no socket
    if mailbox.imap_security == ImapSecurity.TLS:
        connection: imaplib.IMAP4 = imaplib.IMAP4_SSL(
            mailbox.imap_host,
            mailbox.imap_port,
            ssl_context=_tls_context(),
            timeout=TIMEOUT_SECONDS,
        )
    else:
        connection = imaplib.IMAP4(mailbox.imap_host, mailbox.imap_port, timeout=TIMEOUT_SECONDS)
        if mailbox.imap_security == ImapSecurity.STARTTLS:
            connection.starttls(ssl_context=_tls_context())
    connection.login(mailbox.imap_username, password)
    return connection


def _check(response: tuple[str, list[Any]], what: str) -> list[Any]:
    status, data = response
    if status != "OK":
        raise ImapError(f"{what} failed: {data!r}"[:500])
    return data


def _quote(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def poll_mailbox(mailbox: Mailbox, *, batch_size: int = BATCH_SIZE) -> PollResult:
    """Read up to `batch_size` new messages; record the outcome on the mailbox."""
    result = PollResult()
    try:
        connection = connect(mailbox)
    except SecretUnreadable as error:
        # Only this mailbox is affected; the poller goes on with the others.
        _record_error(mailbox, str(error))
        raise ImapError(str(error)) from error
    except (OSError, imaplib.IMAP4.error) as error:
        _record_error(mailbox, f"could not connect: {error}")
        raise ImapError(f"could not connect to {mailbox.imap_host}: {error}") from error
    try:
        _poll(connection, mailbox, result, batch_size)
    except (OSError, imaplib.IMAP4.error, ImapError) as error:
        _record_error(mailbox, str(error))
        raise ImapError(str(error)) from error
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            connection.logout()
    Mailbox.objects.filter(pk=mailbox.pk).update(
        imap_last_polled_at=timezone.now(), imap_last_error=""
    )
    return result


def _record_error(mailbox: Mailbox, error: str) -> None:
    Mailbox.objects.filter(pk=mailbox.pk).update(
        imap_last_polled_at=timezone.now(), imap_last_error=error[:2000]
    )
    logger.warning("IMAP poll of %s failed: %s", mailbox, error)


def _poll(connection: imaplib.IMAP4, mailbox: Mailbox, result: PollResult, batch_size: int) -> None:
    _check(connection.select(_quote(mailbox.imap_folder)), f"SELECT {mailbox.imap_folder}")
    uidvalidity = _uidvalidity(connection, mailbox.imap_folder)
    if uidvalidity != mailbox.imap_uidvalidity:
        # The server renumbered the folder: every UID we remember is meaningless now.
        # Re-reading is safe because storing is idempotent by Message-ID.
        mailbox.imap_uidvalidity = uidvalidity
        mailbox.imap_last_uid = 0
        Mailbox.objects.filter(pk=mailbox.pk).update(imap_uidvalidity=uidvalidity, imap_last_uid=0)
    processed = mailbox.imap_processed_folder.strip()
    can_move = False
    if processed:
        connection.create(_quote(processed))  # "already exists" is fine
        capabilities = connection.capabilities
        can_move = "MOVE" in capabilities
    data = _check(connection.uid("SEARCH", f"UID {mailbox.imap_last_uid + 1}:*"), "UID SEARCH")
    raw_uids = data[0] if data and isinstance(data[0], bytes) else b""
    # "n:*" always includes the highest UID, even one we already have.
    uids = sorted(int(uid) for uid in raw_uids.split() if int(uid) > mailbox.imap_last_uid)
    for uid in uids[:batch_size]:
        raw = _fetch(connection, uid)
        result.fetched += 1
        result.results.append(process_inbound_email(raw, mailbox=mailbox))
        # Only now, with the message kept, may it leave the folder.
        if processed:
            if can_move:
                _check(connection.uid("MOVE", str(uid), _quote(processed)), "UID MOVE")
            else:
                _check(connection.uid("COPY", str(uid), _quote(processed)), "UID COPY")
                _check(connection.uid("STORE", str(uid), "+FLAGS", "(\\Deleted)"), "UID STORE")
                connection.expunge()
            result.moved += 1
        else:
            connection.uid("STORE", str(uid), "+FLAGS", "(\\Seen)")
        mailbox.imap_last_uid = uid
        Mailbox.objects.filter(pk=mailbox.pk).update(imap_last_uid=uid)


def _uidvalidity(connection: imaplib.IMAP4, folder: str) -> int:
    _, data = connection.response("UIDVALIDITY")
    for item in data or []:
        if isinstance(item, bytes) and item.isdigit():
            return int(item)
    response = _check(connection.status(_quote(folder), "(UIDVALIDITY)"), "STATUS")
    match = _UIDVALIDITY.search(response[0] if isinstance(response[0], bytes) else b"")
    if match is None:
        raise ImapError("the server did not say the folder's UIDVALIDITY")
    return int(match.group(1))


def _fetch(connection: imaplib.IMAP4, uid: int) -> bytes:
    data = _check(connection.uid("FETCH", str(uid), "(BODY.PEEK[])"), f"UID FETCH {uid}")
    for item in data:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
            return item[1]
    raise ImapError(f"the server returned no body for UID {uid}")
