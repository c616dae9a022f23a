from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from caredesk.accounts.models import Role, Team, User
from caredesk.audit.actions import record
from caredesk.lib.errors import CaredeskError


def do_create_team(*, name: str, actor: User | None = None) -> Team:
    name = " ".join(name.split())
    if not name:
        raise CaredeskError("A team needs a name.")
    if Team.objects.filter(name__iexact=name).exists():
        raise CaredeskError(f"There is already a team called {name}.")
    with transaction.atomic():
        team = Team.objects.create(name=name)
        record(actor=actor, action="create_team", obj=team, after={"name": name})
    return team


def do_create_agent(
    *,
    username: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    role: str = Role.AGENT,
    teams: list[Team] | None = None,
    actor: User | None = None,
) -> User:
    if role not in Role.values:
        raise CaredeskError(f"Unknown role {role!r}.")
    if not username.strip():
        raise CaredeskError("An agent needs a username.")
    if User.objects.filter(username=username).exists():
        raise CaredeskError(f"The username {username} is taken.")
    with transaction.atomic():
        user = User(
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=email,
            role=role,
            is_staff=role in (Role.LEAD, Role.ADMIN),
            is_superuser=role == Role.ADMIN,
        )
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        if teams:
            user.teams.set(teams)
        if role == Role.LEAD:
            user.groups.add(ensure_lead_group())
        record(
            actor=actor,
            action="create_agent",
            obj=user,
            after={"username": username, "role": role, "teams": [t.pk for t in teams or []]},
        )
    return user


LEAD_GROUP = "Team leads"
# What a lead may do in the admin: run the desk's records, not its configuration.
_LEAD_PERMISSIONS = {
    "tickets": ["view", "change"],
    "customers": ["view", "change"],
    "accounts": ["view"],
    "audit": ["view"],
}


def ensure_lead_group() -> Group:
    """The group that gives leads their admin permissions (created on first use)."""
    group, _ = Group.objects.get_or_create(name=LEAD_GROUP)
    wanted = Permission.objects.none()
    for app_label, verbs in _LEAD_PERMISSIONS.items():
        for verb in verbs:
            wanted |= Permission.objects.filter(
                content_type__app_label=app_label, codename__startswith=f"{verb}_"
            )
    group.permissions.add(*wanted)
    return group
