"""The Create page's JSON file in and out through AppTest: Export JSON gives the document's bytes, and an
imported file (one table, related tables, or a broken one) replaces the schema or is refused in one line."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import app_test
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from app_pages.schema_table import normalize_schema

from .apptest_helpers import click_button, current_doc, load, start_app, texts, widget
from .schema_docs import PEOPLE, SHOP


class _KeptMediaStorage(MemoryMediaFileStorage):
    """AppTest's media storage (one per run), kept so a test can read what a download button serves."""

    made: list[MemoryMediaFileStorage] = []

    def __init__(self, media_endpoint: str) -> None:
        super().__init__(media_endpoint)
        self.made.append(self)


@pytest.fixture
def media_files(monkeypatch):
    monkeypatch.setattr(_KeptMediaStorage, "made", [])
    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", _KeptMediaStorage)
    return _KeptMediaStorage.made


def downloaded(app, media_files, label):
    """(file name, bytes) the download button ``label`` serves, as the browser would save them."""
    (button,) = [b for b in app.get("download_button") if b.proto.label == label]
    served = media_files[-1].get_file(button.proto.url.rsplit("/", 1)[-1])
    return served.filename, served.content


def import_file(app, name, content: bytes):
    (uploader,) = [u for u in app.file_uploader if u.label == "Import a schema (JSON file)"]
    uploader.set_value((name, content, "application/json")).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def grid_names(app, table=0):
    return list(app.data_editor[table].value["name"])


@pytest.mark.parametrize("doc", [PEOPLE, SHOP], ids=["one table", "related tables"])
def test_export_serves_the_document_under_the_schema_name(fake_client, media_files, doc):
    app = load(start_app(fake_client), doc)
    app.text_input(key="save_name_None").set_value("my shop/v2").run()
    name, content = downloaded(app, media_files, "Export JSON")
    assert name == "my_shop_v2.json"
    # The canonical document (a primary key is written unique), which the API takes as it is.
    assert json.loads(content) == normalize_schema(current_doc(app)) == normalize_schema(doc)
    assert content.decode() == json.dumps(json.loads(content), indent=2)  # readable in an editor


def test_export_of_an_invalid_draft_keeps_what_was_typed(fake_client, media_files):
    broken = {"fields": [{"name": "age", "type": "integer", "constraints": {"min_value": 9, "max_value": 1}}]}
    app = start_app(fake_client)
    app.session_state["schema_doc"] = broken
    app.run()
    assert any("min_value" in text for text in texts(app.error))
    _, content = downloaded(app, media_files, "Export JSON")
    assert json.loads(content) == broken  # the work is not lost, even before it is fixed


def test_import_a_one_table_file_loads_its_fields(fake_client):
    app = load(start_app(fake_client), SHOP)
    import_file(app, "people.json", json.dumps(PEOPLE, indent=2).encode())
    assert current_doc(app) == PEOPLE
    assert grid_names(app) == ["person_id", "age", "status"]
    assert "Imported people.json." in texts(app.success)
    assert [tab.label for tab in app.tabs][3:5] == ["Table", "JSON"]


def test_import_a_related_tables_file_and_an_exported_record(fake_client, media_files):
    app = load(start_app(fake_client), PEOPLE)
    import_file(app, "shop.json", json.dumps(SHOP).encode())
    assert current_doc(app) == normalize_schema(SHOP)
    assert grid_names(app, 0) == ["customer_id", "country"]
    assert grid_names(app, 1) == ["order_id", "customer_id", "total"]
    assert [tab.label for tab in app.tabs][3:6] == ["Table customers", "Table orders", "JSON"]

    # What Export JSON gave comes back as it was; a saved record ({"name", "schema"}) too.
    _, exported = downloaded(app, media_files, "Export JSON")
    load(app, PEOPLE)
    import_file(app, "shop_export.json", exported)
    assert current_doc(app) == normalize_schema(SHOP)
    import_file(app, "record.json", json.dumps({"id": "x", "name": "people", "schema": PEOPLE}).encode())
    assert current_doc(app) == PEOPLE


@pytest.mark.parametrize(("content", "message"), [
    (b'{"fields": [{"name": "a", "type": "uuid"},', "broken.json is not valid JSON: "),
    (b"\xff\xfe\x00garbage", "broken.json is not valid JSON: "),
    (b"", "broken.json is not valid JSON: "),
    (b"42", "broken.json is not a schema: "),
    (b'{"fields": [{"name": "n", "type": "integr"}]}', "broken.json is not a valid schema: "),
])
def test_a_broken_file_is_refused_in_one_line_and_nothing_is_lost(fake_client, content, message):
    app = load(start_app(fake_client), PEOPLE)
    version = app.session_state["schema_version"]
    import_file(app, "broken.json", content)
    errors = [text for text in texts(app.error) if "broken.json" in text]
    assert len(errors) == 1 and errors[0].startswith(message), texts(app.error)
    assert "\n" not in errors[0] and "Traceback" not in errors[0]
    assert current_doc(app) == PEOPLE and app.session_state["schema_version"] == version
    assert grid_names(app) == ["person_id", "age", "status"]
    app.run()  # the message stays while that file is the one chosen
    assert any(text.startswith(message) for text in texts(app.error))
