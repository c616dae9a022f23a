"""The agent's day in a real browser: Debian's Chromium driven by Playwright.

Set CAREDESK_SCREENSHOTS=1 to keep a screenshot of each step (1280×800 and 390 px wide)
under test-artifacts/; a failing test always leaves one there.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from caredesk.accounts.actions import do_create_agent, do_create_team
from caredesk.accounts.models import User
from caredesk.customers.actions import do_create_customer
from caredesk.lib.testenv import chromium_path, missing_message, requirements
from caredesk.tickets.actions import do_open_ticket
from caredesk.tickets.models import Ticket
from caredesk.workspace.actions import do_create_macro

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# fixtures here are still plain synchronous calls.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(os.environ.get("CAREDESK_ARTIFACTS", "test-artifacts"))
SHOOT = os.environ.get("CAREDESK_SCREENSHOTS") == "1"
PASSWORD = "correct horse battery staple"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ANGRY = (
    "This is ridiculous!! This is the third time I'm writing. I was charged twice and I need "
    "the money for rent by Friday. I already restarted the app and reinstalled it."
)
CARELESS = "Per our policy we can't refund after 30 days."
CARING = (
    "I'm so sorry you were charged twice, and that you've had to write three times. "
    "I've refunded the duplicate charge now; you'll see it within 2 days, before Friday. "
    "Since you already restarted and reinstalled the app, there's nothing else to do. "
    "Does that work for you?"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    if executable is None:
        chromium = next(r for r in requirements() if r.name.startswith("Chromium"))
        pytest.fail(missing_message(chromium), pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    opened = context.new_page()
    yield opened
    failed = any(
        getattr(getattr(request.node, f"report_{when}", None), "failed", False)
        for when in ("setup", "call")
    )
    if failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        opened.screenshot(path=str(ARTIFACTS / f"{request.node.name}-failed.png"), full_page=True)
    context.close()


def shoot(page: Page, name: str) -> None:
    if SHOOT:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def desk(transactional_db: None) -> dict[str, Any]:
    support = do_create_team(name="Support")
    alice = do_create_agent(
        username="alice", password=PASSWORD, first_name="Alice", last_name="Agent", teams=[support]
    )
    bob = do_create_agent(
        username="bob", password=PASSWORD, first_name="Bob", last_name="Teammate", teams=[support]
    )
    lena = do_create_agent(
        username="lena", password=PASSWORD, first_name="Lena", last_name="Lead",
        role="lead", teams=[support],
    )  # fmt: skip
    carmen = do_create_customer(name="Carmen Diaz", identities=[("email", "carmen@example.com")])
    grateful = do_create_customer(name="Gus Grant", identities=[("email", "gus@example.com")])
    angry = do_open_ticket(
        customer=carmen, channel="email", subject="Charged twice", body_text=ANGRY, team=support
    )
    calm = do_open_ticket(
        customer=grateful,
        channel="chat",
        subject="New card works",
        body_text="Thank you so much, the new card arrived and it works!",
        team=support,
    )
    do_create_macro(
        actor=lena,
        name="Refund on its way",
        body="Hi {customer.first_name}, I've refunded the charge on ticket {ticket.id}.",
        team=None,
    )
    angry.refresh_from_db()
    calm.refresh_from_db()
    assert angry.care_emotion, "the care reading runs when the ticket is stored"
    assert angry.care_emotion != calm.care_emotion, "the emotion filter needs two emotions"
    return {"alice": alice, "bob": bob, "angry": angry, "calm": calm}


def sign_in(page: Page, base: str, user: User) -> None:
    page.goto(f"{base}/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/inbox/"))
    page.wait_for_load_state("load")


def test_an_agent_works_a_ticket_with_the_care_coach(
    page: Page, live_server: Any, desk: dict[str, Any]
) -> None:
    base = live_server.url
    angry: Ticket = desk["angry"]
    sign_in(page, base, desk["alice"])

    page.get_by_role("link", name=re.compile(r"^My team")).click()
    expect(page.locator("[data-row]")).to_have_count(2)
    shoot(page, "inbox-1280")
    page.locator("summary", has_text="Filters").click()
    page.get_by_label("Emotion").select_option(angry.care_emotion)
    expect(page.locator("[data-row]")).to_have_count(1)
    expect(page.locator("[data-row]")).to_contain_text("Charged twice")
    expect(page).to_have_url(re.compile(rf"emotion={angry.care_emotion}"))

    page.keyboard.press("Escape")
    page.keyboard.press("j")
    expect(page.locator("[data-row]").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/tickets/{angry.pk}/$"))
    page.wait_for_load_state("load")  # the shortcuts script is deferred; keys wait for it
    expect(page.locator("mark.ev-stakes", has_text="charged twice")).to_be_visible()

    page.keyboard.press("r")
    draft = page.get_by_role("textbox", name="Your reply or note")
    expect(draft).to_be_focused()
    draft.press_sequentially(CARELESS)
    risk = page.locator('#coach [data-risk="policy_first"]')
    expect(risk).to_be_visible()
    expect(page.locator("#coach mark.risk-policy_first").first).to_have_text("Per our policy")
    need = page.locator('#coach [data-need="acknowledges_emotion"]')
    expect(need).to_have_attribute("data-state", "missing")
    shoot(page, "ticket-coach-careless-1280")

    draft.fill("")
    draft.press_sequentially(CARING, delay=0)
    expect(need).to_have_attribute("data-state", "done")
    expect(risk).to_have_count(0)
    shoot(page, "ticket-coach-caring-1280")
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_role("status")).to_contain_text("Reply sent.")

    page.locator("summary", has_text="Transfer").click()
    note = page.get_by_label("Handoff note")
    expect(note).to_have_value(re.compile(r"Already tried: .*restarted the app"))
    page.get_by_label("Agent", exact=True).select_option(label="Bob Teammate")
    prefilled = note.input_value()
    note.fill("")
    assert note.evaluate("el => el.validity.valueMissing")  # the browser asks for a note too
    note.fill(prefilled.replace("Done so far: ", "Done so far: refunded the duplicate charge."))
    page.get_by_role("button", name="Transfer with this note").click()
    expect(page.get_by_role("status")).to_contain_text("Transferred to Bob Teammate")
    expect(page.locator(".handoff")).to_contain_text("Alice Agent")
    page.wait_for_load_state("load")

    page.keyboard.press("s")
    expect(page.get_by_role("status")).to_contain_text(f"Ticket #{angry.pk} solved.")
    expect(page.locator(".ticket-meta .status-solved")).to_be_visible()
    angry.refresh_from_db()
    assert angry.status == "solved" and angry.assignee == desk["bob"]
    shoot(page, "ticket-solved-1280")


def test_the_pages_fit_a_phone_and_help_opens_with_a_question_mark(
    page: Page, live_server: Any, desk: dict[str, Any]
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server.url, desk["alice"])
    page.goto(f"{live_server.url}/inbox/?view=team")
    shoot(page, "inbox-390")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto(f"{live_server.url}/tickets/{desk['angry'].pk}/")
    macros = page.get_by_label("Insert macro")
    macros.select_option(
        macros.locator("option", has_text="Refund on its way").get_attribute("value")
    )
    expect(page.get_by_role("textbox", name="Your reply or note")).to_have_value(
        f"Hi Carmen, I've refunded the charge on ticket {desk['angry'].pk}."
    )
    expect(page.locator("#coach .score")).to_be_visible()
    shoot(page, "ticket-390")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
