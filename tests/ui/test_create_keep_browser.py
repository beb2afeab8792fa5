"""Keeping work and looking at it, in headless Chromium against real API and Streamlit processes: a job's
name names its download from the UI as from the API; after a reload of another page the Create page
offers the last saved schema (restored from the server); the Create page, its grid and its code follow
the browser's light or dark setting.

Set UI_SCREENSHOT_DIR to keep a picture of each step.
"""

from __future__ import annotations

import io
import re

import pytest

from src.api_client import ApiClient

from .browser import (  # noqa: F401 - browser_page is a fixture, used by name
    BROWSER_MARKS, CHROMIUM_ARGS, CHROMIUM_PATH, browser_page, open_draft, type_text, wait_until_idle,
)
from .schema_docs import PEOPLE
from .test_browser_e2e import (  # noqa: F401 - streamlit_url is a fixture, used by name
    choose_option, save_screenshot, set_number, streamlit_url,
)

pytestmark = BROWSER_MARKS


@pytest.fixture
def client(live_api_url):
    client = ApiClient(live_api_url)
    yield client
    client.close()


def start_from_create(page) -> str:
    """Press Start generation; answer the job id the Monitor page opens on."""
    from playwright.sync_api import expect

    wait_until_idle(page)
    page.get_by_role("button", name="Start generation").click()
    expect(page.get_by_role("heading", name="Monitor Jobs")).to_be_visible()
    page.wait_for_url("**/monitor?job=*")
    return page.url.split("job=")[1].split("&")[0]


def test_the_job_name_names_the_download_from_the_ui_as_from_the_api(page, client, tmp_path):
    from playwright.sync_api import expect

    open_draft(page, PEOPLE)
    set_number(page, "Rows", "250")
    type_text(page, "Job name", "customers")
    job_id = start_from_create(page)
    expect(page.get_by_role("heading", name="customers")).to_be_visible()
    button = page.get_by_role("button", name="Download dataset")
    expect(button).to_be_visible(timeout=90_000)
    save_screenshot(page, "keep_1_named_job")
    status = client.get_job_status(job_id)
    created = status["created_at"][:10]
    wait_until_idle(page)
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == f"customers_{created}.csv" == status["file_name"]
    via_api = client.download(job_id)
    assert via_api.file_name == f"customers_{created}.csv"
    content = open(download.value.path(), "rb").read()
    assert content == via_api.content and content.count(b"\n") == 251  # the header and 250 rows
    client.delete_job(job_id)


def test_after_a_reload_of_another_page_the_last_saved_schema_is_offered_and_loads(page, client):
    from playwright.sync_api import expect

    changed = {"fields": [*PEOPLE["fields"][:1], {**PEOPLE["fields"][1], "constraints": {"min_value": 30,
                                                                                         "max_value": 40},
                                                  "description": "age between 30 and 40"}]}
    open_draft(page, changed)
    type_text(page, "Schema name", "resume me")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved 'resume me'.")).to_be_visible()
    job_id = start_from_create(page)
    page.reload()  # Monitor's URL names the job only: the schema is not in it
    expect(page.get_by_role("heading", name="Monitor Jobs")).to_be_visible()
    page.get_by_role("link", name="Create Dataset").click()
    offer = page.locator("[data-testid=stAlertContentInfo]").filter(has_text="Continue where you left off")
    expect(offer).to_contain_text("Your last saved schema: resume me · 2 fields")
    save_screenshot(page, "keep_2_resume_offer")
    wait_until_idle(page)
    page.get_by_role("button", name="Continue with it").click()
    expect(page.get_by_text("Editing the saved schema 'resume me'")).to_be_visible()
    expect(offer).to_have_count(0)
    choose_option(page, "Edit field", "2. age")
    expect(page.get_by_role("spinbutton", name="maximum")).to_have_value("40")
    page.wait_for_url(re.compile(r"[?&]schema=[0-9a-f-]{36}"))  # from now on a reload keeps it
    client.delete_job(job_id)


def mean_brightness(png: bytes) -> float:
    from PIL import Image, ImageStat

    return sum(ImageStat.Stat(Image.open(io.BytesIO(png)).convert("RGB")).mean) / 3


def test_the_create_page_its_grid_and_code_follow_the_light_or_dark_setting(streamlit_url, live_api_url):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)
    seen: dict[str, dict[str, float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS)
        for scheme in ("dark", "light"):
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, color_scheme=scheme)
            page.set_default_timeout(30_000)
            page.streamlit_url = streamlit_url
            open_draft(page, PEOPLE)
            # The grid draws on a canvas: its pixels, not its CSS, say which theme it got.
            parts = {"page": page.locator("[data-testid=stApp]"),
                     "grid": page.locator("[data-testid=stDataFrame]").first,
                     "editor": page.get_by_role("textbox", name="Description", exact=True),
                     "code": page.locator("[data-testid=stCode]").first}
            for part in parts.values():
                part.scroll_into_view_if_needed()
            wait_until_idle(page)
            seen[scheme] = {name: mean_brightness(part.screenshot()) for name, part in parts.items()
                            if name != "page"}
            seen[scheme]["page"] = mean_brightness(page.screenshot())
            save_screenshot(page, f"keep_3_create_{scheme}")
            page.close()
        browser.close()
    for name in ("page", "grid", "editor", "code"):
        assert seen["dark"][name] < 90 < 170 < seen["light"][name], (name, seen)
