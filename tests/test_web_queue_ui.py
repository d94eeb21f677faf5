"""Merge and split from the review queue in headless Chromium: m marks an incident and m on another
merges the two; s takes a report back out; both land in the incident's history."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from dateline.store import open_store
from test_web_review_ui import desk, loaded
from web_data import web_db  # noqa: F401  (session fixture)


@pytest.fixture
def served(web_db, engine, tmp_path):  # noqa: F811
    with desk(web_db, engine, tmp_path) as opened:
        yield opened


def test_merge_then_split_from_the_queue(served) -> None:
    page, db = served
    page.goto("/?view=queue")
    loaded(page)
    rows = page.locator("#queue tbody tr")
    first, second = rows.nth(0).get_attribute("data-incident"), rows.nth(1).get_attribute("data-incident")
    with open_store(db) as store:
        documents = {len(store.resolve_incident(i).document_ids) for i in (first, second)}
    page.keyboard.press("m")
    expect(rows.nth(0)).to_have_class("clickable selected merge-from")
    expect(page.locator("#queue-merge-hint")).to_contain_text("Marked for merging")
    page.keyboard.press("j")
    # the merge, then the queue drawn again (its fetch answered, the page waits only for the drawing)
    with page.expect_response(lambda r: r.url.endswith("/merge")), page.expect_response(lambda r: "/api/incidents/queue" in r.url):
        page.keyboard.press("m")
    loaded(page)
    with open_store(db) as store:
        merged = store.resolve_incident(second)
        assert merged.incident_id == store.resolve_incident(first).incident_id
        assert len(merged.document_ids) >= 2 and len(merged.document_ids) >= max(documents)
        assert [d.action for d, _ in store.history(first)] == ["merge"]
        merged_id = merged.incident_id
    # one incident now: the id the merge did not keep has left the queue, the kept one is there (either may be kept)
    gone = first if merged_id == second else second
    expect(page.locator(f'#queue tr[data-incident="{gone}"]')).to_have_count(0)
    expect(page.locator(f'#queue tr[data-incident="{merged_id}"]')).to_have_count(1)

    row = page.locator(f'#queue tr[data-incident="{merged_id}"]')
    row.click()
    before = rows.count()
    asked: list[str] = []
    page.once("dialog", lambda d: (asked.append(d.message), d.accept("1")))  # the first mention's report goes back out
    page.click("#queue-split")
    expect(rows).to_have_count(before + 1)  # the report taken out is an incident of its own again
    loaded(page)
    assert asked and asked[0].startswith("Split out the report of which mention?\n1: "), asked
    with open_store(db) as store:
        actions = [d.action for d, _ in store.history(merged_id)]
        assert actions[-1] == "split" and "merge" in actions
        assert store.resolve_incident(first).incident_id != store.resolve_incident(second).incident_id
