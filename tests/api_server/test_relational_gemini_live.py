"""Related tables with Gemini, end to end: a real server whose Gemini is the local stand-in (real SDK).
/schema/extract answers Gemini's multi-table document, /jobs/create runs it unchanged, the job writes the
text pools of every table's llm_generated fields once, and the zip's rows hold every rule."""

from __future__ import annotations

import copy

from tests.api_server.relational_checks import check_tables, read_zip_tables
from tests.llm.gemini_stand_in import json_answer, stand_in  # noqa: F401  (fixture)
from tests.llm.test_pools import write_texts

TEXT = "200 authors and their posts (1 to 4 per author); a post is published after the author joined"
BLOG = {"total_rows": 200, "schema": {"tables": [
    {"name": "authors", "rows": 200, "fields": [
        {"name": "author_id", "type": "uuid", "constraints": {"primary_key": True}},
        {"name": "joined_at", "type": "date", "constraints": {"min_value": "-3y", "max_value": "-30d"}},
        {"name": "bio", "type": "sentence", "constraints": {"llm_generated": True}}]},
    {"name": "posts", "rows_per_parent": {"parent": "authors", "min": 1, "max": 4}, "fields": [
        {"name": "post_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "author_id", "type": "reference", "constraints": {"references": "authors.author_id"}},
        {"name": "published_at", "type": "date", "constraints": {"after": "authors.joined_at", "max_value": "now"}},
        {"name": "topic", "type": "enum", "constraints": {"enum_values": ["food", "travel", "tech"]}},
        {"name": "teaser", "type": "review", "constraints": {"llm_generated": True, "condition_on": "topic"}}]}]}}


def _answer(request):
    properties = request.body["generationConfig"]["responseJsonSchema"].get("properties", {})
    if "schema" in properties:  # the extraction request
        return json_answer(copy.deepcopy(BLOG), prompt_tokens=700, output_tokens=300)
    return write_texts(request)  # a text pool request


def test_gemini_relational_extract_runs_as_a_job_with_text_pools_per_table(live_server_factory, stand_in):
    stand_in.responder = _answer
    server = live_server_factory(GEMINI_API_KEY="test-key", GEMINI_BASE_URL=stand_in.base_url,
                                 GEMINI_MODEL="gemini-test", LLM_PROVIDER="gemini")

    response = server.client.post("/schema/extract", json={"user_input": TEXT})
    assert response.status_code == 200, response.text
    extracted = response.json()
    assert extracted["provider"] == "gemini" and extracted["total_rows"] == 200
    assert [t["name"] for t in extracted["schema"]["tables"]] == ["authors", "posts"]
    extract_calls = len(stand_in.requests)

    job_id = server.create({"schema": extracted["schema"], "total_rows": extracted["total_rows"],
                            "chunk_size": 150, "output_format": "csv", "seed": 9})
    status = server.wait_for_status(job_id, {"completed", "failed"}, timeout=120)
    assert status["status"] == "completed", status
    pool_calls = len(stand_in.requests) - extract_calls
    assert pool_calls > 0 and status["llm_calls"] == pool_calls  # written once for the job, not per row
    tables = read_zip_tables(server.client.get(f"/jobs/{job_id}/download").content)
    check_tables(extracted["schema"], tables)
    assert len(tables["authors"]) == 200 and 200 <= len(tables["posts"]) <= 800
    # every text comes from the pools the stand-in wrote (its texts say 'number <n> is fine')
    assert all(a["bio"].endswith("is fine") for a in tables["authors"])
    assert all(p["teaser"].startswith(p["topic"] + " number") for p in tables["posts"])
