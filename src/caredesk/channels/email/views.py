"""The inbound-mail webhook: a mail provider POSTs one raw RFC 5322 message per request."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from caredesk.channels.email.inbound import Outcome, process_inbound_email
from caredesk.channels.email.models import Mailbox
from caredesk.lib.encryption import SecretUnreadable

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Caredesk-Webhook-Secret"
_RAW_TYPES = {"", "message/rfc822", "text/plain", "application/octet-stream"}


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _provided_secret(request: HttpRequest) -> str:
    provided = request.headers.get(SECRET_HEADER, "")
    if not provided:
        authorization = request.headers.get("Authorization", "")
        if authorization.lower().startswith("bearer "):
            provided = authorization[7:].strip()
    return provided


@csrf_exempt
@require_POST
def inbound_webhook(request: HttpRequest, mailbox_id: int) -> JsonResponse:
    """Store one message; 200 with the outcome (stored, duplicate, quarantined, ...)."""
    mailbox = Mailbox.objects.filter(pk=mailbox_id, is_active=True).first()
    if mailbox is None or not mailbox.has_webhook_secret:
        return _error(404, "No mailbox here takes webhook mail.")
    try:
        matches = mailbox.webhook_secret_matches(_provided_secret(request))
    except SecretUnreadable as error:
        # A server-side fault: 503 so the provider retries once the key is configured again.
        logger.error("%s", error)
        return _error(503, "The shared secret cannot be checked now; try again later.")
    if not matches:
        return _error(403, f"Missing or wrong shared secret (send it in {SECRET_HEADER}).")
    content_type = (request.content_type or "").lower()
    if content_type not in _RAW_TYPES:
        return _error(
            415,
            f"Send the raw message as the request body (message/rfc822), not {content_type}.",
        )
    limit: int = settings.CAREDESK_EMAIL_MAX_MESSAGE_BYTES
    length = request.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limit:
        return _error(413, f"The message is over the {limit:,}-byte limit.")
    # Read the stream ourselves: request.body stops at DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB),
    # far below the size of an email with attachments.
    raw = request.read(limit + 1)
    if len(raw) > limit:
        return _error(413, f"The message is over the {limit:,}-byte limit.")
    if not raw.strip():
        return _error(400, "The request body is empty; it must be one RFC 5322 message.")
    head = raw[:8192].lstrip()
    first_line = head.split(b"\n", 1)[0]
    if b":" not in first_line or first_line.startswith((b"{", b"<", b"[")):
        return _error(
            400, "The request body does not start with a header: not an RFC 5322 message."
        )
    result = process_inbound_email(raw, mailbox=mailbox)
    status = 201 if result.outcome == Outcome.STORED else 200
    return JsonResponse(result.as_dict(), status=status)
