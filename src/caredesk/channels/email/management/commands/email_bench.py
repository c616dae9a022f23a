"""`caredesk email_bench --messages 2000`: inbound messages per second, end to end.

Each message goes through `process_inbound_email` (parse, thread, store the raw source,
customer, ticket, email row) and the care engine reads it right after the commit, in
this process, as in production; the tasks backend is switched to the immediate one for
the run, so a reading that fails and falls back to its task is still done in the run.
Run it against a scratch database; it writes real rows (use --cleanup to remove them).
"""

from __future__ import annotations

import random
import tempfile
import time
from argparse import ArgumentParser
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import override_settings

from caredesk.channels.email.inbound import Outcome, process_inbound_email
from caredesk.channels.email.models import Mailbox
from caredesk.tickets.models import Message, Ticket

_OPENINGS = [
    "my order {n} has not arrived and it was due last week.",
    "I was charged twice for order {n}, please refund one of the payments.",
    "the kettle from order {n} stopped working after two days. I am really disappointed.",
    "could you change the delivery address for order {n} to my office?",
    "thank you for the quick help with order {n}, everything works now!",
    "this is the third time I am writing about order {n} and nobody answers. I want to cancel.",
]


def _message(index: int, *, sender: str, name: str, reply_to: str | None, html: bool) -> bytes:
    opening = random.choice(_OPENINGS).format(n=1000 + index)
    subject = f"Order {1000 + index}" if reply_to is None else f"Re: Order {1000 + index}"
    headers = [
        f"From: {name} <{sender}>",
        "To: bench@shop.example",
        f"Subject: {subject}",
        "Date: Mon, 17 Mar 2025 10:00:00 +0000",
        f"Message-ID: <bench.{index}.{random.getrandbits(48):x}@example.com>",
        "MIME-Version: 1.0",
    ]
    if reply_to:
        headers += [f"In-Reply-To: {reply_to}", f"References: {reply_to}"]
    quote = (
        "\n\nOn Sun, 16 Mar 2025 at 09:00, Shop <bench@shop.example> wrote:\n> Earlier answer.\n"
    )
    if html:
        body = (
            f"<html><body><div>Hello,</div><div>{opening}</div><div>Best, {name}</div>"
            '<div class="gmail_quote"><blockquote>Earlier answer.</blockquote></div></body></html>'
        )
        headers.append("Content-Type: text/html; charset=utf-8")
    else:
        body = f"Hello,\n\n{opening}\n\nBest,\n{name}{quote}"
        headers.append("Content-Type: text/plain; charset=utf-8")
    return ("\n".join(headers) + "\n\n" + body + "\n").encode("utf-8")


class _StatementCounter:
    """An execute wrapper that counts the statements sent to the database."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


class Command(BaseCommand):
    help = "Measure inbound email messages per second, care reading included."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--messages", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--cleanup", action="store_true", help="delete the rows afterwards")

    def handle(self, *args: Any, **options: Any) -> None:
        random.seed(options["seed"])
        count = int(options["messages"])
        mailbox, _ = Mailbox.objects.get_or_create(
            address="bench@shop.example", defaults={"auto_acknowledge": False}
        )
        senders = [(f"bench{n}.{random.getrandbits(32):x}@example.com", f"Person {n}") for n in range(count // 3 + 1)]  # fmt: skip
        last_id: dict[str, str] = {}
        raws: list[bytes] = []
        for index in range(count):
            sender, name = random.choice(senders)
            reply_to = last_id.get(sender) if random.random() < 0.4 else None
            raw = _message(index, sender=sender, name=name, reply_to=reply_to, html=index % 5 == 0)
            last_id[sender] = raw.split(b"Message-ID: ", 1)[1].split(b"\n", 1)[0].decode()
            raws.append(raw)

        media = tempfile.mkdtemp(prefix="caredesk-email-bench-")
        with override_settings(
            TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
            CAREDESK_READ_ON_ARRIVAL=True,
            STORAGES={
                "default": {
                    "BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": media},
                },
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            },
        ):
            first_message = (
                Message.objects.order_by("-pk").values_list("pk", flat=True).first()
            ) or 0
            # Warm up: load the care models and open the connection outside the timing.
            from caredesk.tickets.care import analyzer

            care_ready = True
            try:
                analyzer().read_customer("warming up")
            except Exception as error:
                care_ready = False
                self.stderr.write(f"care engine unavailable ({type(error).__name__}: {error})")
            outcomes: dict[str, int] = {}
            statements = _StatementCounter()
            started = time.perf_counter()
            cpu_started = time.process_time()
            with connection.execute_wrapper(statements):
                for raw in raws:
                    result = process_inbound_email(raw, mailbox=mailbox)
                    outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            stored = Message.objects.filter(pk__gt=first_message, author_kind="customer")
            read = stored.exclude(care=None).count()
        rate = count / elapsed
        self.stdout.write(
            f"database: {connection.vendor}\n"
            f"messages: {count} in {elapsed:.2f} s wall = {rate:.0f} messages/s\n"
            f"this process's CPU time: {cpu:.2f} s = {count / cpu:.0f} messages per CPU-second "
            "(the rate on one free core, the database server's own work not counted)\n"
            f"SQL statements: {statements.count / count:.2f} per message"
            " (commits not counted)\n"
            f"outcomes: {outcomes}\n"
            f"tickets: {Ticket.objects.filter(messages__pk__gt=first_message).distinct().count()}\n"
            f"care readings: {read}/{stored.count()}"
            + ("" if care_ready else " (care engine unavailable)")
        )
        if outcomes.get(Outcome.STORED, 0) != count:
            self.stderr.write("not every message was stored; see outcomes")
        if options["cleanup"]:
            Ticket.objects.filter(messages__pk__gt=first_message).delete()
