"""Background work for the email channel. Thin: fetch rows, call one function."""

from __future__ import annotations

import logging

from django_tasks import task

from caredesk.channels.email.imap import ImapError, poll_mailbox
from caredesk.channels.email.models import Mailbox
from caredesk.channels.email.orphans import do_remove_orphan_files

logger = logging.getLogger(__name__)


@task()
def poll_imap_mailbox(mailbox_id: int) -> dict[str, int]:
    """Fetch one mailbox's new mail. A failure is recorded on the mailbox, not raised."""
    mailbox = Mailbox.objects.filter(pk=mailbox_id, is_active=True).first()
    if mailbox is None or not mailbox.polls_imap:
        return {"fetched": 0, "moved": 0}
    try:
        result = poll_mailbox(mailbox)
    except ImapError:
        return {"fetched": 0, "moved": 0}
    return {"fetched": result.fetched, "moved": result.moved}


@task()
def poll_imap_mailboxes() -> int:
    """Queue a poll of every active IMAP mailbox; returns how many were queued."""
    queued = 0
    for mailbox_id in (
        Mailbox.objects.filter(is_active=True).exclude(imap_host="").values_list("pk", flat=True)
    ):
        poll_imap_mailbox.enqueue(mailbox_id)
        queued += 1
    return queued


def sweep_orphan_files() -> None:
    """Remove the files a crash left behind; a repair every task worker runs (see apps.py)."""
    do_remove_orphan_files()
