"""/docs and /redoc render in headless Chromium with every request outside the API refused: their
assets come from the installed package, so the reference works without internet."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
import pytest

from .browser import BROWSER_MARKS, browser_page  # noqa: F401 - the fixture is used by name

pytestmark = BROWSER_MARKS

# ReDoc's "API docs by Redocly" footer links its logo image from the vendor's site; offline the image
# is missing and nothing else changes. Any other outside request fails the test.
DECORATIVE = {"https://cdn.redoc.ly/redoc/logo-mini.svg"}


@pytest.fixture
def offline_page(browser_page, live_api_url):  # noqa: F811 - the fixture above, by name
    """A page that may reach only the API; every other request is aborted and recorded."""
    api_host = urlsplit(live_api_url).netloc
    outside: list[str] = []

    def route(route):
        if urlsplit(route.request.url).netloc == api_host:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    browser_page.route("**/*", route)
    yield browser_page
    needed = [url for url in outside if url not in DECORATIVE]
    assert not needed, f"the docs tried to load from outside the API: {needed}"


def operations(live_api_url) -> list[tuple[str, str]]:
    spec = httpx.get(f"{live_api_url}/openapi.json").json()
    return [(method.upper(), path) for path, item in spec["paths"].items() for method in item]


def test_swagger_ui_renders_every_operation_offline(offline_page, live_api_url):
    from playwright.sync_api import expect

    page = offline_page
    page.goto(f"{live_api_url}/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Synthetic Data Generator API")
    expected = operations(live_api_url)
    assert len(expected) == 20
    blocks = page.locator(".opblock")
    expect(blocks).to_have_count(len(expected))
    shown = {(blocks.nth(i).locator(".opblock-summary-method").inner_text().strip(),
              blocks.nth(i).locator(".opblock-summary-path").get_attribute("data-path"))
             for i in range(len(expected))}
    assert shown == set(expected)
    # Opening an operation shows its documented answers, the 422 error body among them.
    page.locator(".opblock-summary-path[data-path='/jobs/create']").click()
    expect(page.locator(".opblock.is-open .responses-table .response[data-code='422']")).to_be_visible()


def test_redoc_renders_the_reference_offline(offline_page, live_api_url):
    from playwright.sync_api import expect

    page = offline_page
    page.goto(f"{live_api_url}/redoc")
    expect(page.locator("h1").first).to_contain_text("Synthetic Data Generator API")
    for summary in ("Create Job", "Get Job Status", "Download Job", "Get Health"):
        expect(page.get_by_role("heading", name=summary).first).to_be_visible()
    expect(page.get_by_text("/jobs/{job_id}/download").first).to_be_attached()
