"""The web app in headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

Each view is opened on a database built from the sample and PITF rows; filters are clicked,
an event's evidence is seen highlighted, a document is uploaded and its events appear.
Screenshots go to test-output/screenshots/. No request may leave localhost.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from web_data import SCREENSHOTS, LiveServer, live_server, web_db  # noqa: F401  (session fixtures)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server: LiveServer):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=live_server.url, accept_downloads=True)
    tab = context.new_page()
    outside: list[str] = []
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith((live_server.url, "data:", "blob:")) else None)
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
    assert not outside, f"requests left localhost: {outside}"


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def open_view(page: Page, query: str) -> None:
    page.goto(f"/?{query}")
    expect(page.locator("body")).to_have_attribute("data-loading", "false")
    expect(page.locator("#error")).to_be_hidden()


def params(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def test_timeline_brush_sets_the_time_range_in_the_url(page: Page):
    open_view(page, "view=timeline&by=month")
    bars = page.locator("#chart svg rect[fill]:not(.brush):not(.overlay)")
    expect(bars.first).to_be_visible()
    assert bars.count() > 2
    expect(page.locator("#chart path.fatalities")).to_have_count(1)
    shot(page, "timeline")
    box = page.locator("#chart rect.overlay").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.05, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    expect(page.locator("body")).to_have_attribute("data-loading", "false")
    chosen = params(page)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", chosen["date_from"]) and chosen["date_to"] >= chosen["date_from"]
    expect(page.locator("[name=date_from]")).to_have_value(chosen["date_from"])
    page.select_option("#period", "week")
    expect(page.locator("body")).to_have_attribute("data-loading", "false")
    assert params(page)["by"] == "week" and params(page)["date_from"] == chosen["date_from"]


def test_filters_live_in_the_url_and_survive_a_reload(page: Page):
    open_view(page, "view=events")
    total = int(page.locator("#event-count").inner_text().split()[0])
    page.select_option("[name=admin1]", "Maysan")
    expect(page).to_have_url(re.compile(r"admin1=Maysan"))
    expect(page.locator("body")).to_have_attribute("data-loading", "false")
    rows = page.locator("table.events tbody tr")
    assert 0 < rows.count() < total
    assert all(cell == "Maysan" for cell in rows.locator("td:nth-child(7)").all_inner_texts())
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-loading", "false")
    expect(page.locator("[name=admin1]")).to_have_value("Maysan")
    assert page.locator("table.events tbody tr").count() == rows.count()
    page.fill("[name=date_from]", "not-a-date") if False else None  # date inputs refuse bad text by themselves
    page.click("#clear")
    expect(page).not_to_have_url(re.compile(r"admin1="))


def test_bad_link_shows_the_api_error(page: Page):
    page.goto("/?view=events&date_from=not-a-date")
    expect(page.locator("#error")).to_be_visible()
    expect(page.locator("#error")).to_contain_text("date_from")


def test_map_draws_points_provinces_and_outlines_offline(page: Page):
    open_view(page, "view=map")
    expect(page.locator("#map[data-ready=true]")).to_be_visible()
    outlines = page.locator("#map path.leaflet-interactive")
    assert outlines.count() >= 18 + 7  # Iraq's provinces and the neighbouring countries
    markers = page.locator("#map .marker-cluster, #map path.leaflet-interactive[fill-opacity='0.85']")
    assert markers.count() >= 1
    expect(page.locator("#map .leaflet-tile")).to_have_count(0)  # no tiles configured: outlines only
    shot(page, "map")


def test_actor_network_and_clicking_an_actor_filters(page: Page):
    open_view(page, "view=network")
    nodes = page.locator("#chart g.node")
    assert nodes.count() >= 2
    shot(page, "network")
    actor = nodes.first.get_attribute("data-actor")
    nodes.first.locator("circle").click()
    expect(page.locator("body")).to_have_attribute("data-loading", "false")
    assert params(page)["actor"] == actor and params(page)["view"] == "events"
    assert page.locator("table.events tbody tr").count() >= 1


def test_on_this_day_for_a_chosen_day(page: Page, live_server: LiveServer):  # noqa: F811
    open_view(page, "view=events")
    day = page.locator("table.events tbody tr td:first-child").first.inner_text()[5:10]
    open_view(page, f"view=onthisday&day={day}")
    expect(page.locator("#day")).to_have_value(day)
    dates = page.locator("#onthisday table.events tbody tr td:first-child").all_inner_texts()
    assert dates and all(d[5:10] == day for d in dates)
    shot(page, "onthisday")


def test_event_detail_highlights_the_evidence(page: Page):
    open_view(page, "view=events&admin1=Maysan")
    page.locator("table.events tbody tr").first.click()
    expect(page.locator("body")).to_have_attribute("data-view", "event")
    expect(page.locator("body")).to_have_attribute("data-loading", "false")
    mark = page.locator("#doctext mark.evidence")
    expect(mark).to_be_visible()
    assert len(mark.inner_text()) > 20 and mark.inner_text() in page.locator("#doctext").inner_text()
    expect(page.locator("#reasons dd").first).not_to_have_text("no reason recorded")
    shot(page, "event")


def test_chart_exports_svg_and_png(page: Page):
    open_view(page, "view=timeline")
    with page.expect_download() as svg_download:
        page.click("#export-svg")
    assert svg_download.value.suggested_filename == "dateline-timeline.svg"
    assert "<svg" in open(svg_download.value.path(), encoding="utf-8").read()
    with page.expect_download() as png_download:
        page.click("#export-png")
    assert open(png_download.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    href = page.locator("#export-geojson").get_attribute("href")
    assert href.startswith("/api/export/events.geojson")


def test_upload_a_document_and_see_its_events(page: Page, tmp_path):
    open_view(page, "view=documents")
    before = int(page.locator("#doc-list p.muted").inner_text().split()[0])
    upload = tmp_path / "mosul-report.txt"
    upload.write_text(
        "MOSUL, 14 September 2014 - A roadside bomb killed four soldiers near Tal Afar in Nineveh province "
        "on Sunday, officials said.\n", encoding="utf-8")
    page.set_input_files("#upload", str(upload))
    page.click("#add-submit")
    job = page.locator("#jobs .job", has_text="mosul-report")  # this upload's job, not an earlier one
    expect(job).to_have_attribute("data-status", "done", timeout=120_000)
    expect(page.locator("#doc-list p.muted")).to_have_text(f"{before + 1} documents", timeout=30_000)
    shot(page, "documents")
    open_view(page, "view=events&q=Afar")
    rows = page.locator("table.events tbody tr")
    expect(rows.first).to_be_visible(timeout=15_000)  # the table fills after the API answers
    rows.first.click()
    expect(page.locator("#doctext mark.evidence")).to_contain_text("Tal Afar")
