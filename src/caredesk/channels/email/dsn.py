"""Reading delivery status notifications (RFC 3464 multipart/report) about mail we sent."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message as MimeMessage

from caredesk.channels.email.parsing import ParsedEmail, clean_text, decode_bytes, message_ids


@dataclass(frozen=True)
class RecipientStatus:
    recipient: str
    action: str  # failed, delayed, delivered, relayed, expanded
    status: str  # e.g. 5.1.1
    diagnostic: str

    @property
    def permanent(self) -> bool:
        return self.action == "failed" and (self.status.startswith("5") or not self.status)


@dataclass(frozen=True)
class DeliveryNotice:
    original_message_id: str
    recipients: list[RecipientStatus]


def _fields(block: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    current = ""
    for line in block.split("\n"):
        if line[:1] in (" ", "\t") and current:
            fields[current] += " " + clean_text(line).strip()
            continue
        name, sep, value = line.partition(":")
        if not sep:
            continue
        current = clean_text(name).strip().lower()
        fields[current] = clean_text(value).strip()
    return fields


def _after_type(value: str) -> str:
    # "rfc822; carmen@example.com" → "carmen@example.com"
    return value.split(";", 1)[-1].strip().strip("<>")


def read_delivery_notice(parsed: ParsedEmail) -> DeliveryNotice | None:
    """The notice in a multipart/report; None when the message is not a delivery report."""
    if not parsed.is_report:
        return None
    report_type = (parsed.mime.get_param("report-type") or "").__str__().lower()
    if report_type and report_type != "delivery-status":
        return None
    recipients: list[RecipientStatus] = []
    original_id = ""
    for part in parsed.mime.walk():
        ctype = part.get_content_type()
        if ctype in ("message/delivery-status", "message/global-delivery-status"):
            recipients.extend(_recipients(part))
        elif ctype in ("message/rfc822", "text/rfc822-headers", "message/rfc822-headers"):
            original_id = original_id or _original_message_id(part)
    if not recipients:
        return None
    return DeliveryNotice(original_message_id=original_id, recipients=recipients)


def _recipients(part: MimeMessage) -> list[RecipientStatus]:
    payload = part.get_payload()
    if isinstance(payload, list):
        # Python parses message/delivery-status as a list of header blocks.
        blocks = [
            "\n".join(f"{k}: {v}" for k, v in block.items())
            for block in payload
            if isinstance(block, MimeMessage)
        ]
    else:
        raw = part.get_payload(decode=True)
        text = decode_bytes(raw, "utf-8") if isinstance(raw, bytes) else str(payload)
        blocks = text.replace("\r\n", "\n").split("\n\n")
    found: list[RecipientStatus] = []
    for block in blocks:
        fields = _fields(block)
        recipient = _after_type(
            fields.get("final-recipient") or fields.get("original-recipient", "")
        )
        if not recipient:
            continue
        found.append(
            RecipientStatus(
                recipient=recipient.lower(),
                action=fields.get("action", "").lower().split()[0] if fields.get("action") else "",
                status=fields.get("status", "").split()[0] if fields.get("status") else "",
                diagnostic=_after_type(fields.get("diagnostic-code", ""))[:1000],
            )
        )
    return found


def _original_message_id(part: MimeMessage) -> str:
    payload = part.get_payload()
    if isinstance(payload, list) and payload and isinstance(payload[0], MimeMessage):
        value = clean_text(str(payload[0].get("message-id", "")))
    else:
        raw = part.get_payload(decode=True)
        text = decode_bytes(raw, "utf-8") if isinstance(raw, bytes) else str(payload)
        value = _fields(text.replace("\r\n", "\n").split("\n\n")[0]).get("message-id", "")
    ids = message_ids(value)
    return ids[0] if ids else ""
