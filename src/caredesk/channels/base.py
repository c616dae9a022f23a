"""The small contract every channel folder fulfils.

A channel turns raw input into one `do_*` action (its `inbound.py`) and, when it can
answer on the same channel, sends agent replies (its `transport.py`). Transports
register themselves here so the tickets app can hand a reply over without knowing
about any one channel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

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
