"""`caredesk demo`: fill the desk with a generated quarter of customer care."""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caredesk.demo.generate import plan_desk
from caredesk.demo.write import DEMO_PASSWORD, delete_desk_data, desk_is_empty, write_desk

DEFAULT_TICKETS = 1500


class Command(BaseCommand):
    help = (
        "Generate demo data: 4 teams, at least 14 agents, customers across email, chat, phone "
        "and social, and tickets over the last 90 days, each message read by the care engine. "
        "Text and structure are fixed for a seed; dates follow today's date. Sign in as "
        f"admin, lead or alice with the password {DEMO_PASSWORD}. Teams and agents are made "
        "through the actions (with audit rows); the generated ticket history is inserted in "
        "bulk and has no audit rows."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
        parser.add_argument(
            "--tickets",
            type=int,
            default=DEFAULT_TICKETS,
            help=f"how many tickets (default {DEFAULT_TICKETS})",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="processes that read care in parallel (default: none for small desks, "
            "else one per CPU, at most 4)",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing when there are already tickets"
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="delete all tickets, customers, people and audit rows first (asks nothing)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        tickets: int = options["tickets"]
        if tickets < 1:
            raise CommandError("--tickets must be at least 1.")
        if options["if_empty"] and not desk_is_empty():
            self.stdout.write("The desk already has tickets; no demo data added.")
            return
        if options["reset"]:
            delete_desk_data()
        elif not desk_is_empty():
            raise CommandError(
                "The desk already has tickets. Use --reset to replace them, or --if-empty to skip."
            )
        verbose = options["verbosity"] >= 2

        def progress(done: int) -> None:
            if verbose:
                self.stdout.write(f"  {done:,} / {tickets:,} tickets")

        plan = plan_desk(seed=options["seed"], tickets=tickets)
        workers = options["workers"]
        if workers is None:
            workers = 0 if tickets < 5000 else min(4, os.cpu_count() or 1)
        summary = write_desk(plan, workers=workers, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo desk ready in {summary.seconds:.1f} s: {summary.teams} teams, "
                f"{summary.agents} people, {summary.customers:,} customers, "
                f"{summary.tickets:,} tickets, {summary.messages:,} messages, "
                f"{summary.handoffs:,} handoffs."
            )
        )
        self.stdout.write(f"Sign in as admin, lead or alice with the password {DEMO_PASSWORD}.")
