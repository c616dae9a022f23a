"""`caredesk workspace_bench`: server time of the inbox, the ticket page and the coach.

Runs requests through Django's test client against the configured database (use the
demo data: `caredesk demo --tickets 100000`), so the figures are server time only: URL
routing, middleware, queries and template rendering, without a network or a browser.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caredesk.accounts.models import User
from caredesk.tickets.models import Ticket
from caredesk.tickets.queries import visible_tickets

CARELESS = "Per our policy we can't refund after 30 days. Please contact your bank."


class Command(BaseCommand):
    help = "Median and p95 server time of the workspace pages on the configured database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rounds", type=int, default=30, help="requests per page (default 30)")
        parser.add_argument("--user", default="lead", help="who signs in (default: demo's lead)")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {options['user']!r}; run `caredesk demo` first.")
        rounds: int = options["rounds"]
        rng = random.Random(options["seed"])
        client = Client(headers={"host": "localhost"})
        client.force_login(user)
        total = Ticket.objects.count()
        ids = list(
            visible_tickets(user).order_by("-created_at").values_list("pk", flat=True)[:5000]
        )
        if not ids:
            raise CommandError(f"{user} sees no tickets.")
        inbox = reverse("workspace:inbox")
        pages: list[tuple[str, Callable[[], Any]]] = [
            ("inbox: My team, oldest waiting", lambda: client.get(inbox, {"view": "team"}, secure=True)),
            ("inbox: All, needs care first", lambda: client.get(inbox, {"view": "all", "sort": "care"}, secure=True)),
            ("inbox: All, emotion=anger, stakes", lambda: client.get(inbox, {"view": "all", "emotion": "anger", "stakes": "financial"}, secure=True)),
            ("inbox: All, page 20", lambda: client.get(inbox, {"view": "all", "page": "20"}, secure=True)),
            ("ticket page (random ticket)", lambda: client.get(reverse("workspace:ticket", args=[rng.choice(ids)]), secure=True)),
            ("coach round trip (random ticket)", lambda: client.post(reverse("workspace:coach", args=[rng.choice(ids)]), {"body": CARELESS, "kind": "reply"}, secure=True)),
        ]  # fmt: skip
        self.stdout.write(
            f"{total:,} tickets on {connection.vendor}; signed in as {user} ({user.get_role_display()}); "
            f"{rounds} requests each after 3 warm-ups"
        )
        self.stdout.write(f"{'page':<36} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for name, request in pages:
            for _ in range(3):
                request()
            timings = []
            for _ in range(rounds):
                started = time.perf_counter()
                response = request()
                timings.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{name}: HTTP {response.status_code}")
            query_counts = set()
            for _ in range(3):  # counted apart, so counting does not slow the timed requests
                with CaptureQueriesContext(connection) as captured:
                    request()
                query_counts.add(len(captured))
            timings.sort()
            p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
            queries = "-".join(str(n) for n in sorted({min(query_counts), max(query_counts)}))
            self.stdout.write(
                f"{name:<36} {statistics.median(timings):>10.1f} {p95:>8.1f} {queries:>8}"
            )
