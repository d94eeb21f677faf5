"""Logging in from the page in headless Chromium: on a server that needs a login for changes, a
decision asks for one, is sent again once logged in, and the history names the logged-in user."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from dateline.store import open_store
from dateline.users import add_user
from test_web_review_ui import ARGS, CHROMIUM, loaded
from web_data import serving, web_db  # noqa: F401  (session fixture)


@pytest.fixture
def page(web_db, engine, tmp_path):  # noqa: F811
    from dateline.web import create_app

    db = tmp_path / "dateline.db"
    shutil.copy(web_db, db)
    with open_store(db) as store:
        add_user(store, "ana", "correct horse")
    app = create_app(str(db), engine=engine, tiles="none", require_login=True)
    with serving(app) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=url)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        yield tab
        browser.close()


def test_a_decision_asks_for_a_login_and_records_the_user(page: Page):
    page.goto("/?view=queue")
    loaded(page)
    expect(page.locator("#login")).to_be_visible()  # reads need no login; the header offers one
    incident = page.locator("#queue tbody tr").nth(0).get_attribute("data-incident")
    page.goto(f"/?view=event&id={incident}")
    loaded(page)
    page.click("#review-accept")  # refused (401): the login dialog opens
    expect(page.locator("#login-dialog")).to_be_visible()
    page.fill("#login-password", "wrong password")
    page.fill("#login-name", "ana")
    page.click("#login-submit")
    expect(page.locator("#login-error")).to_contain_text("wrong name or password")
    page.fill("#login-password", "correct horse")
    page.click("#login-submit")
    expect(page.locator("#login-dialog")).to_have_count(0)
    loaded(page)
    expect(page.locator("#review-status")).to_have_text("accepted")  # the decision was sent again
    expect(page.locator("#review-history li[data-action=accept]")).to_contain_text("ana: accept")
    expect(page.locator("#session")).to_contain_text("ana")
    assert "dateline_session" not in page.evaluate("document.cookie")  # HttpOnly: scripts cannot read it
    page.click("#logout")
    expect(page.locator("#login")).to_be_visible()
