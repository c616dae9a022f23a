"""Sending ticket messages as email over SMTP (Django's email backend and settings).

Called by the `deliver_message` task, which retries with backoff. The Message-ID is
stored before the first attempt, so a retry sends the same ID and the customer's reply
threads back whichever attempt reached them.
"""

from __future__ import annotations

import html
import secrets
import smtplib
from email.utils import formataddr

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone

from caredesk.channels.base import PermanentFailure
from caredesk.channels.email.inbound import own_addresses
from caredesk.channels.email.models import Direction, EmailMessage, Mailbox, Suppression
from caredesk.channels.email.threads import TOKEN
from caredesk.tickets.models import AuthorKind, Channel, Message, Ticket

MAX_REFERENCES = 20


class EmailTransport:
    channel: str = Channel.EMAIL.value

    def send(self, message: Message) -> None:
        ticket = message.ticket
        mailbox = mailbox_for(ticket)
        from_address = mailbox.address if mailbox else settings.DEFAULT_FROM_EMAIL
        answered = _latest_inbound(ticket)
        recipient = _recipient(ticket, answered)
        if not recipient:
            raise PermanentFailure("The customer has no email address to send to.")
        paused = Suppression.objects.filter(address=recipient).first()
        if paused is not None:
            raise PermanentFailure(f"Mail to {recipient} is paused: {paused.reason}")
        own = {from_address.lower(), *own_addresses()}
        candidates = [*answered.cc_addresses, answered.from_address] if answered else []
        cc = list(
            dict.fromkeys(
                address
                for address in candidates
                if address and address != recipient and address.lower() not in own
            )
        )
        if cc:
            paused_cc = set(
                Suppression.objects.filter(address__in=cc).values_list("address", flat=True)
            )
            cc = [address for address in cc if address not in paused_cc]
        row = _outbound_row(message, mailbox, answered, from_address, [recipient], cc)

        automatic = message.author_kind in (AuthorKind.SYSTEM, AuthorKind.BOT)
        headers = {
            "Message-ID": row.message_id,
            "X-Caredesk-Ticket": str(ticket.pk),
        }
        if row.in_reply_to:
            headers["In-Reply-To"] = row.in_reply_to
        if row.references:
            headers["References"] = row.references
        if automatic:
            headers["Auto-Submitted"] = "auto-replied"
            headers["X-Auto-Response-Suppress"] = "All"
            headers["X-Loop"] = from_address
        text, html_body = _bodies(message, mailbox)
        email = EmailMultiAlternatives(
            subject=row.subject,
            body=text,
            from_email=formataddr((mailbox.from_name, from_address)) if mailbox else from_address,
            to=[recipient],
            cc=cc,
            reply_to=[from_address],
            headers=headers,
            connection=get_connection(fail_silently=False),
        )
        email.attach_alternative(html_body, "text/html")
        for attachment in message.attachments or []:
            path = attachment.get("path") if isinstance(attachment, dict) else None
            if path and default_storage.exists(path):
                with default_storage.open(path, "rb") as handle:
                    email.attach(
                        attachment.get("name") or "attachment",
                        handle.read(),
                        attachment.get("content_type") or "application/octet-stream",
                    )
        try:
            email.send(fail_silently=False)
        except smtplib.SMTPRecipientsRefused as error:
            codes = [code for code, _ in error.recipients.values()]
            if codes and all(500 <= code < 600 for code in codes):
                raise PermanentFailure(
                    f"The mail server refused the address: {error.recipients}"
                ) from error
            raise
        except smtplib.SMTPResponseException as error:
            if 500 <= error.smtp_code < 600:
                raise PermanentFailure(
                    f"The mail server refused the message: {error.smtp_code} {error.smtp_error!r}"
                ) from error
            raise
        EmailMessage.objects.filter(pk=row.pk).update(sent_at=timezone.now())


def mailbox_for(ticket: Ticket) -> Mailbox | None:
    """The mailbox the customer wrote to; else the default one."""
    latest = (
        EmailMessage.objects.filter(
            ticket_message__ticket_id=ticket.pk, direction=Direction.INBOUND, mailbox__isnull=False
        )
        .select_related("mailbox")
        .order_by("-created_at", "-id")
        .first()
    )
    if latest is not None and latest.mailbox is not None:
        return latest.mailbox
    return Mailbox.objects.filter(is_active=True).order_by("-is_default", "address").first()


def _latest_inbound(ticket: Ticket) -> EmailMessage | None:
    return (
        EmailMessage.objects.filter(
            ticket_message__ticket_id=ticket.pk,
            direction=Direction.INBOUND,
            auto_submitted=False,
        )
        .order_by("-created_at", "-id")
        .first()
    )


def _recipient(ticket: Ticket, answered: EmailMessage | None) -> str:
    if answered is not None and answered.ticket_message.author_customer_id == ticket.customer_id:
        return answered.from_address
    return ticket.customer.primary_email


def _outbound_row(
    message: Message,
    mailbox: Mailbox | None,
    answered: EmailMessage | None,
    from_address: str,
    to: list[str],
    cc: list[str],
) -> EmailMessage:
    """The stored email side of this outbound message; created once, reused by retries."""
    with transaction.atomic():
        existing = EmailMessage.objects.select_for_update().filter(ticket_message=message).first()
        if existing is not None:
            return existing
        references: list[str] = []
        if answered is not None:
            references = [*answered.reference_list(), answered.message_id][-MAX_REFERENCES:]
        domain = from_address.rsplit("@", 1)[-1] or "caredesk.localhost"
        ticket = message.ticket
        subject = ticket.subject
        if not TOKEN.search(subject):
            subject = f"{subject} {ticket.token}"
        if not subject.lower().startswith("re:"):
            subject = f"Re: {subject}"
        return EmailMessage.objects.create(
            ticket_message=message,
            mailbox=mailbox,
            direction=Direction.OUTBOUND,
            message_id=f"<cd.{ticket.pk}.{message.pk}.{secrets.token_hex(6)}@{domain}>",
            in_reply_to=answered.message_id if answered else "",
            references=" ".join(references),
            from_address=from_address,
            from_name=mailbox.from_name if mailbox else "",
            to_addresses=to,
            cc_addresses=cc,
            subject=subject[:1000],
            full_text=message.body_text,
            auto_submitted=message.author_kind in (AuthorKind.SYSTEM, AuthorKind.BOT),
            created_at=timezone.now(),
        )


def _bodies(message: Message, mailbox: Mailbox | None) -> tuple[str, str]:
    signature = mailbox.signature.strip() if mailbox else ""
    text = message.body_text.rstrip()
    if signature:
        text = f"{text}\n\n-- \n{signature}"
    if message.body_html:
        body_html = message.body_html
    else:
        paragraphs = [p for p in message.body_text.strip().split("\n\n") if p.strip()]
        body_html = "".join(
            "<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs
        )
    if signature:
        body_html += (
            '<div class="signature">-- <br>'
            + html.escape(signature).replace("\n", "<br>")
            + "</div>"
        )
    document = f"<!DOCTYPE html><html><body>{body_html}</body></html>"
    return text + "\n", document


transport = EmailTransport()
