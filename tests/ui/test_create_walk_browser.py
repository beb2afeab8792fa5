"""The Create page's editing and keeping of work as a new user meets it, in headless Chromium against
real API and Streamlit processes: errors as a list with "did you mean", rows above MAX_ROWS blocking
Start, enum values with weights and an expression checked before it is applied, and saved schemas
duplicated, renamed, deleted after a confirmation and loaded.

Set UI_SCREENSHOT_DIR to keep a picture of each step.
"""

from __future__ import annotations

import json
import re


from src.config import get_settings

from .browser import (  # noqa: F401 - browser_page is a fixture, used by name
    BROWSER_MARKS, browser_page, open_draft, type_text, wait_until_idle,
)
from .schema_docs import PEOPLE
from .test_browser_e2e import (  # noqa: F401 - streamlit_url is a fixture, used by name
    choose_option, save_screenshot, set_number, streamlit_url,
)

pytestmark = BROWSER_MARKS


def read_json_tab(page) -> dict:
    """The whole document as the JSON tab shows it."""
    from playwright.sync_api import expect

    page.get_by_role("tab", name="JSON", exact=True).click()
    area = page.get_by_role("textbox", name="Schema JSON")
    expect(area).to_be_visible()
    return json.loads(area.input_value())


def test_misspelled_types_are_listed_with_did_you_mean_and_start_stays_off(page):
    from playwright.sync_api import expect

    page.goto(page.streamlit_url)
    area = page.get_by_role("textbox", name="Schema JSON")
    expect(area).to_be_visible(timeout=120_000)
    area.fill(json.dumps({"fields": [{"name": "n", "type": "integr"}, {"name": "m", "type": "emial"}]}))
    page.get_by_role("button", name="Apply JSON").click()
    error = page.locator("[data-testid=stAlertContentError]").filter(has_text="The schema has 2 problems")
    expect(error).to_be_visible()
    items = error.locator("li")
    expect(items).to_have_count(2)  # one line per problem, each naming its field and rule
    expect(items.nth(0)).to_have_text(re.compile(r"^field 'n' type: unknown field type 'integr' "
                                                 r"\(did you mean 'integer'\?\)"))
    expect(items.nth(1)).to_have_text(re.compile(r"^field 'm' type: unknown field type 'emial' "
                                                 r"\(did you mean 'email'\?\)"))
    assert "uuid" not in error.inner_text()  # never a dump of every type name
    expect(page.get_by_role("button", name="Start generation")).to_be_disabled()
    save_screenshot(page, "walk_1_did_you_mean")


def test_a_broken_rule_in_a_loaded_schema_is_named_and_blocks_start(page):
    from playwright.sync_api import expect

    broken = {"fields": [*PEOPLE["fields"][:2],
                         {"name": "status", "type": "enum", "constraints": {"enum_values": ["a", "b"],
                                                                             "weights": [1, 2, 3]}}]}
    open_draft(page, broken)
    error = page.locator("[data-testid=stAlertContentError]").filter(has_text="The schema has a problem")
    expect(error).to_contain_text("status")
    expect(error).to_contain_text("weights has 3 entries but enum_values has 2")
    expect(page.get_by_role("button", name="Start generation")).to_be_disabled()


def test_rows_above_max_rows_block_start_with_the_reason(page):
    from playwright.sync_api import expect

    open_draft(page, PEOPLE)
    too_many = get_settings().max_rows + 1
    set_number(page, "Rows", str(too_many))
    expect(page.get_by_text(f"Cannot start: Rows must be at most {too_many - 1:,} (MAX_ROWS).")).to_be_visible()
    expect(page.get_by_role("button", name="Start generation")).to_be_disabled()
    set_number(page, "Rows", "500")
    expect(page.get_by_role("button", name="Start generation")).to_be_enabled()


