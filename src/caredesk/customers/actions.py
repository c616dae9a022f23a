from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from caredesk.accounts.models import User
from caredesk.audit.actions import record
from caredesk.customers.identity import normalize_identity
from caredesk.customers.models import Customer, Identity
from caredesk.customers.queries import find_customer
from caredesk.lib.errors import CaredeskError, IdentityTaken
from caredesk.lib.rows import insert


def do_create_customer(
    *,
    name: str,
    identities: list[tuple[str, str]] | None = None,
    actor: User | None = None,
    at: datetime | None = None,
) -> Customer:
    """A new customer with the given (kind, value) identities, all or nothing."""
    at = at or timezone.now()
    normalized = [(kind, normalize_identity(kind, value)) for kind, value in identities or []]
    with transaction.atomic():
        customer = Customer.objects.create(name=name.strip()[:200], created_at=at)
        for kind, value in normalized:
            _attach_identity(customer=customer, kind=kind, value=value, at=at)
        record(
            actor=actor,
            action="create_customer",
            obj=customer,
            after={"name": customer.name, "identities": [f"{k}:{v}" for k, v in normalized]},
            at=at,
        )
    return customer


def do_add_identity(
    *, customer: Customer, kind: str, value: str, actor: User | None = None
) -> Identity:
    value = normalize_identity(kind, value)
    if customer.merged_into_id is not None:
        raise CaredeskError("This customer was merged into another; add the identity there.")
    with transaction.atomic():
        identity = _attach_identity(customer=customer, kind=kind, value=value, at=timezone.now())
        record(actor=actor, action="add_identity", obj=customer, after={kind: value})
    return identity


def _attach_identity(*, customer: Customer, kind: str, value: str, at: datetime) -> Identity:
    owner_id = Identity.objects.filter(kind=kind, value=value).values_list("customer_id", flat=True)
    existing = list(owner_id)
    if existing:
        if existing[0] == customer.pk:
            return Identity.objects.get(kind=kind, value=value)
        raise IdentityTaken(
            f"{value} already belongs to customer #{existing[0]}; merge the two profiles instead."
        )
    try:
        with transaction.atomic():
            return Identity.objects.create(customer=customer, kind=kind, value=value, created_at=at)
    except IntegrityError:
        # Another request attached it between our check and our insert.
        raise IdentityTaken(f"{value} already belongs to another customer.") from None


def find_or_create_customer(
    *, kind: str, value: str, name: str = "", at: datetime | None = None
) -> Customer:
    """The customer who owns this identity, or a new one. Follows merges."""
    value = normalize_identity(kind, value)
    customer = find_customer(kind=kind, value=value)
    if customer is not None:
        return customer
    try:
        # A savepoint inside a caller's transaction, so a lost race undoes only this.
        with transaction.atomic():
            return do_create_customer_for_identity(kind=kind, value=value, name=name, at=at)
    except IntegrityError:
        # Another request attached the identity between our look-up and our insert.
        return Identity.objects.select_related("customer").get(kind=kind, value=value).customer


def do_create_customer_for_identity(
    *, kind: str, value: str, name: str = "", at: datetime | None = None
) -> Customer:
    """A new customer owning one identity nobody owned a moment ago.

    Runs inside the caller's transaction without a savepoint of its own. If another
    request attached the identity in the meantime, the insert raises IntegrityError and
    the caller's whole transaction must be rolled back; `find_customer` then finds the
    owner. `find_or_create_customer` wraps this for callers that want it done for them.
    """
    value = normalize_identity(kind, value)
    at = at or timezone.now()
    with transaction.atomic(savepoint=False):
        customer = insert(Customer(name=name.strip()[:200], created_at=at))
        insert(Identity(customer=customer, kind=kind, value=value, created_at=at))
        record(
            actor=None,
            action="create_customer",
            obj=customer,
            after={"name": customer.name, "identities": [f"{kind}:{value}"]},
            at=at,
        )
    return customer


def do_merge_customers(*, source: Customer, target: Customer, actor: User | None) -> Customer:
    """Move everything of `source` onto `target`; `source` stays as a pointer to `target`."""
    from caredesk.tickets.models import Message, Ticket

    if source.pk == target.pk:
        raise CaredeskError("A customer cannot be merged into itself.")
    with transaction.atomic():
        source = Customer.objects.select_for_update().get(pk=source.pk)
        target = Customer.objects.select_for_update().get(pk=target.pk)
        if source.merged_into_id is not None or target.merged_into_id is not None:
            raise CaredeskError(
                "One of these profiles was already merged; merge the surviving one."
            )
        moved_identities = list(source.identities.values_list("kind", "value"))
        source.identities.update(customer=target)
        moved_tickets = Ticket.objects.filter(customer=source).update(customer=target)
        Message.objects.filter(author_customer=source).update(author_customer=target)
        Customer.objects.filter(merged_into=source).update(merged_into=target)
        if source.created_at < target.created_at:
            target.created_at = source.created_at
        if not target.name and source.name:
            target.name = source.name
        if source.notes:
            target.notes = (target.notes + "\n\n" + source.notes).strip()
        target.save()
        source.merged_into = target
        source.save(update_fields=["merged_into"])
        record(
            actor=actor,
            action="merge_customers",
            obj=target,
            before={"source": source.pk},
            after={
                "identities": [f"{k}:{v}" for k, v in moved_identities],
                "tickets": moved_tickets,
            },
        )
    return target
