from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import models
from django.utils import timezone

from caredesk.accounts.models import User
from caredesk.audit.models import AuditEvent
from caredesk.lib.rows import insert


def record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Write one audit row. Called inside the action's own transaction."""
    return insert(
        AuditEvent(
            actor=actor,
            action=action,
            object_type=obj._meta.model_name or type(obj).__name__.lower(),
            object_id=obj.pk,
            before=before or {},
            after=after or {},
            created_at=at or timezone.now(),
        )
    )
