"""The Create page's editor in headless Chromium, against real API and Streamlit processes.

Debian's chromium (`apt-get install -y chromium`), never a Playwright browser download. Set
UI_SCREENSHOT_DIR to keep a picture of each step.
"""

from __future__ import annotations

import csv
import re



from .browser import BROWSER_MARKS, browser_page, open_draft, type_text  # noqa: F401 - a fixture
from .schema_docs import PEOPLE
from .test_browser_e2e import (  # noqa: F401 - streamlit_url is a fixture, used by name
    choose_option, save_screenshot, set_number, streamlit_url, wait_until_idle,
)

pytestmark = BROWSER_MARKS

# Orders dated after their customer's signup: a rule that reads the parent row.
SHOP = {"tables": [
    {"name": "customers", "rows": 40, "fields": [
        {"name": "customer_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "signup_date", "type": "date", "constraints": {"min_value": "-2y", "max_value": "now"}}]},
    {"name": "orders", "rows_per_parent": {"parent": "customers", "min": 1, "max": 4}, "fields": [
        {"name": "order_id", "type": "uuid", "constraints": {"primary_key": True}},
        {"name": "customer_id", "type": "reference", "constraints": {"references": "customers.customer_id"}},
        {"name": "order_date", "type": "date", "constraints": {"after": "customers.signup_date"}}]},
]}


def set_field_number(page, label: str, value: str) -> None:
    """Type a number into the field editor. An edit that rewrites what the editor shows (the
    description) renews its inputs: for a moment the old input and the new one are both on the page."""
    from playwright.sync_api import expect

    box = page.get_by_role("spinbutton", name=label)
    wait_until_idle(page)
    box.fill(value)
    box.press("Enter")
    expect(box).to_have_count(1)
    expect(box).to_have_value(value)
    wait_until_idle(page)


def field_samples(page, name: str) -> list[str]:
    """The three values the editor shows next to the chosen field."""
    from playwright.sync_api import expect

    expect(page.get_by_text(re.compile(f"^Field {name}"))).to_be_visible()
    text = page.get_by_text(re.compile(r"^Samples: ")).first.inner_text()
    return text.removeprefix("Samples: ").split(" · ")


def test_pick_a_type_and_edit_a_range_and_the_samples_follow(page):
    from playwright.sync_api import expect

    open_draft(page, PEOPLE)
    choose_option(page, "Edit field", "2. age")
    assert all(18 <= int(value) <= 80 for value in field_samples(page, "age"))
    description = page.get_by_role("textbox", name="Description", exact=True)
    set_field_number(page, "minimum", "60")
    expect(description).to_have_value("age between 60 and 80")  # the edit is in: the editor is renewed
    set_field_number(page, "maximum", "62")
    expect(description).to_have_value("age between 60 and 62")
    assert all(60 <= int(value) <= 62 for value in field_samples(page, "age"))
    save_screenshot(page, "create_1_range")

    choose_option(page, "Edit field", "1. person_id")
    expect(page.get_by_text(re.compile(r"^Field person_id"))).to_be_visible()
    wait_until_idle(page)  # the editor of the chosen field replaces the one of age
    type_text(page, "Search types", "mail")
    choose_option(page, re.compile(r"^Type \("), "email · maria.lopez@gmail.com")
    expect(page.get_by_text(re.compile(r"^Field person_id\s*· email"))).to_be_visible()
    assert all("@" in value for value in field_samples(page, "person_id"))
    save_screenshot(page, "create_2_type")

    page.reload()  # the draft is in the URL: a reload keeps the work
    expect(page.get_by_role("heading", name="Use it elsewhere")).to_be_visible()
    choose_option(page, "Edit field", "2. age")
    expect(page.get_by_role("spinbutton", name="maximum")).to_have_value("62")


def test_related_tables_show_a_tab_each_and_the_diagram(page):
    from playwright.sync_api import expect

    open_draft(page, SHOP)
    expect(page.get_by_role("tab", name="Table customers")).to_be_visible()
    expect(page.get_by_role("tab", name="Table orders")).to_be_visible()
    diagram = page.locator("[data-testid=stGraphVizChart] svg")
    expect(diagram).to_be_visible()
    expect(diagram.locator("text", has_text="orders")).to_have_count(1)
    expect(diagram.locator("text", has_text="1..4")).to_have_count(1)
    page.get_by_role("tab", name="Table orders").click()
    expect(page.get_by_role("spinbutton", name="Max per customers")).to_have_value("4")
    save_screenshot(page, "create_3_tables")
    page.get_by_role("button", name="Preview sample").click()
    expect(page.get_by_text("Sample of the first rows of each table")).to_be_visible()
    expect(page.get_by_role("tab", name="orders", exact=True)).to_be_visible()


def test_from_a_sample_loads_the_inferred_schema(page, tmp_path):
    from playwright.sync_api import expect

    sample = tmp_path / "orders.csv"
    with sample.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["order_id", "amount", "status"])
        for i in range(200):
            writer.writerow([f"ORD-{100000 + i}", f"{5 + (i * 37) % 400}.{i % 100:02d}", ["new", "paid"][i % 2]])
    page.goto(page.streamlit_url)
    page.get_by_role("tab", name="From a sample").click()
    page.locator("[data-testid=stFileUploaderDropzoneInput]").first.set_input_files(str(sample))
    wait_until_idle(page)
    page.get_by_role("button", name="Infer schema").click()
    expect(page.get_by_text("Schema inferred from orders.csv")).to_be_visible()
    choose_option(page, "Edit field", "3. status")
    assert set(field_samples(page, "status")) <= {"new", "paid"}
    save_screenshot(page, "create_4_sample")


def test_invalid_rows_block_start_with_the_reason(page):
    from playwright.sync_api import expect

    open_draft(page, PEOPLE)
    set_number(page, "Rows", "0")
    expect(page.get_by_text("Cannot start: Rows must be at least 1.")).to_be_visible()
    expect(page.get_by_role("button", name="Start generation")).to_be_disabled()


def test_save_then_reload_restores_the_saved_schema(page):
    from playwright.sync_api import expect

    open_draft(page, PEOPLE)
    type_text(page, "Schema name", "people browser")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved 'people browser'.")).to_be_visible()
    # The saved schema is the whole state: its id replaces the draft in the URL.
    page.wait_for_url(lambda url: re.search(r"[?&]schema=[0-9a-f-]{36}", url) and "draft=" not in url)
    save_screenshot(page, "create_5_saved")

    page.reload()
    expect(page.get_by_text("Editing the saved schema 'people browser'")).to_be_visible(timeout=60_000)
    choose_option(page, "Edit field", "2. age")
    expect(page.get_by_role("spinbutton", name="maximum")).to_have_value("80")
    page.get_by_role("tab", name="Saved schemas").click()
    expect(page.get_by_role("combobox", name="Saved schema")).to_have_value(re.compile(r"^people browser · 3 fields"))
    save_screenshot(page, "create_6_saved_list")


def test_import_a_json_file_then_export_it_again(page, tmp_path):
    import json

    from playwright.sync_api import expect

    shop = tmp_path / "shop.json"
    shop.write_text(json.dumps(SHOP, indent=2))
    page.goto(page.streamlit_url)
    expect(page.get_by_role("heading", name="Create Dataset")).to_be_visible()
    page.get_by_role("tab", name="Saved schemas").click()
    uploader = page.locator("[data-testid=stFileUploader]").filter(has_text="Import a schema")
    uploader.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(shop))
    expect(page.get_by_text("Imported shop.json.")).to_be_visible(timeout=120_000)
    expect(page.get_by_role("tab", name="Table customers")).to_be_visible()
    page.get_by_role("tab", name="Table orders").click()
    choose_option(page, "Edit field", "3. order_date")
    expect(page.get_by_text(re.compile(r"^Field order_date\s*· date"))).to_be_visible()
    save_screenshot(page, "create_7_imported")

    wait_until_idle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export JSON").click()
    assert download.value.suggested_filename == "schema.json"
    exported = json.loads(open(download.value.path()).read())
    assert [t["name"] for t in exported["tables"]] == ["customers", "orders"]
    assert exported["tables"][1]["fields"][2]["constraints"] == {"after": "customers.signup_date"}

    broken = tmp_path / "broken.json"
    broken.write_text('{"tables": [')
    uploader.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(broken))
    expect(page.get_by_text(re.compile(r"^broken\.json is not valid JSON: "))).to_be_visible()
    expect(page.get_by_role("tab", name="Table orders")).to_be_visible()  # the schema stays


def test_add_a_child_table_to_a_one_table_schema(page):
    from playwright.sync_api import expect

    open_draft(page, PEOPLE)
    page.get_by_text("Add table", exact=True).click()
    expect(page.get_by_role("textbox", name="New table name")).to_have_value("table_2")
    choose_option(page, "Child of", "table_1")
    page.get_by_role("button", name="Add the table").click()
    expect(page.get_by_role("tab", name="Table table_2")).to_be_visible()
    expect(page.locator("[data-testid=stGraphVizChart] svg").locator("text", has_text="1..3")).to_have_count(1)
    page.get_by_role("tab", name="Table table_2").click()
    expect(page.get_by_role("spinbutton", name="Max per table_1")).to_have_value("3")
    save_screenshot(page, "create_8_added_table")
