"""`caredesk worker`: the background task worker, which also runs the repair sweeps.

The database backend's `db_worker` (same options), plus, in a thread of its own so a
long backlog never holds up the queue, the repair sweeps: the customer messages whose
care reading was lost are read once at start, then every CAREDESK_CARE_SWEEP_SECONDS;
the channels' repairs (the email channel's removal of files a crash left behind) run
at their own intervals. `--batch` (run what is queued, then exit) reads the unread
messages once, at start, and runs no other repair.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from django.conf import settings
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from caredesk.tickets.tasks import run_repairs_until, sweep_unread_messages, worker_repairs


class Command(DatabaseWorkerCommand):
    help = "Run the background task worker, and the repair sweeps (lost readings, stray files)."

    def handle(self, *args: Any, **options: Any) -> None:
        repairs = worker_repairs()
        # With --reload the first process only watches the files and restarts a child that
        # does the work; the child sweeps.
        watcher = (
            options["reload"]
            and not options["batch"]
            and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        )
        if not repairs or watcher:
            super().handle(*args, **options)
            return
        if settings.CAREDESK_CARE_SWEEP_SECONDS:
            sweep_unread_messages()  # at start: a crash that lost readings has just ended
        if options["batch"]:
            super().handle(*args, **options)
            return
        stop = threading.Event()
        sweeper = threading.Thread(
            target=run_repairs_until,
            args=(stop,),
            kwargs={"repairs": repairs},
            name="repair-sweep",
            daemon=True,  # a stop that cannot wait ends it; its open batch rolls back
        )
        sweeper.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            sweeper.join(timeout=30)
