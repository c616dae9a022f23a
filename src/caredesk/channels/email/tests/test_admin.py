"""Mailboxes and quarantine in the admin: visible to desk admins, nobody else."""

from __future__ import annotations

from django.test import Client

from caredesk.accounts.models import User
from caredesk.channels.email.models import Mailbox, Quarantine
from caredesk.channels.email.tests.conftest import eml, ingest
from caredesk.conftest import PASSWORD


def signed_in(user: User) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_a_desk_admin_sees_the_quarantine_with_reasons_and_raw_source(
    adam: User, mailbox: Mailbox
) -> None:
    result = ingest(eml("from_without_address.eml"), mailbox)
    assert result.quarantine is not None
    client = signed_in(adam)
    listing = client.get("/admin/email_channel/quarantine/")
    assert listing.status_code == 200 and b"no sender address" in listing.content
    detail = client.get(f"/admin/email_channel/quarantine/{result.quarantine.pk}/change/")
    assert detail.status_code == 200 and b"We cannot answer this one." in detail.content
    for page in ("mailbox", "emailmessage", "suppression", "deliveryreport", "autoacknowledgement"):
        assert client.get(f"/admin/email_channel/{page}/").status_code == 200


def test_a_lead_who_is_not_a_desk_admin_cannot_see_it(lena: User, mailbox: Mailbox) -> None:
    ingest(eml("from_without_address.eml"), mailbox)
    client = signed_in(lena)
    assert client.get("/admin/email_channel/quarantine/").status_code == 403
    assert client.get("/admin/email_channel/mailbox/").status_code == 403


def test_the_release_action_turns_a_quarantined_message_into_a_ticket(
    adam: User, mailbox: Mailbox
) -> None:
    result = ingest(eml("precedence_bulk_newsletter.eml"), mailbox)
    assert result.quarantine is not None
    response = signed_in(adam).post(
        "/admin/email_channel/quarantine/",
        {"action": "release", "_selected_action": [result.quarantine.pk]},
        follow=True,
    )
    assert response.status_code == 200 and b"stored on ticket" in response.content
    assert Quarantine.objects.get().released_ticket is not None
