"""`caredesk bench demo`: how long `caredesk demo --tickets N` takes on a throwaway database."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

BENCH_DATABASE = "caredesk_bench"


class Command(BaseCommand):
    help = (
        "Time `caredesk demo --tickets N` (default 100,000) on a throwaway database: a temporary "
        "SQLite file, or with --postgres a database named caredesk_bench on the server of the "
        "configured PostgreSQL DATABASE_URL, created and dropped by this command."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tickets", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--workers", type=int, default=None, help="passed on to demo")
        parser.add_argument(
            "--postgres", action="store_true", help="use the configured PostgreSQL server"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        demo = ["demo", "--tickets", str(options["tickets"]), "--seed", str(options["seed"])]
        if options["workers"] is not None:
            demo += ["--workers", str(options["workers"])]
        if options["postgres"]:
            self._postgres(demo)
        else:
            with tempfile.TemporaryDirectory(prefix="caredesk-bench-") as folder:
                url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
                self._run(url, demo, "SQLite")

    def _postgres(self, demo: list[str]) -> None:
        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.postgresql":
            raise CommandError("--postgres needs DATABASE_URL to point at a PostgreSQL server.")
        import psycopg

        server: dict[str, Any] = {
            "host": database.get("HOST") or None,
            "port": database.get("PORT") or None,
            "user": database.get("USER") or None,
            "password": database.get("PASSWORD") or None,
        }
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
            admin.execute(f"CREATE DATABASE {BENCH_DATABASE}")
        try:
            user = database.get("USER") or ""
            password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
            login = f"{user}{password}@" if user else ""
            host = database.get("HOST") or "localhost"
            port = f":{database['PORT']}" if database.get("PORT") else ""
            self._run(f"postgres://{login}{host}{port}/{BENCH_DATABASE}", demo, "PostgreSQL")
        finally:
            with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")

    def _run(self, url: str, demo: list[str], label: str) -> None:
        env = {**os.environ, "DATABASE_URL": url}
        command = [sys.executable, "-m", "caredesk.cli"]
        subprocess.run([*command, "migrate", "--no-input", "-v", "0"], env=env, check=True)
        started = time.monotonic()
        subprocess.run([*command, *demo, "-v", "2"], env=env, check=True)
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"{label}: caredesk {' '.join(demo)} took {seconds:.1f} s "
                f"({seconds / 60:.2f} min) including start-up."
            )
        )
