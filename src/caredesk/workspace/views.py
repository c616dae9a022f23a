"""The agent workspace. Views are adapters: parse, access, call one action, respond."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from caredesk.accounts.models import Team, User
from caredesk.lib.errors import CaredeskError, NotAllowed
from caredesk.tickets import actions as ticket_actions
from caredesk.tickets.models import Channel, Priority, Status, Tag, Ticket
from caredesk.tickets.queries import access_ticket_by_id, visible_tickets
from caredesk.workspace import actions, queries
from caredesk.workspace.coach import coach_draft
from caredesk.workspace.models import Macro

PAGE_SIZE = 25
SETTABLE_STATUSES = (Status.OPEN, Status.PENDING, Status.ON_HOLD)


def _agent(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # login_required stands in front of every view here
        raise Http404
    return user


# --- inbox -----------------------------------------------------------------------


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    user = _agent(request)
    query = queries.InboxQuery.parse(request.GET, user)
    tickets = queries.inbox_tickets(user, query)
    page = Paginator(tickets, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "query": query,
        "page": page,
        "counts": queries.inbox_counts(user),
        "views": queries.views_for(user),
        "sorts": queries.SORTS,
        "statuses": Status.choices,
        "priorities": Priority.choices,
        "channels": Channel.choices,
        "emotions": queries.EMOTIONS,
        "intensities": list(queries.INTENSITY_BANDS),
        "stakes_kinds": queries.STAKES,
        "effort_kinds": queries.EFFORT,
        "tags": Tag.objects.values_list("name", flat=True)[:200],
        "agents": queries.active_agents()
        .prefetch_related(None)
        .only("pk", "first_name", "last_name", "username"),
    }
    if request.headers.get("HX-Target") == "inbox-results":
        return render(request, "workspace/_inbox_results.html", context)
    return render(request, "workspace/inbox.html", context)


# --- the conversation page -------------------------------------------------------


def _ticket_context(request: HttpRequest, ticket: Ticket, **extra: Any) -> dict[str, Any]:
    user = _agent(request)
    story = queries.customer_story(ticket.customer)
    values = actions.placeholder_values(ticket=ticket, agent=user)
    macros = [
        {"macro": macro, "text": actions.fill_placeholders(macro.body, values)}
        for macro in queries.macros_for(user)
    ]
    context: dict[str, Any] = {
        "ticket": ticket,
        "timeline": queries.ticket_timeline(ticket),
        "identities": list(ticket.customer.identities.all()),
        "other_tickets": queries.other_tickets(user, ticket),
        "story": story,
        "handoff_note": story.as_handoff_note(ticket),
        "tags": list(ticket.tags.all()),
        "macros": macros,
        "assignable": queries.assignable_agents(user),
        "transfer_agents": queries.active_agents().prefetch_related(None),
        "teams": Team.objects.all(),
        "statuses": [(s, Status(s).label) for s in SETTABLE_STATUSES],
        "settable_statuses": [str(s) for s in SETTABLE_STATUSES],
        "priorities": Priority.choices,
        "others": actions.others_here(ticket=ticket, user=user),
        "draft": "",
        "draft_kind": "reply",
        "error": "",
        "confirm": None,
        "open_form": "",
    }
    context.update(extra)
    return context


@login_required
@require_GET
def ticket_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    user = _agent(request)
    ticket = access_ticket_by_id(user, ticket_id)
    actions.do_mark_present(ticket=ticket, user=user)
    return render(request, "workspace/ticket.html", _ticket_context(request, ticket))


def _user_from(value: str, *, field: str) -> User | None:
    if not value:
        return None
    if not value.isdigit():
        raise CaredeskError(f"Choose an agent for {field}.")
    agent = User.objects.filter(pk=int(value), is_active=True).first()
    if agent is None:
        raise CaredeskError(f"There is no active agent with that id for {field}.")
    return agent


def _team_from(value: str) -> Team | None:
    if not value:
        return None
    team = Team.objects.filter(pk=int(value)).first() if value.isdigit() else None
    if team is None:
        raise CaredeskError("There is no such team.")
    return team


def _reply(request: HttpRequest, ticket: Ticket, user: User) -> str:
    body = request.POST.get("body", "")
    if request.POST.get("kind") == "note":
        ticket_actions.do_add_note(ticket=ticket, agent=user, body_text=body)
        return "Note added."
    actions.check_reply(
        ticket=ticket, agent=user, body_text=body, confirmed=request.POST.get("confirmed") == "1"
    )
    return "Reply sent."


def _assign(request: HttpRequest, ticket: Ticket, user: User) -> str:
    value = request.POST.get("assignee", "")
    assignee = user if value == "me" else _user_from(value, field="the assignee")
    actions.check_assign(ticket=ticket, actor=user, assignee=assignee)
    return f"Assigned to {assignee}." if assignee else "Unassigned."


def _transfer(request: HttpRequest, ticket: Ticket, user: User) -> str:
    to_agent = _user_from(request.POST.get("to_agent", ""), field="the transfer")
    to_team = _team_from(request.POST.get("to_team", ""))
    ticket_actions.do_transfer(
        ticket=ticket,
        actor=user,
        note=request.POST.get("note", ""),
        to_agent=to_agent,
        to_team=to_team,
    )
    return f"Transferred to {to_agent or to_team}, with your handoff note."


def _status(request: HttpRequest, ticket: Ticket, user: User) -> str:
    status = request.POST.get("status", "")
    ticket_actions.do_set_status(ticket=ticket, status=status, actor=user)
    return f"Status set to {Status(status).label.lower()}."


def _priority(request: HttpRequest, ticket: Ticket, user: User) -> str:
    priority = request.POST.get("priority", "")
    ticket_actions.do_set_priority(ticket=ticket, priority=priority, actor=user)
    return f"Priority set to {Priority(priority).label.lower()}."


def _tags(request: HttpRequest, ticket: Ticket, user: User) -> str:
    raw = request.POST.get("tags", "")
    names = [name for name in raw.replace(",", " ").split() if name]
    ticket_actions.do_set_tags(ticket=ticket, tags=names, actor=user)
    return "Tags saved."


def _solve(request: HttpRequest, ticket: Ticket, user: User) -> str:
    ticket_actions.do_solve(ticket=ticket, actor=user)
    return f"Ticket #{ticket.pk} solved."


def _reopen(request: HttpRequest, ticket: Ticket, user: User) -> str:
    ticket_actions.do_reopen(ticket=ticket, actor=user)
    return f"Ticket #{ticket.pk} reopened."


TICKET_ACTIONS: dict[str, Callable[[HttpRequest, Ticket, User], str]] = {
    "reply": _reply,
    "assign": _assign,
    "transfer": _transfer,
    "status": _status,
    "priority": _priority,
    "tags": _tags,
    "solve": _solve,
    "reopen": _reopen,
}
# Which form to show open again, with what was typed, when an action is refused.
_FORM_OF = {"reply": "composer", "transfer": "transfer", "tags": "tags"}


@login_required
@require_POST
def ticket_action(request: HttpRequest, ticket_id: int, action: str) -> HttpResponse:
    user = _agent(request)
    ticket = access_ticket_by_id(user, ticket_id)
    handler = TICKET_ACTIONS.get(action)
    if handler is None:
        raise Http404("No such action.")
    try:
        done = handler(request, ticket, user)
    except actions.ConfirmationNeeded as needed:
        context = _ticket_context(
            request,
            ticket,
            draft=request.POST.get("body", ""),
            confirm={"message": str(needed), "coaching": needed.coaching},
            open_form="composer",
        )
        return render(request, "workspace/ticket.html", context, status=409)
    except (CaredeskError, ValueError) as error:
        context = _ticket_context(
            request,
            ticket,
            error=str(error) if isinstance(error, CaredeskError) else "That value is not valid.",
            draft=request.POST.get("body", ""),
            draft_kind="note" if request.POST.get("kind") == "note" else "reply",
            handoff_note=request.POST.get("note")
            or queries.customer_story(ticket.customer).as_handoff_note(ticket),
            open_form=_FORM_OF.get(action, ""),
        )
        return render(request, "workspace/ticket.html", context, status=400)
    messages.success(request, done)
    if not visible_tickets(user).filter(pk=ticket.pk).exists():
        return HttpResponseRedirect(reverse("workspace:inbox"), status=303)
    return HttpResponseRedirect(reverse("workspace:ticket", args=[ticket.pk]), status=303)


@login_required
@require_POST
def coach(request: HttpRequest, ticket_id: int) -> HttpResponse:
    user = _agent(request)
    ticket = access_ticket_by_id(user, ticket_id)
    draft = request.POST.get("body", "")
    actions.do_mark_present(ticket=ticket, user=user, typing=bool(draft.strip()))
    if request.POST.get("kind") == "note":
        return render(request, "workspace/_coach.html", {"note": True})
    coaching = coach_draft(ticket=ticket, agent=user, draft=draft)
    return render(request, "workspace/_coach.html", {"coaching": coaching})


@login_required
@require_POST
def presence(request: HttpRequest, ticket_id: int) -> HttpResponse:
    user = _agent(request)
    ticket = access_ticket_by_id(user, ticket_id)
    actions.do_mark_present(ticket=ticket, user=user)
    others = actions.others_here(ticket=ticket, user=user)
    return render(request, "workspace/_presence.html", {"others": others})


# --- macros and desk settings ----------------------------------------------------


def _macro_for_edit(user: User, macro_id: int) -> Macro:
    macro = queries.macros_for(user).filter(pk=macro_id).first()
    if macro is None:
        raise Http404("No such macro.")
    return macro


def _macro_list_context(user: User, **extra: Any) -> dict[str, Any]:
    macros: QuerySet[Macro] = queries.macros_for(user)
    context: dict[str, Any] = {
        "macros": macros,
        "teams": Team.objects.all() if user.is_desk_admin else user.teams.all(),
        "placeholders": actions.PLACEHOLDERS,
        "form": {"name": "", "body": "", "team": ""},
        "error": "",
        "editing": None,
    }
    context.update(extra)
    return context


@login_required
@require_http_methods(["GET", "POST"])
def macro_list(request: HttpRequest) -> HttpResponse:
    user = _agent(request)
    if request.method == "POST":
        form = {k: request.POST.get(k, "") for k in ("name", "body", "team")}
        try:
            team = _team_from(form["team"])
            macro = actions.do_create_macro(
                actor=user, name=form["name"], body=form["body"], team=team
            )
        except CaredeskError as error:
            context = _macro_list_context(user, form=form, error=str(error))
            return render(request, "workspace/macros.html", context, status=400)
        messages.success(request, f"Macro “{macro.name}” saved.")
        return HttpResponseRedirect(reverse("workspace:macros"), status=303)
    return render(request, "workspace/macros.html", _macro_list_context(user))


@login_required
@require_http_methods(["GET", "POST"])
def macro_edit(request: HttpRequest, macro_id: int) -> HttpResponse:
    user = _agent(request)
    macro = _macro_for_edit(user, macro_id)
    form = {"name": macro.name, "body": macro.body, "team": str(macro.team_id or "")}
    if request.method == "POST":
        form = {k: request.POST.get(k, "") for k in ("name", "body", "team")}
        try:
            if request.POST.get("delete") == "1":
                actions.do_delete_macro(macro=macro, actor=user)
                messages.success(request, "Macro deleted.")
            else:
                actions.do_update_macro(
                    macro=macro, actor=user, name=form["name"], body=form["body"],
                    team=_team_from(form["team"]),
                )  # fmt: skip
                messages.success(request, "Macro saved.")
        except CaredeskError as error:
            context = _macro_list_context(user, form=form, error=str(error), editing=macro)
            return render(request, "workspace/macros.html", context, status=400)
        return HttpResponseRedirect(reverse("workspace:macros"), status=303)
    return render(
        request, "workspace/macros.html", _macro_list_context(user, form=form, editing=macro)
    )


@login_required
@require_http_methods(["GET", "POST"])
def desk_settings(request: HttpRequest) -> HttpResponse:
    user = _agent(request)
    if not user.is_desk_admin:
        raise Http404("Only admins have desk settings.")
    if request.method == "POST":
        try:
            actions.do_set_desk_settings(
                actor=user, confirm_risky_replies=request.POST.get("confirm_risky_replies") == "on"
            )
        except NotAllowed as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Desk settings saved.")
        return HttpResponseRedirect(reverse("workspace:settings"), status=303)
    return render(request, "workspace/settings.html", {"settings": actions.desk_settings()})
