"""Driving the app in AppTest: start it with a client, press buttons, read texts."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from .processes import PROJECT_ROOT

APP_FILE = str(PROJECT_ROOT / "streamlit_app.py")
MONITOR_PAGE = "app_pages/monitor_jobs.py"
BROWSE_PAGE = "app_pages/browse_jobs.py"


def start_app(client: Any, page: str | None = None, **query_params: str) -> AppTest:
    app = AppTest.from_file(APP_FILE, default_timeout=60)
    app.session_state["api_client"] = client
    for name, value in query_params.items():
        app.query_params[name] = value
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def click_button(app: AppTest, label: str) -> AppTest:
    matches = [button for button in app.button if button.label == label]
    assert matches, f"no button {label!r}; buttons: {[b.label for b in app.button]}"
    matches[0].click().run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def find_button(app: AppTest, label: str):
    return next((button for button in app.button if button.label == label), None)


def schema_json_area(app: AppTest):
    return next(area for area in app.text_area if area.label == "Schema JSON")


def texts(elements) -> list[str]:
    return [str(element.value) for element in elements]


def load(app: AppTest, doc: dict[str, Any]) -> AppTest:
    """Put ``doc`` in the editor through the JSON tab, as a user pasting it would."""
    schema_json_area(app).set_value(json.dumps(doc))
    return click_button(app, "Apply JSON")


def current_doc(app: AppTest) -> dict[str, Any]:
    return app.session_state["schema_doc"]


def widget(elements, label: str):
    return next(element for element in elements if element.label == label)
