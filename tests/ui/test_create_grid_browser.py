"""The Create page's field grid edited in its cells, in headless Chromium against real API and Streamlit
processes: a name typed, a type chosen and a blank % set in the grid reach the schema JSON and the samples.

Set UI_SCREENSHOT_DIR to keep a picture of each step.
"""

from __future__ import annotations

import re

from .browser import (  # noqa: F401 - browser_page is a fixture, used by name
    BROWSER_MARKS, browser_page, open_draft, wait_until_idle,
)
from .test_browser_e2e import choose_option, save_screenshot, streamlit_url  # noqa: F401 - a fixture
from .test_create_browser import field_samples
from .test_field_editor_browser import wait_for_json

pytestmark = BROWSER_MARKS

DOC = {"fields": [
    {"name": "code", "type": "string"},
    {"name": "score", "type": "integer", "constraints": {"min_value": 1, "max_value": 5}},
]}
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# Where the grid's columns lie (Streamlit's widths: medium 200 px, small 75 px, then 80 px) and its rows
# (35 px each, under a 35 px header): the grid draws on a canvas, so a cell is reached by position.
COLUMN_CENTERS = {"name": 100, "type": 237, "blank": 315}


def open_cell(page, column: str, row: int):
    """Double-click a cell of the field grid, as a user opens it for editing."""
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.scroll_into_view_if_needed()
    wait_until_idle(page)
    box = grid.bounding_box()
    page.mouse.dblclick(box["x"] + COLUMN_CENTERS[column], box["y"] + 35 + 35 * row + 17)


def type_in_cell(page, column: str, row: int, text: str) -> None:
    from playwright.sync_api import expect

    cell = page.locator("[id^=gdg-overlay] :is(input, textarea)")  # the grid's cell editor
    for _ in range(3):  # a double-click during a rerun (the grid redrawn under it) opens nothing: again
        open_cell(page, column, row)
        try:
            cell.wait_for(state="visible", timeout=10_000)
            break
        except Exception:  # noqa: BLE001 - the expect below reports it
            continue
    expect(cell).to_be_visible()
    cell.fill(text)
    cell.press("Enter")
    wait_until_idle(page)


def test_name_type_and_blank_edited_in_the_grid_reach_the_json_and_the_samples(page):
    from playwright.sync_api import expect

    open_draft(page, DOC)
    type_in_cell(page, "name", 0, "customer_code")
    doc = wait_for_json(page, r'"name": "customer_code"')
    assert [f["name"] for f in doc["fields"]] == ["customer_code", "score"]
    expect(page.get_by_role("combobox", name="Edit field")).to_have_value(re.compile("1. customer_code"))

    open_cell(page, "type", 0)
    choice = page.locator(".glide-select input")  # the type column's drop-down, searched as typed
    choice.fill("uuid")
    expect(page.get_by_role("option", name="uuid", exact=True)).to_be_visible()
    choice.press("Enter")
    wait_until_idle(page)
    doc = wait_for_json(page, r'"type": "uuid"')
    assert doc["fields"][0] == {"name": "customer_code", "type": "uuid"}
    choose_option(page, "Edit field", "1. customer_code")
    expect(page.get_by_text(re.compile(r"^Field customer_code\s*· uuid"))).to_be_visible()
    samples = field_samples(page, "customer_code")
    assert len(samples) == 3 and all(re.fullmatch(UUID, value) for value in samples), samples
    save_screenshot(page, "grid_1_name_and_type")

    type_in_cell(page, "blank", 1, "100")
    doc = wait_for_json(page, r'"null_probability"')
    assert doc["fields"][1]["constraints"] == {"min_value": 1, "max_value": 5, "nullable": True,
                                               "null_probability": 1.0}
    choose_option(page, "Edit field", "2. score")
    expect(page.get_by_text(re.compile(r"^Field score\s*· integer"))).to_be_visible()
    expect(page.get_by_text("Samples: ∅ · ∅ · ∅")).to_be_visible()  # every value blank
    save_screenshot(page, "grid_2_blank")
