"""Noise in expressions and hidden helper fields, against a real server: `amount = base * 1.2 plus
noise` with `base` hidden; the hidden column is in no download, preview or CREATE TABLE; the same seed
gives the same bytes for any chunk size."""

from __future__ import annotations

from .helpers import job_body, read_rows

SCHEMA = {"fields": [
    {"name": "id", "type": "sequence"},
    {"name": "base", "type": "price", "hidden": True, "constraints": {"min_value": 10, "max_value": 100}},
    {"name": "base_shown", "type": "price", "constraints": {"expression": "base"}},
    {"name": "amount", "type": "price", "constraints": {"expression": "base * 1.2 + uniform(-1, 1)"}},
    {"name": "score", "type": "float", "constraints": {"expression": "normal(50, 10)", "decimals": 3}},
    {"name": "flagged", "type": "boolean", "constraints": {"expression": "random() < 0.25"}},
]}


def _download(server, job_id: str) -> bytes:
    server.wait_for_status(job_id, {"completed"})
    response = server.client.get(f"/jobs/{job_id}/download")
    assert response.status_code == 200, response.text
    return response.content


def test_noise_and_hidden_helpers(live_server):
    first = live_server.create(job_body(3000, 700, "csv", schema=SCHEMA, seed=21))
    again = live_server.create(job_body(3000, 1000, "csv", schema=SCHEMA, seed=21))
    content = _download(live_server, first)
    assert _download(live_server, again) == content  # same seed, another split: the same bytes
    rows = read_rows(content, "csv")
    assert list(rows[0]) == ["id", "base_shown", "amount", "score", "flagged"]  # no 'base'
    gaps = [float(r["amount"]) - 1.2 * float(r["base_shown"]) for r in rows]
    assert all(-1.01 <= g <= 1.01 for g in gaps)
    assert max(gaps) > 0.8 and min(gaps) < -0.8  # the noise spreads over its range
    scores = [float(r["score"]) for r in rows]
    mean = sum(scores) / len(scores)
    sd = (sum((s - mean) ** 2 for s in scores) / len(scores)) ** 0.5
    assert 49 < mean < 51 and 9.3 < sd < 10.7
    share = sum(r["flagged"] == "true" for r in rows) / len(rows)
    assert 0.21 < share < 0.29
    other = live_server.create(job_body(3000, 700, "csv", schema=SCHEMA, seed=22))
    assert _download(live_server, other) != content  # another seed, other noise

    preview = live_server.client.get(f"/jobs/{first}/preview?rows=5").json()
    assert "base" not in preview["data"][0] and [f["name"] for f in preview["fields"]][1] == "base_shown"
    sql_job = live_server.create(job_body(50, 50, "sql", schema=SCHEMA, seed=21))
    script = _download(live_server, sql_job).decode()
    assert '"base_shown"' in script and '"base"' not in script


def test_bad_noise_calls_and_all_hidden_are_422(live_server):
    cases = [
        ({"name": "x", "type": "float", "constraints": {"expression": "uniform(1)"}},
         "schema.fields[1].constraints.expression", "uniform"),
        ({"name": "x", "type": "float", "constraints": {"expression": "normal('a', 1)"}},
         "schema.fields[1].constraints.expression", "must be a number"),
    ]
    for extra, loc, words in cases:
        schema = {"fields": [{"name": "id", "type": "sequence"}, extra]}
        answer = live_server.client.post("/jobs/create", json=job_body(10, 10, schema=schema))
        assert answer.status_code == 422, answer.text
        problems = answer.json()["problems"]
        assert any(p["loc"] == loc and words in p["message"] for p in problems), problems
    hidden = {"fields": [{"name": "id", "type": "sequence", "hidden": True}]}
    answer = live_server.client.post("/jobs/create", json=job_body(10, 10, schema=hidden))
    assert answer.status_code == 422
    assert "every field is hidden" in answer.text