def test_enum_weights_are_typed_in_the_values_grid_and_an_expression_is_checked_first(page):
    from playwright.sync_api import expect

    open_draft(page, PEOPLE)
    choose_option(page, "Edit field", "3. status")
    expect(page.get_by_text(re.compile(r"^Field status\s*· enum"))).to_be_visible()
    wait_until_idle(page)
    values = page.locator("[data-testid=stDataFrame]").nth(1)  # the field grid, then the values grid
    values.scroll_into_view_if_needed()
    box = values.bounding_box()
    # The grid draws on a canvas: the first value's weight is in the right half of its first row.
    page.mouse.dblclick(box["x"] + box["width"] * 0.8, box["y"] + 35 + 17)
    cell = page.locator(".gdg-input")  # the grid's cell editor
    expect(cell).to_have_value("1")  # a value without a weight: 1, all equally often
    cell.fill("9")
    cell.press("Enter")
    wait_until_idle(page)
    expect(page.get_by_text(re.compile(r"^Samples: "))).to_be_visible()
    save_screenshot(page, "walk_2_enum_weights")
    # The edit reaches the script in a rerun that may not have started yet: wait for the document to show it.
    page.get_by_role("tab", name="JSON", exact=True).click()
    expect(page.get_by_role("textbox", name="Schema JSON")).to_have_value(re.compile(r'"weights"'), timeout=60_000)
    assert read_json_tab(page)["fields"][2]["constraints"] == {"enum_values": ["active", "inactive"],
                                                               "weights": [9, 1]}

    page.get_by_role("tab", name="Table", exact=True).click()
    choose_option(page, "Edit field", "2. age")
    expect(page.get_by_text(re.compile(r"^Field age"))).to_be_visible()
    wait_until_idle(page)
    expression = page.get_by_role("textbox", name="Expression")
    expression.fill("person_id +")
    expression.press("Enter")
    expect(page.get_by_text(re.compile(r"^Not applied: field 'age' expression"))).to_be_visible()
    save_screenshot(page, "walk_3_expression_refused")
    assert "expression" not in read_json_tab(page)["fields"][1].get("constraints", {})

    page.get_by_role("tab", name="Table", exact=True).click()
    wait_until_idle(page)
    expression = page.get_by_role("textbox", name="Expression")
    expression.fill("18 + 2")
    expression.press("Enter")
    expect(page.get_by_text("Samples: 20 · 20 · 20")).to_be_visible()
    assert read_json_tab(page)["fields"][1]["constraints"]["expression"] == "18 + 2"


def test_saved_schemas_duplicate_rename_delete_after_confirmation_and_load(page):
    from playwright.sync_api import expect

    open_draft(page, PEOPLE)
    type_text(page, "Schema name", "walk people")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved 'walk people'.")).to_be_visible()

    page.get_by_role("tab", name="Saved schemas").click()
    picker = page.get_by_role("combobox", name="Saved schema")
    expect(picker).to_have_value(re.compile(r"^walk people · 3 fields"))
    wait_until_idle(page)
    page.get_by_role("button", name="Duplicate").click()
    expect(picker).to_have_value(re.compile(r"^walk people \(copy\) · 3 fields"))

    wait_until_idle(page)
    type_text(page, "New name", "walk people v2")
    page.get_by_role("button", name="Rename").click()
    expect(picker).to_have_value(re.compile(r"^walk people v2 · 3 fields"))
    save_screenshot(page, "walk_4_saved_renamed")

    wait_until_idle(page)
    page.locator("[data-testid=stTabs]").first.get_by_role("button", name="Delete", exact=True).click()
    warning = page.locator("[data-testid=stAlertContentWarning]").filter(has_text="walk people v2")
    expect(warning).to_contain_text("Only the saved schema is removed")
    save_screenshot(page, "walk_5_saved_delete_confirmation")
    page.get_by_role("button", name="Delete it").click()
    expect(warning).to_have_count(0)
    picker.click()
    options = page.get_by_role("option")
    expect(options.filter(has_text="walk people v2")).to_have_count(0)
    expect(options.filter(has_text=re.compile(r"^walk people · 3 fields"))).to_have_count(1)
    page.keyboard.press("Escape")

    wait_until_idle(page)
    page.get_by_role("button", name="Load", exact=True).click()
    expect(page.get_by_text("Loaded the saved schema 'walk people'.")).to_be_visible()
    choose_option(page, "Edit field", "2. age")
    expect(page.get_by_role("spinbutton", name="maximum")).to_have_value("80")
