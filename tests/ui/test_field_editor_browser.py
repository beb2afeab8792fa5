"""The field editor's widgets in headless Chromium, against real API and Streamlit processes: pattern,
unique, decimals, distribution, blank %, `after` and `when` set with widgets and seen in the samples and
the JSON; a `when` checked before it is applied; the type picker's group filter and search; fields moved,
copied, removed and added.

Set UI_SCREENSHOT_DIR to keep a picture of each step.
"""

from __future__ import annotations

import json
import re

import httpx

from .browser import (  # noqa: F401 - browser_page is a fixture, used by name
    BROWSER_MARKS, browser_page, open_draft, type_text, wait_until_idle,
)
from .schema_docs import PEOPLE
from .test_browser_e2e import (  # noqa: F401 - streamlit_url is a fixture, used by name
    choose_option, save_screenshot, streamlit_url,
)
from .test_create_browser import field_samples, set_field_number

pytestmark = BROWSER_MARKS

SHIPMENTS = {"fields": [
    {"name": "id", "type": "sequence"},
    {"name": "code", "type": "string"},
    {"name": "amount", "type": "float", "constraints": {"min_value": 1, "max_value": 100}},
    {"name": "shipped_on", "type": "date", "constraints": {"min_value": "2025-01-01", "max_value": "2025-06-30"}},
    {"name": "delivered_on", "type": "date", "constraints": {"min_value": "2025-01-01", "max_value": "2025-12-31"}},
    {"name": "ordered_on", "type": "date", "constraints": {"min_value": "2024-07-01", "max_value": "2025-06-30"}},
]}


def wait_for_json(page, pattern: str) -> dict:
    """The whole document as the JSON tab shows it, once its text matches `pattern` (an edit reaches the
    script in a rerun that may not have started yet); then back to the table."""
    from playwright.sync_api import expect

    page.get_by_role("tab", name="JSON", exact=True).click()
    area = page.get_by_role("textbox", name="Schema JSON")
    expect(area).to_have_value(re.compile(pattern, re.DOTALL), timeout=60_000)
    doc = json.loads(area.input_value())
    page.get_by_role("tab", name="Table", exact=True).click()
    wait_until_idle(page)
    return doc


def constraints_of(doc: dict, name: str) -> dict:
    return next(f for f in doc["fields"] if f["name"] == name).get("constraints", {})


def edit(page, option: str) -> None:
    """Choose the field to edit and wait for its editor."""
    from playwright.sync_api import expect

    choose_option(page, "Edit field", option)
    expect(page.get_by_text(re.compile(rf"^Field {option.split('. ')[1]}\s*·"))).to_be_visible()
    wait_until_idle(page)


def test_pattern_unique_decimals_distribution_and_blank_are_set_with_widgets(page):
    from playwright.sync_api import expect

    open_draft(page, SHIPMENTS)
    edit(page, "2. code")
    type_text(page, "Pattern", r"INV-\d{4}")
    expect(page.get_by_text(re.compile(r"^Samples: INV-\d{4} · INV-\d{4} · INV-\d{4}$"))).to_be_visible()
    page.get_by_text("Unique", exact=True).click()
    wait_until_idle(page)
    doc = wait_for_json(page, r'"unique": true')
    assert constraints_of(doc, "code") == {"pattern": r"INV-\d{4}", "unique": True}
    save_screenshot(page, "field_1_pattern")

    edit(page, "3. amount")
    choose_option(page, "Distribution", re.compile("^normal$"))
    set_field_number(page, "mean", "50")
    set_field_number(page, "std", "2")
    set_field_number(page, "Decimals", "1")
    # Normal around 50 with a std of 2, one decimal: every sample shows it once the edit is in.
    expect(page.get_by_text(re.compile(r"^Samples: \d+(\.\d)? · \d+(\.\d)? · \d+(\.\d)?$"))).to_be_visible()
    values = [float(v) for v in field_samples(page, "amount")]
    assert all(40 <= v <= 60 and v == round(v, 1) for v in values), values
    set_field_number(page, "Blank %", "25")
    doc = wait_for_json(page, r'"null_probability"')
    assert constraints_of(doc, "amount") == {
        "min_value": 1, "max_value": 100, "decimals": 1, "distribution": {"kind": "normal", "mean": 50, "std": 2},
        "nullable": True, "null_probability": 0.25}
    save_screenshot(page, "field_2_distribution")

    # Back to uniform: the distribution is gone from the document, not left behind.
    choose_option(page, "Distribution", "uniform (default)")
    expect(page.get_by_role("spinbutton", name="mean")).to_have_count(0)
    doc = wait_for_json(page, r'^((?!"distribution").)*$')
    assert "distribution" not in constraints_of(doc, "amount")


