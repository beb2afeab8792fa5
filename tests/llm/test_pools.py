"""LLM-written value pools, written through the real SDK against the Gemini stand-in."""

import asyncio
import itertools

import pytest

from src.errors import LLMError
from src.llm.pools import (
    MAX_CONCURRENT_CALLS,
    POOL_SIZE,
    TEXTS_PER_CALL,
    TEXTS_PER_CATEGORY,
    build_text_pools,
    plan_batches,
)
from src.schemas import DatasetSchema
from tests.llm.gemini_stand_in import (
    RecordedRequest,
    error_reply,
    json_answer,
    make_settings,
    model_answer,
)

REVIEWS = DatasetSchema.model_validate({
    "name": "shop reviews",
    "fields": [
        {"name": "product_category", "type": "enum",
         "constraints": {"enum_values": ["books", "garden", "toys", "audio"]}},
        {"name": "rating", "type": "integer", "constraints": {"min_value": 1, "max_value": 5}},
        {"name": "review", "type": "review", "description": "customer review",
         "constraints": {"llm_generated": True, "condition_on": "product_category"}},
        {"name": "bio", "type": "sentence", "constraints": {"llm_generated": True, "max_length": 40}},
    ],
})


def write_texts(request: RecordedRequest, counter=itertools.count()):
    """Answer each request with as many distinct texts as its response schema allows."""
    schema = request.body["generationConfig"]["responseJsonSchema"]
    answer = {key: [f"{key or 'text'} number {next(counter)} is fine" for _ in range(prop["maxItems"])]
              for key, prop in schema["properties"].items()}
    return json_answer(answer, prompt_tokens=100, output_tokens=400)


def build(schema, settings):
    return asyncio.run(build_text_pools(schema, settings))


