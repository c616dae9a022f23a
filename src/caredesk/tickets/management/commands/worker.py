"""`caredesk worker`: the background task worker, which also reads messages left unread.

The database backend's `db_worker` (same options), plus the repair sweep for customer
messages whose care reading was lost: once at start, then every
CAREDESK_CARE_SWEEP_SECONDS in a thread of its own, so a long backlog never holds up
the queue. `--batch` (run what is queued, then exit) sweeps once, at start.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from django.conf import settings
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from caredesk.tickets.tasks import sweep_unread_messages, sweep_unread_messages_until


class Command(DatabaseWorkerCommand):
    help = "Run the background task worker, and read customer messages whose reading was lost."

    def handle(self, *args: Any, **options: Any) -> None:
        interval = settings.CAREDESK_CARE_SWEEP_SECONDS
        # With --reload the first process only watches the files and restarts a child that
        # does the work; the child sweeps.
        watcher = (
            options["reload"]
            and not options["batch"]
            and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        )
        if not interval or watcher:
            super().handle(*args, **options)
            return
        sweep_unread_messages()  # at start: a crash that lost readings has just ended
        if options["batch"]:
            super().handle(*args, **options)
            return
        stop = threading.Event()
        sweeper = threading.Thread(
            target=sweep_unread_messages_until,
            args=(stop,),
            kwargs={"interval": interval},
            name="care-sweep",
            daemon=True,  # a stop that cannot wait ends it; its open batch rolls back
        )
        sweeper.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            sweeper.join(timeout=30)