def test_after_and_when_are_chosen_and_a_broken_condition_is_not_applied(page):
    from playwright.sync_api import expect

    open_draft(page, SHIPMENTS)
    edit(page, "5. delivered_on")
    choose_option(page, "After (field)", "shipped_on")
    expect(page.get_by_role("combobox", name="After (field)")).to_have_value("shipped_on")
    type_text(page, "When", "id >= 2")
    # Row 1 (id 1) fails the condition: its value is blank; the others are dated after their shipping.
    expect(page.get_by_text(re.compile(r"^Samples: ∅ · \d{4}-\d\d-\d\d · \d{4}-\d\d-\d\d$"))).to_be_visible()
    delivered = field_samples(page, "delivered_on")
    save_screenshot(page, "field_3_after_when")
    doc = wait_for_json(page, r'"when": "id >= 2"')
    assert constraints_of(doc, "delivered_on") == {"min_value": "2025-01-01", "max_value": "2025-12-31",
                                                   "when": "id >= 2", "after": "shipped_on"}
    edit(page, "6. ordered_on")
    choose_option(page, "Before (field)", "shipped_on")
    doc = wait_for_json(page, r'"before": "shipped_on"')
    assert constraints_of(doc, "ordered_on")["before"] == "shipped_on"
    ordered = field_samples(page, "ordered_on")
    edit(page, "4. shipped_on")  # the same sample rows: the same document
    shipped = field_samples(page, "shipped_on")
    assert all(d >= s for s, d in zip(shipped[1:], delivered[1:])), (shipped, delivered)
    assert all(o <= s for s, o in zip(shipped, ordered)), (shipped, ordered)

    edit(page, "5. delivered_on")
    type_text(page, "When", "id >=")
    refusal = page.get_by_text(re.compile(r"^Not applied: field 'delivered_on' when"))
    expect(refusal).to_be_visible()
    # Said right under the input it refuses, above the next options.
    when_box = page.get_by_role("textbox", name="When").bounding_box()
    after_box = page.get_by_role("combobox", name="After (field)").bounding_box()
    assert when_box["y"] + when_box["height"] <= refusal.bounding_box()["y"] < after_box["y"]
    save_screenshot(page, "field_4_when_refused")
    doc = wait_for_json(page, r'"when": "id >= 2"')  # the document keeps the last good condition
    assert constraints_of(doc, "delivered_on")["when"] == "id >= 2"


def test_type_picker_filters_by_group_and_searches_within_it(page, live_api_url):
    from playwright.sync_api import expect

    catalog = httpx.get(f"{live_api_url}/schema/types", timeout=60).json()
    finance = [entry["type"] for entry in catalog if entry["group"] == "finance"]
    assert len(finance) >= 2
    open_draft(page, PEOPLE)
    edit(page, "1. person_id")
    choose_option(page, "Group", re.compile("^finance$"))
    picker = page.get_by_role("combobox", name=re.compile(r"^Type \("))
    expect(page.get_by_text(f"Type ({len(finance)} matches)")).to_be_visible()
    picker.click()
    options = page.get_by_role("option")
    # The field keeps its type (first) until another is chosen; then the group's types, each with an example.
    expect(options).to_have_count(len(finance) + 1)
    shown = [text.split(" · ")[0] for text in options.all_inner_texts()]
    assert shown == ["uuid", *finance], shown
    assert all(" · " in text for text in options.all_inner_texts())
    save_screenshot(page, "field_5_group_filter")
    page.keyboard.press("Escape")

    type_text(page, "Search types", "zzzz")
    expect(page.get_by_text("Type (0 matches)")).to_be_visible()
    expect(page.get_by_text("No type matches; clear the search.")).to_be_visible()
    wanted = next(entry for entry in catalog if entry["type"] == "credit_card_number")
    type_text(page, "Search types", "card")
    expect(page.get_by_text(re.compile(r"^Type \(1 match\)$"))).to_be_visible()
    choose_option(page, re.compile(r"^Type \("), f"credit_card_number · {wanted['example']}")
    expect(page.get_by_text(re.compile(r"^Field person_id\s*· credit_card_number"))).to_be_visible()
    expect(page.get_by_role("spinbutton", name="Decimals")).to_have_count(0)  # a card has no range
    assert wait_for_json(page, r'"credit_card_number"')["fields"][0]["type"] == "credit_card_number"


def test_fields_move_up_and_down_are_copied_removed_and_added(page):
    from playwright.sync_api import expect

    open_draft(page, PEOPLE)
    chosen = page.get_by_role("combobox", name="Edit field")
    edit(page, "3. status")

    def names(pattern: str) -> list[str]:
        return [f["name"] for f in wait_for_json(page, pattern)["fields"]]

    page.get_by_role("button", name="Up", exact=True).click()
    expect(chosen).to_have_value("2. status")  # the moved field stays chosen
    assert names(r'"status".*"age"') == ["person_id", "status", "age"]
    save_screenshot(page, "field_6_moved_up")
    wait_until_idle(page)
    page.get_by_role("button", name="Down", exact=True).click()
    expect(chosen).to_have_value("3. status")
    assert names(r'"age".*"status"') == ["person_id", "age", "status"]

    wait_until_idle(page)
    page.get_by_role("button", name="Copy", exact=True).click()
    expect(chosen).to_have_value("4. status_copy")
    copied = wait_for_json(page, r'"status_copy"')
    assert copied["fields"][3] == {**copied["fields"][2], "name": "status_copy"}
    wait_until_idle(page)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(chosen).to_have_value("5. new_field")
    wait_until_idle(page)
    edit(page, "1. person_id")
    expect(page.get_by_role("button", name="Up", exact=True)).to_be_disabled()
    page.get_by_role("button", name="Remove", exact=True).click()
    expect(chosen).to_have_value("1. age")
    assert names(r'^((?!"person_id").)*$') == ["age", "status", "status_copy", "new_field"]
    save_screenshot(page, "field_7_removed")


def test_a_range_edit_rewrites_the_description_or_drops_the_stale_one(page):
    from playwright.sync_api import expect

    open_draft(page, PEOPLE)
    edit(page, "2. age")
    description = page.get_by_role("textbox", name="Description", exact=True)
    set_field_number(page, "maximum", "65")
    expect(description).to_have_value("age between 18 and 65")
    minimum = page.get_by_role("spinbutton", name="minimum")
    minimum.fill("")  # no minimum any more: "between 18 and" would be wrong
    minimum.press("Enter")
    expect(page.get_by_text("The description of 'age' named the old range; it was dropped.")).to_be_visible()
    expect(description).to_have_value("")
    save_screenshot(page, "field_8_description_dropped")
    age = wait_for_json(page, r'"max_value": 65')["fields"][1]
    assert "description" not in age and age["constraints"] == {"max_value": 65}
