"""Previews as a user reads them, in headless Chromium against real API and Streamlit processes: on
Monitor, Browse and Create, money keeps its decimals ("1572.10", never JSON's "1572.1"), whole numbers
have no ".0" (even in a column with blanks, which pandas makes float), dates read as dates and a blank
cell is empty, never "None" or "nan". Cells are read from the grid's accessible table (what a screen
reader gets, drawn from the same display text as the canvas).

Set UI_SCREENSHOT_DIR to keep a picture of each step.
"""

from __future__ import annotations

import re
import time

import pytest

from src.api_client import ApiClient

from .browser import (  # noqa: F401 - browser_page is a fixture, used by name
    BROWSER_MARKS, browser_page, open_draft, select_newest_job,
)
from .test_browser_e2e import save_screenshot, streamlit_url, wait_until_idle  # noqa: F401 - a fixture

pytestmark = BROWSER_MARKS

# A price on a 0.1 grid: every value has one decimal or none in JSON (1572.1, 7465.0), two on screen.
SCHEMA = {"fields": [
    {"name": "id", "type": "sequence"},
    {"name": "total", "type": "price", "constraints": {"min_value": 1000, "max_value": 9999, "step": "0.1"}},
    {"name": "ratio", "type": "float", "constraints": {"min_value": 0, "max_value": 1, "decimals": 3}},
    {"name": "quantity", "type": "integer",
     "constraints": {"min_value": 1, "max_value": 9, "nullable": True, "null_probability": 0.5}},
    {"name": "ordered_on", "type": "date", "constraints": {"min_value": "2025-01-01", "max_value": "2025-12-31"}},
    {"name": "note", "type": "enum",
     "constraints": {"enum_values": ["gift", "rush"], "nullable": True, "null_probability": 0.5}},
]}
# Data grids draw on a canvas: the test records every text the page draws (what the user sees; a
# grid's accessible table carries the raw values, not the display).
RECORD_DRAWN_TEXT_JS = """(() => {
  window.__drawn = new Set();
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
    window.__drawn.add(String(text));
    return fill.call(this, text, ...rest);
  };
})();"""


@pytest.fixture
def client(live_api_url):
    client = ApiClient(live_api_url)
    yield client
    client.close()


def read_drawn(page, data: list[dict] | None = None) -> set[str]:
    """Every text the page's canvases have drawn since it loaded, once a preview grid has drawn its
    header, a date and five amounts (the grid draws a moment after its element shows), and with `data`
    the first rows' totals."""
    wait_until_idle(page)
    page.wait_for_function("() => window.__drawn.has('ordered_on') && window.__drawn.has('total')"
                           " && [...window.__drawn].some(t => /^2025-/.test(t))"
                           " && [...window.__drawn].filter(t => /^\\d{4}\\.\\d+$/.test(t)).length >= 5", timeout=30_000)
    totals = [f"{row['total']:.2f}" for row in (data or [])[:5]]
    if totals:  # a wrong format never draws these: the assertion below then names what was drawn instead
        try:
            page.wait_for_function("(texts) => texts.every(t => window.__drawn.has(t))", arg=totals, timeout=15_000)
        except Exception:  # noqa: BLE001 - assert_formatted reports the difference
            pass
    return set(page.evaluate("[...window.__drawn]"))


def assert_formatted(drawn: set[str], data: list[dict] | None = None) -> None:
    """Money with two decimals, whole numbers without '.0', dates without a time, blanks not spelled out;
    with `data` (the API's rows), each of the first rows' values drawn as the file has it."""
    money = {text for text in drawn if re.fullmatch(r"\d{4}\.\d+", text)}
    assert len(money) >= 5 and all(re.fullmatch(r"\d{4}\.\d0", text) for text in money), sorted(money)
    assert any(re.fullmatch(r"0\.\d{3}", text) for text in drawn)  # ratio: its own 3 decimals
    assert not {text for text in drawn if re.fullmatch(r"[1-9]\.0", text)}  # quantity 7, never 7.0
    dates = {text for text in drawn if text.startswith("2025-") and " · " not in text}  # not the editor's samples
    assert dates and all(re.fullmatch(r"2025-\d\d-\d\d", text) for text in dates), sorted(dates)
    assert not drawn & {"None", "nan", "NaN", "null", "NaT", "<NA>"}, sorted(drawn)
    for row in (data or [])[:5]:
        assert f"{row['total']:.2f}" in drawn and f"{row['ratio']:.3f}" in drawn, row
        assert row["quantity"] is None or str(row["quantity"]) in drawn, row


def wait_for_completed(client: ApiClient, job_id: str) -> None:
    deadline = time.monotonic() + 90
    while client.get_job_status(job_id)["status"] != "completed":
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_monitor_and_browse_previews_show_money_numbers_dates_and_blanks_as_the_file_has_them(page, client):
    from playwright.sync_api import expect

    job_id = client.create_job(SCHEMA, 400, 100, "csv", seed=11, name="formats")["job_id"]
    wait_for_completed(client, job_id)
    data = client.get_preview(job_id, rows=20)["data"]
    assert any(f"{row['total']}".endswith((".0", ".1", ".2", ".3", ".4", ".5", ".6", ".7", ".8", ".9"))
               for row in data)  # JSON dropped the trailing zero: the page must put it back

    assert any(row["quantity"] is None for row in data) and any(row["note"] is None for row in data)
    page.add_init_script(RECORD_DRAWN_TEXT_JS)
    page.goto(f"{page.streamlit_url}/monitor?job={job_id}")
    expect(page.get_by_text("Preview · first 20 rows")).to_be_visible()
    assert_formatted(read_drawn(page, data), data)
    save_screenshot(page, "fmt_1_monitor")

    page.goto(f"{page.streamlit_url}/browse")
    expect(page.get_by_role("heading", name="Browse Jobs")).to_be_visible()
    select_newest_job(page, "formats")
    expect(page.get_by_text("Preview · first 10 rows")).to_be_visible()
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(2)
    assert_formatted(read_drawn(page, data), data)
    save_screenshot(page, "fmt_2_browse")
    client.delete_job(job_id)


def test_create_sample_shows_money_numbers_dates_and_blanks_as_the_file_has_them(page):
    from playwright.sync_api import expect

    page.add_init_script(RECORD_DRAWN_TEXT_JS)
    open_draft(page, SCHEMA)
    page.get_by_role("button", name="Preview sample").click()
    expect(page.get_by_text("Sample of 500 rows")).to_be_visible(timeout=90_000)
    drawn = read_drawn(page)
    assert_formatted(drawn)
    # The editor's samples too: three values of the price, each with its two decimals.
    samples = [text for text in drawn if re.fullmatch(r"\d{4}\.\d+( · \d{4}\.\d+){2}", text)]
    assert samples and all(re.fullmatch(r"\d{4}\.\d0( · \d{4}\.\d0){2}", text) for text in samples), samples
    save_screenshot(page, "fmt_3_create")
