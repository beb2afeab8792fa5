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
