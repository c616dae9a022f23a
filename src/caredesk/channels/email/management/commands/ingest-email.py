"""`caredesk ingest-email --mailbox ADDRESS < message.eml`: one message from an MTA pipe.

Exit status 0 when the message was kept (stored, a duplicate, a delivery report, or
quarantined with its reason); 75 (EX_TEMPFAIL) when the database could not be reached,
so the MTA keeps the message and tries again.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from caredesk.channels.email.inbound import process_inbound_email
from caredesk.channels.email.models import Mailbox

EX_TEMPFAIL = 75


class Command(BaseCommand):
    help = "Store one RFC 5322 message read from standard input (for an MTA pipe)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--mailbox", required=True, help="the address the mail was sent to")

    def handle(self, *args: Any, **options: Any) -> None:
        address = str(options["mailbox"]).strip().lower()
        try:
            mailbox = Mailbox.objects.filter(address__iexact=address).first()
        except DatabaseError as error:
            self.stderr.write(f"database unavailable: {error}")
            sys.exit(EX_TEMPFAIL)
        if mailbox is None:
            known = ", ".join(Mailbox.objects.values_list("address", flat=True)) or "none yet"
            raise CommandError(f"No mailbox {address!r}. Known mailboxes: {known}.")
        stdin = getattr(self, "stdin", None) or sys.stdin.buffer
        raw = stdin.read()
        if not raw:
            raise CommandError("Nothing on standard input: pipe one message into this command.")
        try:
            result = process_inbound_email(raw, mailbox=mailbox)
        except DatabaseError as error:
            self.stderr.write(f"database unavailable, message not stored: {error}")
            sys.exit(EX_TEMPFAIL)
        self.stdout.write(json.dumps(result.as_dict()))
