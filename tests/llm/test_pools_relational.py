"""Text pools for multi-table jobs: every table's llm_generated fields get pools (real SDK, stand-in), keyed
by table, and compile_relational draws those tables' texts from them."""

from __future__ import annotations

import asyncio

from src.engine.relational import compile_relational
from src.llm.pools import POOL_SIZE, TEXTS_PER_CATEGORY, build_job_text_pools, needs_text_pools
from tests.llm.test_pools import write_texts

BLOG = {"tables": [
    {"name": "authors", "rows": 40, "fields": [
        {"name": "author_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "bio", "type": "sentence", "constraints": {"llm_generated": True, "max_length": 60}}]},
    {"name": "posts", "rows_per_parent": {"parent": "authors", "min": 1, "max": 3}, "fields": [
        {"name": "post_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "author_id", "type": "reference", "constraints": {"references": "authors.author_id"}},
        {"name": "topic", "type": "enum", "constraints": {"enum_values": ["food", "travel"]}},
        {"name": "teaser", "type": "review",
         "constraints": {"llm_generated": True, "condition_on": "topic"}}]},
    {"name": "tags", "rows": 10, "fields": [{"name": "tag_id", "type": "sequence",
                                             "constraints": {"primary_key": True}}]},
]}


def test_needs_text_pools_looks_into_every_table():
    assert needs_text_pools(BLOG)
    assert not needs_text_pools({"tables": [BLOG["tables"][2]]})
    assert needs_text_pools({"fields": BLOG["tables"][0]["fields"]})


def test_each_table_gets_its_pools_and_the_engine_draws_from_them(stand_in, gemini_settings):
    stand_in.responder = write_texts

    result = asyncio.run(build_job_text_pools(BLOG, gemini_settings))

    assert sorted(result.pools) == ["authors", "posts"]  # tags has no llm_generated field
    assert len(set(result.pools["authors"]["bio"])) == POOL_SIZE
    teasers = result.pools["posts"]["teaser"]
    assert sorted(teasers) == ["food", "travel"] and all(len(set(t)) == TEXTS_PER_CATEGORY for t in teasers.values())
    assert result.llm_calls == len(stand_in.requests) > 0 and result.tokens_used == 500 * result.llm_calls

    plan = compile_relational(BLOG, seed=4, text_pools=result.pools)
    authors = plan.tables["authors"].plan.generate_chunk(0, 40).to_pylist()
    assert all(a["bio"] in result.pools["authors"]["bio"] for a in authors)
    posts_plan = plan.tables["posts"].plan
    posts = posts_plan.generate_chunk(0, plan.rows_per_table["posts"]).to_pylist()
    assert posts and all(p["teaser"] in teasers[p["topic"]] for p in posts)


def test_without_gemini_no_pools_are_written_and_no_call_is_made(stand_in):
    from tests.llm.gemini_stand_in import make_settings

    result = asyncio.run(build_job_text_pools(BLOG, make_settings(None)))
    assert result.pools == {} and result.llm_calls == 0 and stand_in.requests == []
