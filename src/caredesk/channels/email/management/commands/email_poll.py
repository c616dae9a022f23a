"""`caredesk email_poll [--forever] [--interval SECONDS]`: fetch mail from every IMAP mailbox."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from caredesk.channels.email.imap import ImapError, poll_mailbox
from caredesk.channels.email.models import Mailbox


class Command(BaseCommand):
    help = "Fetch new mail from every active IMAP mailbox (once, or every --interval seconds)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--forever", action="store_true")
        parser.add_argument("--interval", type=int, default=60)

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            for mailbox in Mailbox.objects.filter(is_active=True).exclude(imap_host=""):
                try:
                    result = poll_mailbox(mailbox)
                except ImapError as error:
                    self.stderr.write(f"{mailbox}: {error}")
                    continue
                self.stdout.write(f"{mailbox}: {result.fetched} fetched, {result.moved} moved")
            if not options["forever"]:
                return
            time.sleep(max(1, int(options["interval"])))
