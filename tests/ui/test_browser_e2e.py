"""A user's whole flow in headless Chromium, against real API and Streamlit processes.

Uses Debian's chromium (`apt-get install -y chromium`), never a Playwright browser download.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from src.api_client import ApiClient

from .browser import BROWSER_MARKS, browser_page, wait_until_idle  # noqa: F401 - the fixture is used by name
from .processes import VENV_BIN, find_free_port, running_service

SCREENSHOT_DIR = os.environ.get("UI_SCREENSHOT_DIR")  # set it to keep a picture of each step

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def streamlit_url(live_api_data, tmp_path_factory):
    """The Streamlit app as a real process, pointed at the real API."""
    port = find_free_port()
    log_path = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    command = [str(VENV_BIN / "streamlit"), "run", "streamlit_app.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    env = {**os.environ, "API_BASE_URL": live_api_data[0]}
    with running_service(command, env, log_path, "/_stcore/health", port) as url:
        yield url


def save_screenshot(page, name: str) -> None:
    """The whole page: Streamlit scrolls inside its main block, so the window grows to its height first."""
    if SCREENSHOT_DIR:
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        window = page.viewport_size
        height = page.evaluate("document.querySelector('[data-testid=stMain]')?.scrollHeight || 0")
        page.set_viewport_size({"width": window["width"], "height": max(height, window["height"])})
        page.screenshot(path=str(Path(SCREENSHOT_DIR) / f"{name}.png"), full_page=True)
        page.set_viewport_size(window)


def test_describe_extract_start_watch_and_download(browser_page, streamlit_url, live_api_url, tmp_path):
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)  # the first run of a fresh Streamlit process imports a lot
    page = browser_page
    page.goto(streamlit_url)
    expect(page.get_by_role("heading", name="Create Dataset")).to_be_visible()
    expect(page.get_by_text("API connected")).to_be_visible()

    page.get_by_label("Dataset description").fill(
        "Orders with an order id, customer name, quantity between 1 and 10, unit price $10-500 "
        "and an order date in the last 90 days")
    page.get_by_role("button", name="Extract schema").click()
    expect(page.get_by_text("Schema extracted by")).to_be_visible()
    save_screenshot(page, "e2e_1_extracted")

    set_number(page, "Rows", "30000")
    choose_option(page, "Format", "parquet")
    set_number(page, "Seed", "7")
    expect(page.get_by_role("spinbutton", name="Rows")).to_have_value("30000")

    page.get_by_role("button", name="Preview sample").click()
    expect(page.get_by_text("Sample of 500 rows")).to_be_visible(timeout=90_000)
    save_screenshot(page, "e2e_2_sample")

    page.get_by_role("button", name="Start generation").click()
    expect(page.get_by_role("heading", name="Monitor Jobs")).to_be_visible()
    page.wait_for_url("**/monitor?job=*")
    job_id = page.url.split("job=")[1].split("&")[0]

    download_button = page.get_by_role("button", name="Download dataset")
    expect(download_button).to_be_visible(timeout=90_000)
    expect(page.get_by_text("completed", exact=True)).to_be_visible()
    save_screenshot(page, "e2e_3_completed")
    with page.expect_download() as download_info:
        download_button.click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)

    assert saved.suffix == ".parquet"
    table = pq.read_table(io.BytesIO(saved.read_bytes()))
    assert table.num_rows == 30_000
    assert {"quantity", "unit_price"} <= set(table.column_names)
    quantities = table.column("quantity").to_pylist()
    assert min(quantities) >= 1 and max(quantities) <= 10

    job = ApiClient(live_api_url).get_job_status(job_id)
    assert (job["status"], job["total_rows"], job["output_format"], job["seed"]) == \
        ("completed", 30_000, "parquet", 7)



def set_number(page, label: str, value: str, attempts: int = 4) -> None:
    """Type a number as a user would; an edit overwritten by a rerun in flight is typed again."""
    box = page.get_by_role("spinbutton", name=label)
    for _ in range(attempts):
        wait_until_idle(page)
        box.fill(value)
        box.press("Enter")
        page.wait_for_timeout(300)
        wait_until_idle(page)
        if box.input_value() == value:
            return
    raise AssertionError(f"{label} did not keep the value {value!r}")


def choose_option(page, label: str, option: str, attempts: int = 4) -> None:
    """Pick an option of a select box. A click that lands while Streamlit reruns the page can close
    the list again, so the list is reopened until the option shows (as a user would)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(attempts):
        wait_until_idle(page)
        page.get_by_role("combobox", name=label).click()
        try:
            page.get_by_role("option", name=option).click(timeout=5_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError(f"could not choose {option!r} in {label!r}")


def read_progress_percent(page) -> float:
    text = page.get_by_text("% ·").first.inner_text()
    return float(text.split("%")[0])


def test_monitor_refreshes_live_and_controls_work(browser_page, streamlit_url, live_api_url):
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)
    client = ApiClient(live_api_url)
    schema = {"fields": [{"name": "id", "type": "sequence"}, {"name": "name", "type": "full_name"},
                         {"name": "note", "type": "sentence"}]}
    # Big enough to run for minutes; the test pauses and cancels it within seconds.
    job_id = client.create_job(schema, total_rows=100_000_000, chunk_size=10_000,
                               output_format="csv")["job_id"]
    try:
        page = browser_page
        page.goto(f"{streamlit_url}/monitor?job={job_id}")
        expect(page.get_by_text("generating", exact=True)).to_be_visible()
        expect(page.get_by_text("Time left")).to_be_visible()
        first = read_progress_percent(page)
        # No reload: the panel refreshes itself while the job runs.
        for _ in range(60):
            page.wait_for_timeout(500)
            if read_progress_percent(page) > first:
                break
        assert read_progress_percent(page) > first, "the progress did not move without a reload"
        save_screenshot(page, "e2e_4_running")

        page.get_by_role("button", name="Pause").click()
        expect(page.get_by_role("button", name="Resume")).to_be_visible()
        assert client.get_job_status(job_id)["status"] == "paused"

        page.get_by_role("button", name="Cancel").click()
        expect(page.get_by_text("The job was cancelled.")).to_be_visible()
        expect(page.get_by_role("button", name="Resume")).to_have_count(0)
        assert client.get_job_status(job_id)["status"] == "cancelled"
    finally:
        client.delete_job(job_id)
