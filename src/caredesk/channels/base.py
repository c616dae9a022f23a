"""The small contract every channel folder fulfils.

A channel turns raw input into one `do_*` action (its `inbound.py`) and, when it can
answer on the same channel, sends agent replies (its `transport.py`). Transports
register themselves here so the tickets app can hand a reply over without knowing
about any one channel; so do the repairs a channel needs every task worker to run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.conf import settings

if TYPE_CHECKING:
    from caredesk.tickets.models import Message


class Transport(Protocol):
    """Sends one stored outbound message. Raises on failure; the caller retries."""

    channel: str

    def send(self, message: Message) -> None: ...


class PermanentFailure(Exception):
    """Raised by a transport when retrying cannot help (a refused or paused address)."""


_transports: dict[str, Transport] = {}


def register_transport(transport: Transport) -> None:
    _transports[transport.channel] = transport


def transport_for(channel: str) -> Transport | None:
    return _transports.get(channel)


@dataclass(frozen=True)
class Repair:
    """Work that every task worker's repair sweep runs, every `interval_setting` seconds.

    `run` must be safe to run in several workers at once and never needs a caller's
    transaction. With `at_start` it also runs when the sweep starts, so a worker that is
    restarted more often than the interval still does it.
    """

    name: str
    run: Callable[[], object]
    interval_setting: str  # the setting that holds the seconds between runs; 0 turns it off
    at_start: bool = False

    def interval(self) -> int:
        seconds: int = getattr(settings, self.interval_setting)
        return seconds


_repairs: dict[str, Repair] = {}


def register_repair(repair: Repair) -> None:
    _repairs[repair.name] = repair


def channel_repairs() -> list[Repair]:
    return list(_repairs.values())
