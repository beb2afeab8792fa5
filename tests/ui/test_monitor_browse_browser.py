"""Monitor and Browse in headless Chromium against real API and Streamlit processes: a job's name on
both pages, delete after a confirmation (on both pages), a paused job without a rate and a run time that stands still while paused, a multi-table job's per-table
downloads (big ones through signed links at PUBLIC_API_URL), the dark theme and a narrow screen.

Set UI_SCREENSHOT_DIR to keep a picture of each step.
"""

from __future__ import annotations

import io
import os
import re
import time
import zipfile
from urllib.parse import urlsplit

import httpx
import pytest

from src.api_client import ApiClient, ApiError
from tests.engine.relational.test_relational_engine import SHOP

from .browser import (  # noqa: F401 - browser_page is a fixture, used by name
    BROWSER_MARKS, CHROMIUM_ARGS, CHROMIUM_PATH, browser_page, select_newest_job,
)
from .processes import VENV_BIN, find_free_port, running_service
from .test_browser_e2e import save_screenshot, wait_until_idle

pytestmark = BROWSER_MARKS

LINK_ROWS = 150  # files of more rows download through signed links
SCHEMA = {"fields": [{"name": "id", "type": "sequence"}, {"name": "name", "type": "full_name"}]}


@pytest.fixture(scope="module")
def ui(live_api_data, tmp_path_factory):
    """(Streamlit URL, the public API URL it gives browsers): the UI reaches the API at 127.0.0.1,
    browsers at `localhost`, so a link built on API_BASE_URL would be caught."""
    api_url = live_api_data[0]
    public_url = api_url.replace("127.0.0.1", "localhost")
    port = find_free_port()
    command = [str(VENV_BIN / "streamlit"), "run", "streamlit_app.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    env = {**os.environ, "API_BASE_URL": api_url, "PUBLIC_API_URL": public_url,
           "UI_DOWNLOAD_LINK_ROWS": str(LINK_ROWS)}
    log_path = tmp_path_factory.mktemp("streamlit_mb") / "streamlit.log"
    with running_service(command, env, log_path, "/_stcore/health", port) as url:
        yield url, public_url


@pytest.fixture
def client(live_api_url):
    """A client of the live API, whose jobs run freely."""
    client = ApiClient(live_api_url)
    yield client
    client.close()


@pytest.fixture
def gated_client(live_api_data, live_gate):
    """A client of the live API, whose jobs wait at the gate until released."""
    client = ApiClient(live_api_data[0])
    yield client
    client.close()


def wait_for_status(client: ApiClient, job_id: str, wanted: set[str]) -> dict:
    deadline = time.monotonic() + 60
    while (status := client.get_job_status(job_id))["status"] not in wanted:
        assert time.monotonic() < deadline, status
        time.sleep(0.1)
    return status


def metric_value(page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label)
    return metric.locator('[data-testid="stMetricValue"]').inner_text()


def test_name_in_monitor_and_browse_and_delete_after_confirmation(browser_page, ui, client):
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)
    job_id = client.create_job(SCHEMA, 500, 100, "csv", name="Customers EU")["job_id"]
    status = wait_for_status(client, job_id, {"completed"})
    page = browser_page
    page.goto(f"{ui[0]}/monitor?job={job_id}")
    expect(page.get_by_role("heading", name="Customers EU")).to_be_visible()
    expect(page.get_by_text(f"Saved as {status['file_name']}")).to_be_visible()
    save_screenshot(page, "mb_1_monitor_named")

    page.goto(f"{ui[0]}/browse")
    expect(page.get_by_role("heading", name="Browse Jobs")).to_be_visible()
    select_newest_job(page, "Customers EU")
    page.get_by_role("button", name="Delete", exact=True).click()
    warning = page.locator('[data-testid="stAlertContentWarning"]')
    expect(warning).to_contain_text("Delete Customers EU")
    expect(warning).to_contain_text(f"{status['file_name']} (500 rows, CSV)")
    save_screenshot(page, "mb_2_delete_confirmation")
    assert client.get_job_status(job_id)["status"] == "completed"  # nothing is gone before the yes

    page.get_by_role("button", name="Delete permanently").click()
    expect(page.get_by_text("Deleted Customers EU and its files.")).to_be_visible()
    with pytest.raises(ApiError) as gone:
        client.get_job_status(job_id)
    assert gone.value.status == 404


