"""`caredesk clean_orphan_files [--dry-run] [--force]`.

Removes what the task workers' sweep removes every CAREDESK_ORPHAN_SWEEP_SECONDS: the
email files a crash left behind (attachments of messages that never committed, stray
`.part` files) once they are CAREDESK_ORPHAN_GRACE_SECONDS old.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from caredesk.channels.email.orphans import do_remove_orphan_files


class Command(BaseCommand):
    help = "Remove the email attachment and raw-message files that no row names."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="only list what would be removed"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="remove them even when most files checked look orphaned (after deleting "
            "many tickets); without it such a sweep keeps them and says why",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run: bool = options["dry_run"]
        found = do_remove_orphan_files(dry_run=dry_run, force=options["force"])
        if found.skipped:
            self.stdout.write(f"Nothing to do: {found.skipped}.")
            return
        listed = [(name, "a stray temporary file") for name in found.temporary]
        if not found.refused:
            listed += [(name, "named by no row") for name in found.unnamed]
        removed = set(found.removed)
        for name, why in listed:
            if dry_run:
                self.stdout.write(f"would remove {name} ({why})")
            elif name in removed:
                self.stdout.write(f"removed {name} ({why})")
        for name in found.failed:
            self.stderr.write(f"could not remove {name} (see the log)")
        count = len(listed) if dry_run else len(found.removed)
        verb = "would be removed (dry run)" if dry_run else "removed"
        self.stdout.write(
            f"{count} file(s) {verb}; {found.checked} past the grace period checked against "
            f"the database, {found.links} link(s) left alone."
        )
        if found.refused:
            raise CommandError(f"Kept the files no row names: {found.refused}.")
