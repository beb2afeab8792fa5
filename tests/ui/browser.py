"""Headless Chromium for the browser tests: Debian's package, never a Playwright browser download."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM_PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM_PATH.exists(),
                       reason=f"no Chromium at {CHROMIUM_PATH}: install Debian's package with "
                              "`apt-get install -y chromium` (.ci/run does) to run the browser test"),
]


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page.set_default_timeout(30_000)
        yield page
        browser.close()


def wait_until_idle(page) -> None:
    """Wait while Streamlit reruns the script (its status widget shows 'Running')."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
        timeout=30_000)


def select_newest_job(page, name: str) -> None:
    """On Browse Jobs: tick the first row's selection box (the newest job) and wait for `name` to be chosen."""
    from playwright.sync_api import expect

    grid = page.locator('[data-testid="stDataFrame"]')
    expect(grid).to_be_visible()
    wait_until_idle(page)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)
    expect(page.get_by_text(f"Selected: {name}")).to_be_visible()


def open_draft(page, doc) -> None:
    """Open the Create page on `doc` (a draft in the URL, as a shared link or a reload would)."""
    from playwright.sync_api import expect

    from app_pages.page_state import encode_draft

    page.goto(f"{page.streamlit_url}/?draft={encode_draft(doc)}")
    # A cold API builds its type catalog (examples made by the engine) on the first request.
    expect(page.get_by_role("heading", name="Use it elsewhere")).to_be_visible(timeout=120_000)
    wait_until_idle(page)


def type_text(page, label: str, value: str) -> None:
    """Type into a text box and press Enter, as a user would, then wait for the rerun it starts."""
    box = page.get_by_role("textbox", name=label)
    box.fill(value)
    box.press("Enter")
    wait_until_idle(page)