def test_monitor_deletes_the_job_after_the_same_confirmation(browser_page, ui, client):
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)
    kept = client.create_job(SCHEMA, 100, 50, "csv", name="kept")["job_id"]
    job_id = client.create_job(SCHEMA, 300, 100, "json", name="Leads US")["job_id"]
    status = wait_for_status(client, job_id, {"completed"})
    wait_for_status(client, kept, {"completed"})
    page = browser_page
    page.goto(f"{ui[0]}/monitor?job={job_id}")
    expect(page.get_by_role("heading", name="Leads US")).to_be_visible()
    wait_until_idle(page)
    page.get_by_role("button", name="Delete", exact=True).click()
    warning = page.locator('[data-testid="stAlertContentWarning"]')
    expect(warning).to_contain_text("Delete Leads US")
    expect(warning).to_contain_text(f"{status['file_name']} (300 rows, JSON)")
    save_screenshot(page, "mb_2b_monitor_delete_confirmation")
    page.get_by_role("button", name="Keep it").click()
    expect(warning).to_have_count(0)
    assert client.get_job_status(job_id)["status"] == "completed"  # nothing is gone before the yes

    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_role("button", name="Delete permanently").click()
    expect(page.get_by_text("Deleted Leads US and its files.")).to_be_visible()
    expect(page.get_by_role("heading", name="Leads US")).to_have_count(0)
    page.wait_for_url(lambda url: job_id not in url)
    with pytest.raises(ApiError) as gone:
        client.get_job_status(job_id)
    assert gone.value.status == 404
    assert client.get_job_status(kept)["status"] == "completed"
    client.delete_job(kept)


def test_paused_job_shows_no_rate(browser_page, ui, gated_client, live_gate):
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)
    client = gated_client
    job_id = client.create_job(SCHEMA, 5_000_000, 1_000, "csv", name="held")["job_id"]
    try:
        live_gate.release(job_id, 1)
        live_gate.wait_held(job_id, 1)  # running, held mid-job: it cannot finish before the clicks
        page = browser_page
        page.goto(f"{ui[0]}/monitor?job={job_id}")
        expect(page.get_by_text("generating", exact=True)).to_be_visible()
        page.get_by_role("button", name="Pause").click()
        expect(page.get_by_role("button", name="Resume")).to_be_visible()
        expect(page.get_by_text("Paused: the rate and time left come back")).to_be_visible()
        assert metric_value(page, "Rows per second") == "—"
        assert metric_value(page, "Time left") == "—"
        assert metric_value(page, "Run time") != "—"
        expect(page.get_by_role("button", name="Pause")).to_have_count(0)
        wait_until_idle(page)
        save_screenshot(page, "mb_3_paused")
    finally:
        live_gate.release(job_id, float("inf"))
        client.delete_job(job_id)


def read_seconds(shown: str) -> float:
    """The Run time metric back in seconds: 'under 1s' -> 0, '7s', '1m 05s', '2h 03m'."""
    if shown == "under 1s":
        return 0.0
    units = {"h": 3600, "m": 60, "s": 1}
    return float(sum(int(number) * units[unit] for number, unit in re.findall(r"(\d+)([hms])", shown)))


def wait_for_shown_seconds(page, at_least: float) -> float:
    """Wait (the panel refreshes itself each second while the job runs) until Run time shows `at_least`."""
    deadline = time.monotonic() + 60
    while (shown := read_seconds(metric_value(page, "Run time"))) < at_least:
        assert time.monotonic() < deadline, shown
        page.wait_for_timeout(200)
    return shown


def test_run_time_stands_still_while_paused_and_goes_on_after_resume(browser_page, ui, gated_client, live_gate):
    """Run time counts generating only: paused for a measured while, neither the API nor the page (read
    again after a reload) moves it and no rate shows; after resume it continues from where it stopped."""
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)
    client = gated_client
    job_id = client.create_job(SCHEMA, 5_000_000, 1_000, "csv", name="timed")["job_id"]
    try:
        live_gate.release(job_id, 1)
        live_gate.wait_held(job_id, 1)  # generating, held mid-job: it cannot finish while the test runs
        page = browser_page
        page.goto(f"{ui[0]}/monitor?job={job_id}")
        expect(page.get_by_text("generating", exact=True)).to_be_visible()
        wait_for_shown_seconds(page, 2)  # some run time to keep
        page.get_by_role("button", name="Pause").click()
        expect(page.get_by_role("button", name="Resume")).to_be_visible()
        frozen = wait_for_status(client, job_id, {"paused"})["active_seconds"]
        wait_until_idle(page)
        shown = metric_value(page, "Run time")
        assert abs(read_seconds(shown) - frozen) <= 1, (shown, frozen)

        paused_at = time.monotonic()
        while time.monotonic() - paused_at < 3:  # a measured while paused
            time.sleep(0.1)
        status = client.get_job_status(job_id)
        assert (status["status"], status["active_seconds"], status["rows_per_second"]) == ("paused", frozen, None)
        page.reload()
        expect(page.get_by_role("button", name="Resume")).to_be_visible()
        wait_until_idle(page)
        assert metric_value(page, "Run time") == shown  # not a second more after 3 s paused
        assert metric_value(page, "Rows per second") == "—"  # no stale rate
        save_screenshot(page, "mb_3b_paused_run_time")

        resumed_at = time.monotonic()
        page.get_by_role("button", name="Resume").click()
        expect(page.get_by_role("button", name="Pause")).to_be_visible()
        after = wait_for_shown_seconds(page, read_seconds(shown) + 1)  # it goes on...
        since_resume = time.monotonic() - resumed_at
        # ...from where it stopped: a clock that counted the pause would show 3 s more than this bound.
        assert after <= frozen + since_resume + 1, (after, frozen, since_resume)
        assert client.get_job_status(job_id)["active_seconds"] <= frozen + time.monotonic() - resumed_at
    finally:
        live_gate.release(job_id, float("inf"))
        client.delete_job(job_id)


