"""Reads worth naming."""

from __future__ import annotations

from caredesk.customers.models import Customer


def find_customer(*, kind: str, value: str) -> Customer | None:
    """The customer who owns this identity, or None. `value` is already normalised.

    A merge moves identities onto the surviving profile, so this is never a merged one.
    """
    # (kind, value) is unique: at most one row, so no ORDER BY to build or to run.
    owners = Customer.objects.filter(identities__kind=kind, identities__value=value).order_by()
    return next(iter(owners[:1]), None)