def test_pools_are_written_in_a_fixed_number_of_batched_calls(stand_in, gemini_settings):
    stand_in.responder = write_texts

    result = build(REVIEWS, gemini_settings)

    review_pool = result.pools["review"]
    assert sorted(review_pool) == ["audio", "books", "garden", "toys"]
    assert all(len(set(texts)) == TEXTS_PER_CATEGORY for texts in review_pool.values())
    bio_pool = result.pools["bio"]
    assert len(set(bio_pool)) == POOL_SIZE and all(len(t) <= 40 for t in bio_pool)
    per_call = TEXTS_PER_CALL // TEXTS_PER_CATEGORY
    expected_calls = -(-4 // per_call) + -(-POOL_SIZE // TEXTS_PER_CALL)
    assert result.llm_calls == len(stand_in.requests) == expected_calls
    assert result.tokens_used == 500 * expected_calls
    assert result.warnings == []


def test_pool_calls_leave_sampling_at_the_model_default(stand_in, gemini_settings):
    stand_in.responder = write_texts

    build(REVIEWS, gemini_settings)

    configs = [r.body["generationConfig"] for r in stand_in.requests]
    assert configs and all("temperature" not in c and "topP" not in c and "topK" not in c for c in configs)


def test_calls_depend_on_the_schema_not_on_anything_row_related():
    many = DatasetSchema.model_validate({"fields": [
        {"name": "kind", "type": "enum", "constraints": {"enum_values": [f"k{i}" for i in range(10)]}},
        {"name": "note", "type": "sentence", "constraints": {"llm_generated": True, "condition_on": "kind"}},
    ]})
    batches = plan_batches(many.fields[1], many, [])
    assert [k for b in batches for k in b.categories] == [f"k{i}" for i in range(10)]
    assert len(batches) == 10 // (TEXTS_PER_CALL // TEXTS_PER_CATEGORY)


def test_prompt_names_the_field_the_category_and_the_length_limit(stand_in, gemini_settings):
    stand_in.responder = write_texts

    build(REVIEWS, gemini_settings)

    prompts = [r.prompt_text() for r in stand_in.requests]
    review_prompts = [p for p in prompts if "'review'" in p]
    assert review_prompts and all("'product_category'" in p for p in review_prompts)
    assert any("- garden" in p for p in review_prompts)
    assert all("at most 40 characters" in p for p in prompts if "'bio'" in p)


def test_condition_on_a_field_without_values_gives_one_shared_pool(stand_in, gemini_settings):
    schema = DatasetSchema.model_validate({"fields": [
        {"name": "city", "type": "city"},
        {"name": "note", "type": "sentence", "constraints": {"llm_generated": True, "condition_on": "city"}},
    ]})
    stand_in.responder = write_texts

    result = build(schema, gemini_settings)

    assert isinstance(result.pools["note"], list) and len(result.pools["note"]) == POOL_SIZE
    assert any("condition_on 'city'" in w for w in result.warnings)


def test_without_gemini_no_pools_and_no_calls(stand_in):
    for settings in (make_settings(None), make_settings(stand_in, llm_provider="offline")):
        result = build(REVIEWS, settings)
        assert (result.pools, result.llm_calls, result.warnings) == ({}, 0, [])
    assert stand_in.requests == []


def test_auto_mode_falls_back_to_template_text_with_a_warning(stand_in):
    settings = make_settings(stand_in, gemini_max_retries=0)
    stand_in.responder = lambda request: error_reply(503, "overloaded")

    result = build(REVIEWS, settings)

    assert result.pools == {}
    assert any(w.startswith("review:") and "503" in w and "template text" in w for w in result.warnings)
    assert any(w.startswith("bio:") and "template text" in w for w in result.warnings)
    # once Gemini is known to be down, queued batches are not sent
    assert result.llm_calls == len(stand_in.requests) <= MAX_CONCURRENT_CALLS


def test_gemini_mode_raises_when_texts_cannot_be_written(stand_in):
    settings = make_settings(stand_in, gemini_max_retries=0, llm_provider="gemini")
    stand_in.responder = lambda request: error_reply(503, "overloaded")

    with pytest.raises(LLMError, match="could not write texts"):
        build(REVIEWS, settings)


def test_an_answer_that_is_not_json_leaves_the_field_to_templates(stand_in, gemini_settings):
    schema = DatasetSchema.model_validate({"fields": [
        {"name": "note", "type": "sentence", "constraints": {"llm_generated": True}}]})
    stand_in.responder = lambda request: model_answer("Sorry, I cannot help with that.")

    result = build(schema, gemini_settings)

    assert result.pools == {}
    assert any("not JSON" in w for w in result.warnings)


def test_texts_outside_the_length_limits_and_repeats_are_dropped(stand_in, gemini_settings):
    schema = DatasetSchema.model_validate({"fields": [
        {"name": "note", "type": "sentence",
         "constraints": {"llm_generated": True, "min_length": 5, "max_length": 20}}]})
    same_every_time = ["fine text", "  fine   text ", "tiny", "this one is far too long to keep",
                       "ok then", 7]
    stand_in.responder = lambda request: json_answer({"texts": same_every_time})

    result = build(schema, gemini_settings)

    assert result.pools == {"note": ["fine text", "ok then"]}
    assert result.llm_calls == POOL_SIZE // TEXTS_PER_CALL


def test_a_failed_category_batch_keeps_the_others(stand_in):
    settings = make_settings(stand_in, gemini_max_retries=0)

    def fail_for_toys(request):
        if "- toys" in request.prompt_text():
            return error_reply(503, "overloaded")
        return write_texts(request)
    stand_in.responder = fail_for_toys

    result = build(REVIEWS, settings)

    assert "toys" not in result.pools["review"] and "books" in result.pools["review"]
    assert any("'toys'" in w and "503" in w for w in result.warnings)


def test_rows_reuse_the_pool_whatever_their_number(stand_in, gemini_settings):
    from src.engine import compile_schema

    stand_in.responder = write_texts
    result = build(REVIEWS, gemini_settings)
    calls = result.llm_calls

    plan = compile_schema(REVIEWS, seed=1, text_pools=result.pools)
    rows = plan.generate_chunk(0, 20_000).to_pydict()

    for category, review in zip(rows["product_category"], rows["review"]):
        assert review in result.pools["review"][category]
    assert set(rows["bio"]) <= set(result.pools["bio"])
    assert len(stand_in.requests) == calls
