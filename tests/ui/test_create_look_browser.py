"""The Create and Browse pages as a user sees them, in headless Chromium against real API and Streamlit
processes: a chart per column of the preview (read from the drawn SVG), the "Use it elsewhere" snippets
shown and run for real (curl against the API, the synthgen CLI, Python), and a phone-sized screen on
which every control stays inside the screen and the main actions work.

Set UI_SCREENSHOT_DIR to keep a picture of each step.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import time

import httpx
import pytest

from src.api_client import ApiClient, ApiError

from .browser import (  # noqa: F401 - browser_page is a fixture, used by name
    BROWSER_MARKS, CHROMIUM_ARGS, CHROMIUM_PATH, browser_page, open_draft, select_newest_job, type_text,
)
from .processes import VENV_BIN
from .test_browser_e2e import (  # noqa: F401 - streamlit_url is a fixture, used by name
    choose_option, save_screenshot, set_number, streamlit_url, wait_until_idle,
)

pytestmark = BROWSER_MARKS

# One column of each chart kind, and an id (no chart); fixed bounds, so every run makes the same rows.
ORDERS = {"fields": [
    {"name": "order_id", "type": "uuid"},
    {"name": "age", "type": "integer", "constraints": {"min_value": 18, "max_value": 80}},
    {"name": "status", "type": "enum",
     "constraints": {"enum_values": ["new", "paid", "shipped"], "weights": [5, 3, 1]}},
    {"name": "total", "type": "price", "constraints": {"min_value": 5, "max_value": 500}},
    {"name": "ordered_on", "type": "date", "constraints": {"min_value": "2025-01-01", "max_value": "2025-12-31"}},
]}
PHONE = {"width": 390, "height": 844}
# Controls a user acts on; those inside a grid, a code block or a chart scroll with it.
OUT_OF_SCREEN_JS = """() => {
  const inner = '[data-testid=stDataFrame], [data-testid=stCode], [data-testid=stVegaLiteChart]';
  return [...document.querySelectorAll('[data-testid=stMain] button, [data-testid=stMain] input,'
                                       + ' [data-testid=stMain] textarea, [data-testid=stMain] [role=tab]')]
    .filter(e => !e.closest(inner) && e.getClientRects().length)
    .filter(e => { const r = e.getBoundingClientRect();
                   return r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1); })
    .map(e => e.innerText || e.getAttribute('aria-label') || e.placeholder || e.tagName);
}"""


@pytest.fixture
def client(live_api_url):
    client = ApiClient(live_api_url)
    yield client
    client.close()


def wait_for_job(client: ApiClient, job_id: str) -> dict:
    deadline = time.monotonic() + 120
    while (status := client.get_job_status(job_id))["status"] != "completed":
        assert status["status"] not in ("failed", "cancelled") and time.monotonic() < deadline, status
        time.sleep(0.2)
    return status


def read_charts(page) -> dict[str, list[str]]:
    """Each drawn chart's title -> the ARIA labels Vega gives its axes (they name each axis' scale)."""
    return page.locator("[data-testid=stVegaLiteChart] svg").evaluate_all("""svgs => Object.fromEntries(
        svgs.map(svg => [svg.querySelector('.role-title text')?.textContent,
                         [...svg.querySelectorAll('[aria-roledescription=axis]')]
                           .map(a => a.getAttribute('aria-label'))]))""")


def measure_bars(page, title: str) -> list[dict[str, float]]:
    """The width and height on screen of each bar the chart titled `title` draws."""
    chart = page.locator("[data-testid=stVegaLiteChart]").filter(
        has=page.locator(".role-title text", has_text=re.compile(f"^{title}$")))
    return chart.locator(".mark-rect path").evaluate_all(
        "paths => paths.map(p => { const r = p.getBoundingClientRect();"
        " return {width: r.width, height: r.height}; })")


def snippet(page, first_words: str) -> str:
    """The text of the code block that starts with `first_words`, as its copy button would give it."""
    from playwright.sync_api import expect

    block = page.locator("[data-testid=stCode]").filter(has_text=first_words)
    expect(block).to_have_count(1)
    expect(block).to_be_visible()
    assert block.bounding_box()["height"] > 100  # shown, not folded into an expander
    return block.locator("code").inner_text()


def test_preview_draws_a_chart_per_column_of_the_right_kind(page):
    from playwright.sync_api import expect

    open_draft(page, ORDERS)
    page.get_by_role("button", name="Preview sample").click()
    expect(page.get_by_text("Sample of 500 rows")).to_be_visible(timeout=90_000)
    expect(page.locator("[data-testid=stVegaLiteChart] svg")).to_have_count(4)
    wait_until_idle(page)
    charts = read_charts(page)
    assert set(charts) == {"age", "status", "total", "ordered_on"}, charts  # ids get none
    expect(page.get_by_text("No chart for order_id: their values are all different")).to_be_visible()
    # Numbers: a histogram over a linear axis; categories: one bar per value; dates: a time axis.
    assert any(label.startswith("X-axis for a linear scale") for label in charts["age"]), charts["age"]
    assert any(label.startswith("X-axis for a linear scale") for label in charts["total"]), charts["total"]
    assert "Y-axis for a discrete scale with 3 values: new, paid, shipped" in charts["status"], charts["status"]
    status_bars = measure_bars(page, "status")
    assert len(status_bars) == 3 and min(bar["height"] for bar in status_bars) >= 12  # readable, not slivers
    assert any(label.startswith("X-axis for a time scale") for label in charts["ordered_on"]), charts["ordered_on"]
    weeks = measure_bars(page, "ordered_on")
    assert len(weeks) > 40 and min(bar["width"] for bar in weeks) >= 2  # a bar spanning each week
    # Each histogram has room for its bars: no plot squashed to a few pixels.
    for title in ("age", "total", "ordered_on"):
        assert max(bar["height"] for bar in measure_bars(page, title)) >= 90, title
    save_screenshot(page, "look_1_charts")


def test_snippets_are_shown_and_curl_cli_and_python_make_the_dataset(page, client, tmp_path):
    from playwright.sync_api import expect

    open_draft(page, ORDERS)
    set_number(page, "Rows", "1234")
    set_number(page, "Seed", "7")
    type_text(page, "Job name", "snippet check")
    expect(page.locator("[data-testid=stCode]").filter(has_text='"name": "snippet check"')).to_have_count(1)
    save_screenshot(page, "look_2_snippets")

    curl = snippet(page, "curl -s -X POST")
    assert client.base_url in curl
    answer = subprocess.run(["bash", "-c", curl], capture_output=True, text=True, timeout=60, check=True)
    job_id = httpx.Response(200, content=answer.stdout).json()["job_id"]
    status = wait_for_job(client, job_id)
    assert (status["name"], status["total_rows"], status["seed"]) == ("snippet check", 1234, 7)
    via_api = client.download(job_id)
    assert via_api.file_name.startswith("snippet_check_") and via_api.file_name.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(via_api.content.decode())))
    assert len(rows) == 1234 and {row["status"] for row in rows} == {"new", "paid", "shipped"}
    client.delete_job(job_id)

    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"}
    cli = snippet(page, "cat > schema.json")
    subprocess.run(["bash", "-c", cli], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
                   check=True)
    assert (tmp_path / "snippet check.csv").read_bytes() == via_api.content  # the same seed, the same rows

    python = snippet(page, "import synthgen")
    (tmp_path / "snippet check.csv").unlink()
    subprocess.run([str(VENV_BIN / "python"), "-c", python], cwd=tmp_path, capture_output=True, text=True,
                   timeout=120, check=True)
    assert (tmp_path / "snippet check.csv").read_bytes() == via_api.content


def new_phone_page(playwright, scheme: str = "light"):
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS)
    page = browser.new_page(viewport=PHONE, color_scheme=scheme, is_mobile=True, has_touch=True)
    page.set_default_timeout(30_000)
    return browser, page


def assert_fits_the_screen(page) -> None:
    wait_until_idle(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert page.evaluate(OUT_OF_SCREEN_JS) == []


def test_create_on_a_phone_screen_edits_previews_and_starts(streamlit_url, live_api_url, client):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)
    with sync_playwright() as playwright:
        browser, page = new_phone_page(playwright, "dark")
        page.streamlit_url = streamlit_url
        open_draft(page, ORDERS)
        assert_fits_the_screen(page)
        save_screenshot(page, "look_3_phone_create")

        choose_option(page, "Edit field", "3. status")
        expect(page.get_by_text(re.compile(r"^Field status\s*· enum"))).to_be_visible()
        page.get_by_role("button", name="Copy").click()
        expect(page.get_by_role("combobox", name="Edit field")).to_have_value(re.compile("4. status_copy"))
        wait_until_idle(page)
        page.get_by_role("button", name="Remove").click()
        expect(page.get_by_role("combobox", name="Edit field")).to_have_value(re.compile("3. status"))
        set_number(page, "Rows", "300")
        page.get_by_role("button", name="Preview sample").click()
        expect(page.get_by_text("Sample of 500 rows")).to_be_visible(timeout=90_000)
        expect(page.locator("[data-testid=stVegaLiteChart] svg")).to_have_count(4)
        assert_fits_the_screen(page)
        for chart in page.locator("[data-testid=stVegaLiteChart]").all():
            box = chart.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1
        save_screenshot(page, "look_4_phone_preview")

        page.get_by_role("button", name="Start generation").click()
        expect(page.get_by_role("heading", name="Monitor Jobs")).to_be_visible()
        page.wait_for_url("**/monitor?job=*")
        job_id = page.url.split("job=")[1].split("&")[0]
        expect(page.get_by_role("button", name="Download dataset")).to_be_visible(timeout=90_000)
        assert_fits_the_screen(page)
        browser.close()
    assert wait_for_job(client, job_id)["total_rows"] == 300
    client.delete_job(job_id)


def test_browse_on_a_phone_screen_selects_and_deletes_after_the_confirmation(streamlit_url, client):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)
    job_id = client.create_job(ORDERS, 200, 100, "csv", name="phone browse")["job_id"]
    status = wait_for_job(client, job_id)
    with sync_playwright() as playwright:
        browser, page = new_phone_page(playwright)
        page.goto(f"{streamlit_url}/browse")
        expect(page.locator('[data-testid="stDataFrame"]')).to_be_visible()
        assert_fits_the_screen(page)
        select_newest_job(page, "phone browse")
        expect(page.get_by_role("button", name="Open in monitor")).to_be_visible()
        page.get_by_role("button", name="Delete", exact=True).click()
        warning = page.locator('[data-testid="stAlertContentWarning"]')
        expect(warning).to_contain_text(f"{status['file_name']} (200 rows, CSV)")
        assert_fits_the_screen(page)
        save_screenshot(page, "look_5_phone_browse_delete")
        assert client.get_job_status(job_id)["status"] == "completed"  # nothing is gone before the yes
        page.get_by_role("button", name="Delete permanently").click()
        expect(page.get_by_text("Deleted phone browse and its files.")).to_be_visible()
        browser.close()
    with pytest.raises(ApiError) as gone:
        client.get_job_status(job_id)
    assert gone.value.status == 404
