"""The UI side of API keys: ApiClient sends API_KEY, and large downloads use signed links."""

from __future__ import annotations

import time

import httpx
import pytest

from src.api_client import ApiClient, ApiError
from src.config import Settings
from tests.api_server.conftest import LiveServer
from tests.api_server.helpers import job_body

from .apptest_helpers import MONITOR_PAGE, start_app, texts

KEY = "ui-key-4c1e0b"


@pytest.fixture(scope="module")
def keyed_api(tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("ui_keyed"), API_KEY=f"other-key,{KEY}")
    server.start()
    yield server
    server.close()


def settings_for(server: LiveServer, **extra) -> Settings:
    return Settings(_env_file=None, api_base_url=server.base_url, api_key=f"{KEY},other-key", **extra)


def test_client_sends_api_key_and_opens_signed_links(keyed_api):
    client = ApiClient.from_settings(settings_for(keyed_api))
    job_id = client.create_job(job_body(200, 100)["schema"], 200, 100, "csv")["job_id"]
    deadline = time.monotonic() + 60
    while client.get_job_status(job_id)["status"] != "completed":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    expected = client.download(job_id).content

    link = client.create_download_link(job_id)
    assert link["url"].startswith(f"{keyed_api.base_url}/jobs/{job_id}/download?token=")
    assert httpx.get(link["url"]).content == expected  # a browser needs no key

    public = ApiClient.from_settings(settings_for(keyed_api, public_api_url="https://data.example/api/"))
    rebased = public.create_download_link(job_id)["url"]
    assert rebased.startswith(f"https://data.example/api/jobs/{job_id}/download?token=")

    keyless = ApiClient(keyed_api.base_url)
    with pytest.raises(ApiError) as refused:
        keyless.list_jobs()
    assert refused.value.status == 401 and "X-API-Key" in refused.value.message
    wrong = ApiClient(keyed_api.base_url, api_key="guessed-key")
    with pytest.raises(ApiError) as refused:
        wrong.list_jobs()
    assert refused.value.status == 401 and "guessed-key" not in refused.value.message


def test_monitor_offers_a_signed_link_for_huge_files(fake_client):
    job_id = fake_client.add_job(status="completed", total_rows=50_000_000, rows_generated=50_000_000)
    app = start_app(fake_client, MONITOR_PAGE)
    (button,) = app.get("link_button")
    assert button.proto.url == f"http://fake-api/jobs/{job_id}/download?token=1.signed"
    assert ("create_download_link", job_id) in fake_client.calls


def test_monitor_says_why_when_no_link_can_be_made(fake_client):
    fake_client.add_job(status="completed", total_rows=50_000_000, rows_generated=50_000_000)
    fake_client.fail_with["create_download_link"] = ApiError(401, "API key not accepted")
    app = start_app(fake_client, MONITOR_PAGE)
    assert not app.get("link_button")
    assert texts(app.error) == ["Could not make a download link: API key not accepted"]
