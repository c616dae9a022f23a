"""Mutated real-shaped messages: nothing crashes; each is stored or quarantined with a reason."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caredesk.channels.email.inbound import Outcome
from caredesk.channels.email.models import DeliveryReport, EmailMessage, Mailbox, Quarantine
from caredesk.channels.email.tests.conftest import FIXTURES, ingest

CORPUS = [path.read_bytes() for path in sorted(FIXTURES.glob("*.eml"))]
HEADER_NOISE = [
    b"Content-Type: multipart/mixed; boundary=",
    b"Content-Transfer-Encoding: base64\n",
    b"Content-Type: text/html; charset=x-nope\n",
    b"Subject: =?utf-8?b?////?=\n",
    b"From: <>\n",
    b"In-Reply-To: <<<>>>\n",
    b"Auto-Submitted: auto-replied\n",
    b"\x00\xff\xfe",
    b"\n\n",
    b"--",
]


@st.composite
def mutated_messages(draw: st.DrawFn) -> bytes:
    raw = bytearray(draw(st.sampled_from(CORPUS)))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "noise", "drop_line", "repeat"]))
        position = draw(st.integers(min_value=0, max_value=max(0, len(raw) - 1)))
        if kind == "flip" and raw:
            raw[position] = draw(st.integers(min_value=0, max_value=255))
        elif kind == "cut":
            raw = raw[:position]
        elif kind == "insert":
            raw[position:position] = draw(st.binary(min_size=1, max_size=40))
        elif kind == "noise":
            raw[position:position] = draw(st.sampled_from(HEADER_NOISE))
        elif kind == "drop_line":
            end = raw.find(b"\n", position)
            raw = raw[:position] + (raw[end:] if end >= 0 else b"")
        elif kind == "repeat":
            raw = raw[:position] + raw[position:] * 2
    return bytes(raw)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=mutated_messages())
def test_no_mutated_message_crashes_and_each_is_kept_with_a_reason(
    raw: bytes, mailbox: Mailbox
) -> None:
    result = ingest(raw, mailbox)
    if result.outcome in (Outcome.STORED, Outcome.ATTACHED):
        assert result.message is not None and result.message.pk is not None
        assert EmailMessage.objects.filter(ticket_message=result.message).exists()
    elif result.outcome == Outcome.QUARANTINED:
        assert result.quarantine is not None and result.quarantine.reason
        assert Quarantine.objects.filter(pk=result.quarantine.pk).exists()
    elif result.outcome == Outcome.DELIVERY_REPORT:
        assert DeliveryReport.objects.exists()
    else:
        assert result.outcome == Outcome.DUPLICATE and result.reason
        assert result.message is not None or result.quarantine is not None or result.reason
