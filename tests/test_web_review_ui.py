"""The review desk in headless Chromium: the queue walked by keyboard, an edit and a rejection made
from the pages, and the incident page showing who decided what (screenshots to docs/screenshots/)."""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from web_data import REPO, serving, web_db  # noqa: F401  (session fixture)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
DOC_SHOTS = REPO / "docs" / "screenshots"


@contextlib.contextmanager
def desk(web_db, engine, tmp_path) -> Iterator[tuple[Page, Path]]:
    """A browser tab on a served copy of the sample database, as the analyst "ana"; and the copy's path."""
    from dateline.web import create_app

    db = tmp_path / "dateline.db"
    shutil.copy(web_db, db)
    with serving(create_app(str(db), engine=engine, tiles="none")) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=url)
        context.add_init_script("localStorage.setItem('dateline.user', 'ana')")
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        try:
            yield tab, db
        finally:
            browser.close()


@pytest.fixture
def page(web_db, engine, tmp_path):  # noqa: F811
    with desk(web_db, engine, tmp_path) as (tab, _db):
        yield tab


def loaded(page: Page) -> None:
    expect(page.locator("body")).to_have_attribute("data-loading", "false")
    expect(page.locator("#error")).to_be_hidden()


def test_queue_keys_edit_and_reject_leave_a_history(page: Page):
    page.goto("/?view=queue")
    loaded(page)
    rows = page.locator("#queue tbody tr")
    assert rows.count() >= 3
    expect(rows.nth(0)).to_have_class("clickable selected")
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    expect(rows.nth(1)).to_have_class("clickable selected")
    DOC_SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOC_SHOTS / "review-queue.png"), full_page=True)

    rejected = rows.nth(1).get_attribute("data-incident")
    page.once("dialog", lambda d: d.accept("a drill, not an attack"))
    page.keyboard.press("r")
    expect(rows.nth(1)).not_to_have_attribute("data-incident", rejected)  # the queue is drawn again
    loaded(page)
    expect(page.locator(f'#queue tr[data-incident="{rejected}"]')).to_have_count(0)
    expect(rows.nth(1)).to_have_class("clickable selected")  # the place in the queue is kept

    page.keyboard.press("e")  # opens the selected incident
    loaded(page)
    expect(page.locator("#review-status")).to_have_text("unreviewed")
    page.select_option("#review-edit select", "location")
    page.fill("#review-edit input", "Qalat Salih")
    page.click("#review-edit button")
    loaded(page)
    expect(page.locator("#review-status")).to_have_text("edited")
    expect(page.locator("#review-history li[data-action=edit]").first).to_contain_text("ana: edit location")
    page.screenshot(path=str(DOC_SHOTS / "review-incident.png"), full_page=True)

    page.goto(f"/?view=event&id={rejected}")
    loaded(page)
    expect(page.locator("#review-status")).to_have_text("rejected")
    expect(page.locator("#review-history")).to_contain_text("a drill, not an attack")


def test_on_this_day_gives_a_sidebar_note(page: Page):
    page.goto("/?view=events")
    loaded(page)
    first = page.locator("table.events tbody tr").first
    incident = first.get_attribute("data-event")
    day = first.locator("td").first.inner_text()[5:]
    page.goto(f"/?view=event&id={incident}")
    loaded(page)
    page.click("#review-accept")
    expect(page.locator("#review-status")).to_have_text("accepted")
    page.goto(f"/?view=onthisday&day={day}")
    loaded(page)
    page.select_option("#sidebar-markup", "html")
    page.click("#sidebar-button")
    expect(page.locator("#sidebar-note")).to_be_visible()
    expect(page.locator("#sidebar-note")).to_have_value(re.compile(r"<\w+"))
