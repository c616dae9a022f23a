"""`caredesk read_unread [--dry-run] [--grace SECONDS] [--retry-failed]`.

Reads every customer message that has no care reading, as the task workers' sweep does
(a message stored in the last --grace seconds is left to its reading on arrival).
"""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from caredesk.tickets.care import UNREAD_GRACE, do_read_unread_messages
from caredesk.tickets.queries import unread_customer_messages


class Command(BaseCommand):
    help = "Read the customer messages that have no care reading."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="only count them; change nothing"
        )
        parser.add_argument(
            "--grace",
            type=int,
            default=int(UNREAD_GRACE.total_seconds()),
            metavar="SECONDS",
            help="leave messages stored in the last SECONDS to their reading on arrival "
            "(default: %(default)s)",
        )
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="also read the messages the engine failed on, without waiting for their retry time",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        grace = timedelta(seconds=max(0, options["grace"]))
        if options["dry_run"]:
            now = timezone.now()
            waiting = unread_customer_messages(
                stored_before=now - grace, now=now, with_failed=options["retry_failed"]
            ).count()
            self.stdout.write(f"{waiting} customer messages have no care reading (dry run).")
            return
        sweep = do_read_unread_messages(grace=grace, retry_failed=options["retry_failed"])
        self.stdout.write(f"{sweep.read} customer messages read, {sweep.failed} failed.")
        if sweep.failed:
            self.stdout.write(
                "The failures are logged and tried again later; --retry-failed tries now."
            )