def test_tables_job_downloads_each_table_and_big_ones_through_public_links(browser_page, ui, client, tmp_path):
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)
    shop = {**SHOP, "tables": [{k: v for k, v in SHOP["tables"][0].items() if k != "rows"}, *SHOP["tables"][1:]]}
    job_id = client.create_job(shop, 100, 50, "csv", name="shop")["job_id"]
    status = wait_for_status(client, job_id, {"completed"})
    tables = status["tables"]
    assert tables["customers"]["rows"] <= LINK_ROWS < tables["orders"]["rows"]
    page = browser_page
    page.goto(f"{ui[0]}/monitor?job={job_id}")
    expect(page.get_by_role("heading", name="shop")).to_be_visible()
    expect(page.get_by_text("3 tables ·")).to_be_visible()
    expect(page.get_by_role("button", name="customers")).to_be_visible()
    expect(page.get_by_text("Preview of customers")).to_be_visible()
    wait_until_idle(page)
    save_screenshot(page, "mb_4_tables_job")

    # A small table passes through the UI server, under the API's name for it.
    with page.expect_download() as download_info:
        page.get_by_role("button", name="customers").click()
    assert download_info.value.suggested_filename == tables["customers"]["file_name"]
    saved = tmp_path / "customers.csv"
    download_info.value.save_as(saved)
    assert saved.read_bytes() == client.download(job_id, "customers").content

    # Bigger ones (and the zip) are links to the API's public address.
    public = urlsplit(ui[1])
    for label, table in (("orders", "orders"), ("All 3 tables (zip)", None)):
        link = page.get_by_role("link", name=label)
        href = link.get_attribute("href")
        assert urlsplit(href).netloc == public.netloc and "token=" in href
        link.evaluate("a => a.removeAttribute('target')")  # download in this page, not a new tab
        with page.expect_download() as download_info:
            link.click()
        expected = client.download(job_id, table)
        assert download_info.value.suggested_filename == expected.file_name
        content = open(download_info.value.path(), "rb").read()
        assert content == expected.content
    assert zipfile.ZipFile(io.BytesIO(content)).namelist() == ["customers.csv", "orders.csv", "employees.csv"]
    client.delete_job(job_id)


def test_dark_browser_gets_the_dark_theme_and_a_phone_screen_stays_usable(ui, client):
    from playwright.sync_api import expect, sync_playwright

    job_id = client.create_job(SCHEMA, 100, 50, "csv", name="phone check")["job_id"]
    wait_for_status(client, job_id, {"completed"})
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS)
        backgrounds = {}
        for scheme in ("dark", "light"):
            page = browser.new_page(viewport={"width": 390, "height": 844}, color_scheme=scheme,
                                    is_mobile=True, has_touch=True)
            page.goto(f"{ui[0]}/monitor?job={job_id}")
            expect(page.get_by_role("heading", name="phone check")).to_be_visible(timeout=30_000)
            expect(page.get_by_role("button", name="Download dataset")).to_be_visible()
            wait_until_idle(page)
            backgrounds[scheme] = page.evaluate(
                "getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor")
            # Nothing is cut off sideways: the page never needs a horizontal scroll.
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
            save_screenshot(page, f"mb_5_phone_{scheme}")
        browser.close()
    brightness = {s: sum(int(c) for c in bg[bg.index("(") + 1:bg.index(")")].split(",")[:3])
                  for s, bg in backgrounds.items()}
    assert brightness["dark"] < 150 < 600 < brightness["light"], backgrounds
    client.delete_job(job_id)
    assert httpx.get(f"{client.base_url}/jobs/{job_id}/status").status_code == 404
