"""The `caredesk` command.

caredesk serve [--host H] [--port P] [--with-worker]   web server (gunicorn)
caredesk worker                                       background task worker (and the repair sweeps)
caredesk setup                                        migrate, collect static, demo data if empty
caredesk demo [--seed N] [--tickets N]                generate demo data
caredesk analyze FILE                                 read an export with the care engine
caredesk bench care|demo                              benchmarks
caredesk <django command> ...                         any Django management command
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from collections.abc import Sequence

DEFAULT_SETTINGS = "caredesk.config.settings"


def _django(argv: Sequence[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["caredesk", *argv])
    return 0


def _serve(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="caredesk serve", description="Run the web server.")
    parser.add_argument("--host", default=os.environ.get("CAREDESK_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("CAREDESK_PORT", "8000")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
    parser.add_argument(
        "--with-worker",
        action="store_true",
        help="also run a task worker and the IMAP mailbox poller alongside",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    gunicorn = [
        sys.executable, "-m", "gunicorn", "caredesk.config.wsgi:application",
        "--bind", f"{args.host}:{args.port}",
        "--workers", str(args.workers),
        "--threads", "4",
        "--access-logfile", "-",
        "--graceful-timeout", "10",
    ]  # fmt: skip
    children: list[subprocess.Popen[bytes]] = []
    if args.with_worker:
        children.append(subprocess.Popen([sys.executable, "-m", "caredesk.cli", "worker"]))
        children.append(
            subprocess.Popen([sys.executable, "-m", "caredesk.cli", "email_poll", "--forever"])
        )
    web = subprocess.Popen(gunicorn)
    children.append(web)

    def stop(signum: int, frame: object) -> None:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        code = web.wait()
    finally:
        stop(signal.SIGTERM, None)
        for child in children:
            child.wait(timeout=15)
    return code


def _setup(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="caredesk setup", description="Prepare the database and static files."
    )
    parser.add_argument("--no-demo", action="store_true", help="do not load demo data")
    args = parser.parse_args(argv)
    _django(["migrate", "--no-input", "-v", "1"])
    _django(["collectstatic", "--no-input", "-v", "0"])
    if not args.no_demo:
        _django(["demo", "--if-empty"])
    return 0


BENCHMARKS = {"demo": "demo_bench", "email": "email_bench", "workspace": "workspace_bench"}


def _bench(argv: Sequence[str]) -> int:
    if not argv or argv[0] not in {"care", *BENCHMARKS}:
        print("usage: caredesk bench care|demo|email|workspace [options]", file=sys.stderr)
        return 2
    if argv[0] == "care":
        from caredesk.care.bench import main as care_bench

        return int(care_bench(list(argv[1:])))
    return _django([BENCHMARKS[argv[0]], *argv[1:]])


def _analyze(argv: Sequence[str]) -> int:
    from caredesk.care.analyze import main as analyze

    return int(analyze(list(argv)))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    command, rest = args[0], args[1:]
    if command == "serve":
        return _serve(rest)
    if command == "worker":
        return _django(["worker", *rest])
    if command == "setup":
        return _setup(rest)
    if command == "analyze":
        return _analyze(rest)
    if command == "bench":
        return _bench(rest)
    return _django(args)


if __name__ == "__main__":
    sys.exit(main())
