"""The description typed on the Create page survives a browser reload (it rides in the URL, compressed,
like the draft), in headless Chromium against real API and Streamlit processes."""

from __future__ import annotations

from .browser import BROWSER_MARKS, browser_page, wait_until_idle  # noqa: F401 - a fixture
from .test_browser_e2e import streamlit_url  # noqa: F401 - a fixture, used by name

pytestmark = BROWSER_MARKS

TEXT = "Generate 500 hive inspections with:\n- Hive ID\n- Inspected at (last 90 days)\n- Frames of brood (0-10)"


def test_a_reload_keeps_the_description(page):
    from playwright.sync_api import expect

    page.goto(page.streamlit_url)
    # a fresh Streamlit process imports a lot before its first page: wait for it, bounded
    expect(page.get_by_role("heading", name="Create Dataset")).to_be_visible(timeout=120_000)
    box = page.get_by_label("Dataset description")
    expect(box).to_be_visible(timeout=120_000)
    box.fill(TEXT)
    box.press("Control+Enter")  # a text area hands its value to the app on Ctrl+Enter or on blur
    wait_until_idle(page)
    page.wait_for_url("**describe=*")
    page.reload()
    box = page.get_by_label("Dataset description")
    expect(box).to_have_value(TEXT, timeout=120_000)
    # the kept text is still the page's own: extracting it gives its columns
    page.get_by_role("button", name="Extract schema").click()
    expect(page.get_by_text("Schema extracted by")).to_be_visible(timeout=120_000)
